import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, Pagination, Tags } from "../../../ui/components/common.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { ListFilter, ListSort } from "../inputs.js";
import type { ThreadListItem } from "../queries.js";

export const kindLabels = {
  question: "Question",
  discussion: "Discussion",
  announcement: "Announcement",
} as const;

const filterLabels: Record<ListFilter, string> = {
  all: "All threads",
  questions: "Questions",
  discussions: "Discussions",
  announcements: "Announcements",
  unanswered: "Unanswered questions",
};

export function KindBadge({ kind }: { kind: keyof typeof kindLabels }) {
  return <span class={`badge thread-kind thread-kind-${kind}`}>{kindLabels[kind]}</span>;
}

/** One thread in a list: kind, title, author, replies, answered, last activity, tags. */
export function ThreadItem({
  thread,
  href,
  community,
}: {
  thread: ThreadListItem;
  href: string;
  community?: { name: string; href: string };
}) {
  return (
    <li class="thread-item">
      <div class="thread-item-badges">
        <KindBadge kind={thread.kind} />
        {thread.pinnedAt && <span class="badge badge-muted">Pinned</span>}
        {thread.kind === "question" && thread.acceptedReplyId && (
          <span class="badge thread-answered">Answered</span>
        )}
        {thread.lockedAt && <span class="badge badge-muted">Locked</span>}
        {thread.hiddenAt && <span class="badge badge-muted">Hidden</span>}
      </div>
      <h3 class="thread-item-title">
        <a href={href}>{thread.title}</a>
      </h3>
      <p class="thread-item-meta muted">
        {thread.authorName ? `By ${thread.authorName}` : "By a former member"}
        {community && (
          <>
            {" in "}
            <a href={community.href}>{community.name}</a>
          </>
        )}
        {" · "}
        {thread.replyCount === 1 ? "1 reply" : `${thread.replyCount} replies`}
        {" · last activity "}
        <RelativeTime date={thread.lastActivityAt} />
      </p>
      <Tags tags={thread.tags} />
    </li>
  );
}

/** The Discussions tab: filters, sort, the threads, pagination, and a way to start one. */
export function DiscussionList({
  base,
  page,
  show,
  sort,
  canStart,
  currentUrl,
}: {
  base: string;
  page: Page<ThreadListItem>;
  show: ListFilter;
  sort: ListSort;
  canStart: boolean;
  currentUrl: URL;
}) {
  return (
    <section class="discussions" aria-labelledby="discussions-heading">
      <div class="discussions-header">
        <h2 id="discussions-heading">Discussions</h2>
        {canStart && (
          <a class="button" href={`${base}/discussions/new`}>
            Start a discussion
          </a>
        )}
      </div>
      <form class="filters discussion-filters" method="get" action={`${base}/discussions`}>
        <div class="field">
          <label for="field-show">Show</label>
          <select id="field-show" name="show">
            {Object.entries(filterLabels).map(([value, label]) => (
              <option value={value} selected={value === show}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="field-sort">Sort by</label>
          <select id="field-sort" name="sort">
            <option value="activity" selected={sort === "activity"}>
              Latest activity
            </option>
            <option value="newest" selected={sort === "newest"}>
              Newest
            </option>
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          Apply
        </button>
      </form>
      <div id="results">
        {page.items.length === 0 ? (
          <EmptyState title={show === "all" ? "Start the first discussion" : "Nothing matches"}>
            <p>
              {show === "all"
                ? "Ask a question, raise a problem or share what worked. Someone here may have dealt with it already."
                : "No threads match this filter. Try showing all threads."}
            </p>
            {canStart && (
              <p>
                <a href={`${base}/discussions/new`}>Start a discussion</a>
              </p>
            )}
          </EmptyState>
        ) : (
          <ul class="thread-list">
            {page.items.map((thread) => (
              <ThreadItem thread={thread} href={`${base}/discussions/${thread.id}`} />
            ))}
          </ul>
        )}
        <Pagination page={page} baseUrl={currentUrl} />
      </div>
    </section>
  );
}
