import type { Page } from "../../../platform/http/pagination.js";
import { EmptyState, PageHeader, Pagination } from "../../../ui/components/common.js";
import { CsrfField } from "../../../ui/components/form.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { FollowedThread, PostReactions } from "../interactions-queries.js";
import { type ReactionKind, reactionKinds } from "../tables.js";

/** What the thread page knows about one post, for the interaction controls under it. */
export interface PostRef {
  id: string;
  threadId: string;
  /** The thread's address, e.g. /communities/hr-operations/discussions/<threadId>. */
  threadUrl: string;
  authorId: string | null;
  isThread: boolean;
}

export const reactionLabels: Record<ReactionKind, string> = {
  thanks: "Thanks",
  helpful: "Helpful",
  same_problem: "Same problem",
};

/** The element ids the controls swap into, and the anchors no-JS redirects return to. */
export const reactionBarId = (postId: string) => `reactions-${postId}`;
export const acceptControlId = (replyId: string) => `accept-${replyId}`;
export const followControlId = (threadId: string) => `follow-${threadId}`;

export const reactionsPath = (post: Pick<PostRef, "threadUrl" | "id">) =>
  `${post.threadUrl}/posts/${post.id}/reactions`;

/**
 * Reaction buttons (thanks, helpful, same problem) with counts, under a post. Each button toggles
 * the viewer's reaction (`aria-pressed` says whether it is given). Without JavaScript the form
 * posts and comes back to this bar; with htmx the bar is swapped in place. People who cannot react
 * (their own post, not a member) see the counts only.
 */
export function ReactionBar({
  ctx,
  post,
  reactions,
  canReact,
  oob,
}: {
  ctx: PageContext;
  post: PostRef;
  reactions: PostReactions | undefined;
  canReact: boolean;
  /** Swap out of band (htmx), when it is not the request's target. */
  oob?: boolean;
}) {
  const id = reactionBarId(post.id);
  const counts = reactions?.counts;
  const mine = new Set(reactions?.mine ?? []);
  // Nobody reacts to their own post, whatever the page passed.
  const ownPost = ctx.actor.kind === "person" && post.authorId !== null && ctx.actor.id === post.authorId;
  if (!canReact || ownPost) {
    const given = reactionKinds.filter((kind) => (counts?.[kind] ?? 0) > 0);
    if (given.length === 0)
      return <div id={id} class="reaction-bar reaction-bar-empty" hx-swap-oob={oob ? "true" : undefined} />;
    return (
      <div id={id} class="reaction-bar" hx-swap-oob={oob ? "true" : undefined}>
        <ul class="reaction-list" aria-label="Reactions">
          {given.map((kind) => (
            <li class="reaction reaction-static">
              {reactionLabels[kind]}
              <span class="visually-hidden">,</span> <span class="reaction-count">{counts?.[kind] ?? 0}</span>
              <span class="visually-hidden">{counts?.[kind] === 1 ? " person" : " people"}</span>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  const action = reactionsPath(post);
  return (
    <div id={id} class="reaction-bar" hx-swap-oob={oob ? "true" : undefined}>
      <form
        method="post"
        action={action}
        class="reaction-form"
        hx-post={action}
        hx-target={`#${id}`}
        hx-swap="outerHTML"
        aria-label="Reactions"
        role="group"
      >
        <CsrfField token={ctx.csrfToken} />
        {reactionKinds.map((kind) => {
          const count = counts?.[kind] ?? 0;
          const pressed = mine.has(kind);
          return (
            <button
              type="submit"
              name="kind"
              value={kind}
              class={pressed ? "reaction reaction-pressed" : "reaction"}
              aria-pressed={pressed ? "true" : "false"}
            >
              {reactionLabels[kind]}
              <span class="visually-hidden">,</span> <span class="reaction-count">{count}</span>
              <span class="visually-hidden">{count === 1 ? " person" : " people"}</span>
            </button>
          );
        })}
      </form>
    </div>
  );
}

/** The class of the thread page's region (ThreadView's outer element in thread.tsx). */
export const threadRegionClass = "thread";

/**
 * "Accept this answer" under a reply of a question, for the asker and convenors; the accepted
 * reply shows "Accepted answer" (to everyone) and, for them, "Unaccept".
 */
export function AcceptAnswerButton({
  ctx,
  post,
  accepted,
  canAccept,
}: {
  ctx: PageContext;
  post: PostRef;
  accepted: boolean;
  canAccept: boolean;
}) {
  const id = acceptControlId(post.id);
  if (!accepted && !canAccept) return null;
  const action = `${post.threadUrl}/replies/${post.id}/${accepted ? "unaccept" : "accept"}`;
  // With htmx the whole thread region is swapped from the page the post redirects to: accepting
  // moves the reply into (or out of) the "Accepted answer" section and resets any other answer.
  return (
    <div id={id} class="accept-answer">
      {accepted && (
        <span class="badge badge-accepted">
          <span aria-hidden="true">✓ </span>Accepted answer
        </span>
      )}
      {canAccept && (
        <form
          method="post"
          action={action}
          hx-post={action}
          hx-target={`closest .${threadRegionClass}`}
          hx-select={`.${threadRegionClass}`}
          hx-swap="outerHTML"
        >
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" class="button button-small button-secondary">
            {accepted ? "Unaccept this answer" : "Accept this answer"}
          </button>
        </form>
      )}
    </div>
  );
}

/** Follow / unfollow the thread: followers hear about new replies. */
export function FollowButton({
  ctx,
  threadUrl,
  threadId,
  following,
}: {
  ctx: PageContext;
  threadUrl: string;
  threadId: string;
  following: boolean;
}) {
  const id = followControlId(threadId);
  const action = `${threadUrl}/${following ? "unfollow" : "follow"}`;
  return (
    <div id={id} class="follow-thread">
      <form method="post" action={action} hx-post={action} hx-target={`#${id}`} hx-swap="outerHTML">
        <CsrfField token={ctx.csrfToken} />
        <button
          type="submit"
          class={following ? "button button-small button-secondary" : "button button-small"}
          aria-describedby={`${id}-hint`}
        >
          {following ? "Stop following" : "Follow this thread"}
        </button>
      </form>
      <p id={`${id}-hint`} class="follow-hint muted">
        {following ? "You are told about new replies." : "Get told about new replies."}
      </p>
    </div>
  );
}

/** `/me/following`: the threads the person follows, with "Stop following" on each. */
export function FollowingList({
  ctx,
  page,
  url,
  timeZone,
}: {
  ctx: PageContext;
  page: Page<FollowedThread>;
  url: URL;
  timeZone: string;
}) {
  return (
    <>
      <PageHeader
        title="Threads you follow"
        lead="You are told when someone replies to these threads. The most recently active come first."
      />
      {page.items.length === 0 ? (
        <EmptyState title="You are not following any threads">
          <p>
            Use “Follow this thread” on any discussion or question to hear about new replies. Find threads in{" "}
            <a href="/communities">your communities</a>.
          </p>
        </EmptyState>
      ) : (
        <ul class="following-list">
          {page.items.map((thread) => {
            const threadUrl = `/communities/${thread.communitySlug}/discussions/${thread.threadId}`;
            return (
              <li class="following-item panel" id={`following-${thread.threadId}`}>
                <div class="following-main">
                  <h2 class="following-title">
                    <a href={threadUrl}>{thread.title}</a>
                  </h2>
                  <p class="following-meta muted">
                    In <a href={`/communities/${thread.communitySlug}`}>{thread.communityName}</a>
                    {" · "}
                    {thread.replyCount === 1 ? "1 reply" : `${thread.replyCount} replies`}
                    {" · "}
                    Last activity <RelativeTime date={thread.lastActivityAt} timeZone={timeZone} />
                    {thread.kind === "question" && (
                      <>
                        {" "}
                        <span class={thread.answered ? "badge badge-accepted" : "badge badge-muted"}>
                          {thread.answered ? "Answered" : "Unanswered"}
                        </span>
                      </>
                    )}
                  </p>
                </div>
                <form method="post" action={`${threadUrl}/unfollow`} class="following-action">
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="next" value={`${url.pathname}${url.search}`} />
                  <button type="submit" class="button button-small button-secondary">
                    Stop following<span class="visually-hidden">: {thread.title}</span>
                  </button>
                </form>
              </li>
            );
          })}
        </ul>
      )}
      <Pagination page={page} baseUrl={url} />
    </>
  );
}
