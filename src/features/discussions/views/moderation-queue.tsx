import { raw } from "hono/html";
import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import type { Page } from "../../../platform/http/pagination.js";
import { renderMarkdown } from "../../../platform/markdown.js";
import { EmptyState, Pagination } from "../../../ui/components/common.js";
import { Button, CsrfField, ErrorSummary, RadioGroup, TextArea } from "../../../ui/components/form.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import { flagReasonLabels } from "../moderation-inputs.js";
import type { OverviewRow, QueueItem, QueueStatus } from "../moderation-queries.js";

const threadUrlOf = (slug: string, threadId: string) => `/communities/${slug}/discussions/${threadId}`;
const postUrlOf = (slug: string, item: { threadId: string; postId: string; kind: "thread" | "reply" }) =>
  item.kind === "thread"
    ? threadUrlOf(slug, item.threadId)
    : `${threadUrlOf(slug, item.threadId)}#reply-${item.postId}`;
const modPath = (slug: string, item: { threadId: string; postId: string }, act: string) =>
  `${threadUrlOf(slug, item.threadId)}/moderation/posts/${item.postId}/${act}?from=queue`;

/** The moderation queue of a community: reported posts grouped, with hide, dismiss and unhide. */
export function ModerationQueue({
  ctx,
  community,
  status,
  page,
  currentUrl,
  timeZone,
}: {
  ctx: PageContext;
  community: { slug: string; name: string; status: string };
  status: QueueStatus;
  page: Page<QueueItem>;
  currentUrl: URL;
  timeZone: string;
}) {
  const items = page.items;
  const base = `/communities/${community.slug}/moderation`;
  const writable = community.status !== "closed";
  return (
    <section class="moderation-queue" aria-labelledby="moderation-title">
      <h2 id="moderation-title">Moderation</h2>
      <p class="lead">
        Posts people have reported in {community.name}. Hide a post that breaks the{" "}
        <a href={`/communities/${community.slug}/charter#code-of-conduct`}>code of conduct</a> (its author is
        told why), or dismiss the reports if nothing needs doing.
      </p>
      <nav class="tabs moderation-tabs" aria-label="Reports">
        <ul>
          <li>
            <a href={base} aria-current={status === "open" ? "page" : undefined}>
              Open reports
            </a>
          </li>
          <li>
            <a href={`${base}?status=resolved`} aria-current={status === "resolved" ? "page" : undefined}>
              Dealt with
            </a>
          </li>
        </ul>
      </nav>
      {items.length === 0 ? (
        <EmptyState title={status === "open" ? "No open reports" : "No reports dealt with yet"}>
          <p>
            {status === "open"
              ? "Nobody has reported a post that is waiting for a decision. When someone does, the convenors are told and it appears here."
              : "Reports that moderators hide or dismiss are listed here."}
          </p>
        </EmptyState>
      ) : (
        <>
          <ol class="moderation-items">
            {items.map((item) => (
              <li class="panel moderation-item" id={`report-${item.postId}`}>
                <div class="moderation-item-head">
                  <h3>
                    <a href={postUrlOf(community.slug, item)}>
                      {item.kind === "thread" ? "Thread" : "Reply in"} “{item.threadTitle}”
                    </a>
                  </h3>
                  <p class="muted">
                    By {item.authorName ?? "a former member"},{" "}
                    <RelativeTime date={item.postedAt} timeZone={timeZone} />
                    {" · "}
                    {item.flags.length === 1 ? "1 report" : `${item.flags.length} reports`}
                  </p>
                  {item.hiddenAt && (
                    <p class="badge">Hidden{item.hiddenReason ? `: ${item.hiddenReason}` : ""}</p>
                  )}
                  {item.deleted && <p class="badge badge-muted">Deleted by its author</p>}
                </div>
                <div class="prose moderation-post">{raw(renderMarkdown(item.body))}</div>
                <h4 class="visually-hidden">Reports</h4>
                <ul class="moderation-flags">
                  {item.flags.map((flag) => (
                    <li>
                      <strong>{flagReasonLabels[flag.reason].label}</strong>
                      {" — "}
                      <span class="muted">
                        {flag.reporterName ?? "A former member"},{" "}
                        <RelativeTime date={flag.createdAt} timeZone={timeZone} />
                        {flag.status === "dismissed"
                          ? " (dismissed)"
                          : flag.status === "resolved"
                            ? " (resolved)"
                            : ""}
                      </span>
                      {flag.note && <p class="moderation-flag-note">{flag.note}</p>}
                    </li>
                  ))}
                </ul>
                {writable && !item.deleted && (
                  <div class="form-actions moderation-actions">
                    {!item.hiddenAt && (
                      <a class="button" href={modPath(community.slug, item, "hide")}>
                        Hide the post…
                      </a>
                    )}
                    {item.hiddenAt && (
                      <form
                        method="post"
                        action={modPath(community.slug, item, "unhide")}
                        class="inline-form"
                      >
                        <CsrfField token={ctx.csrfToken} />
                        <Button variant="secondary">Unhide the post</Button>
                      </form>
                    )}
                    {status === "open" && (
                      <form
                        method="post"
                        action={modPath(community.slug, item, "dismiss")}
                        class="inline-form"
                      >
                        <CsrfField token={ctx.csrfToken} />
                        <Button variant="secondary">Dismiss the reports</Button>
                      </form>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
          <Pagination page={page} baseUrl={currentUrl} />
        </>
      )}
    </section>
  );
}

/** The programme team's view: open reports per community, each linking to its queue. */
export function AdminModeration({
  page,
  currentUrl,
  timeZone,
}: {
  page: Page<OverviewRow>;
  currentUrl: URL;
  timeZone: string;
}) {
  const rows = page.items;
  return (
    <>
      <div class="page-header">
        <h1>Moderation across communities</h1>
        <p class="lead">
          Open reports of posts, by community. Each community's convenors deal with their own.
        </p>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No open reports">
          <p>No community has a reported post waiting for a decision.</p>
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Open reports by community</caption>
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col">Posts reported</th>
                <th scope="col">Open reports</th>
                <th scope="col">Oldest report</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  <th scope="row">
                    <a href={`/communities/${row.slug}/moderation`}>{row.name}</a>
                  </th>
                  <td>{row.posts}</td>
                  <td>{row.open}</td>
                  <td>
                    <RelativeTime date={row.oldest} timeZone={timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} baseUrl={currentUrl} />
    </>
  );
}

export const hideTitle = (kind: "thread" | "reply") => `Hide this ${kind}?`;

/** Confirmation for hiding a post: what will happen, and the reason its author is told. */
export function HideConfirmation({
  ctx,
  action,
  cancel,
  post,
  values,
  errors,
}: {
  ctx: PageContext;
  action: string;
  cancel: string;
  post: { kind: "thread" | "reply"; title: string; authorName: string | null; body: string };
  values?: FormValues;
  errors?: FieldErrors;
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>{hideTitle(post.kind)}</h1>
      <blockquote class="flag-post-quote">
        <p class="muted">
          {post.kind === "thread" ? "Thread" : "Reply in"} “{post.title}”
          {post.authorName ? ` by ${post.authorName}` : ""}
        </p>
        <div class="prose">{raw(renderMarkdown(post.body))}</div>
      </blockquote>
      <p>
        {post.kind === "thread"
          ? "The thread and its replies will disappear from lists, search and the API for everyone but moderators."
          : "The reply will disappear from the thread, search and the API for everyone but moderators."}{" "}
        Its open reports are marked as dealt with. The author is told, with the reason you give. You can
        unhide it later.
      </p>
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextArea
          name="reason"
          label="Why are you hiding it?"
          hint="The author sees this. Be specific and kind, for example which part of the code of conduct it breaks."
          rows={3}
          maxLength={500}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button variant="danger">Hide the {post.kind}</Button>
          <a href={cancel}>Cancel and keep it visible</a>
        </div>
      </form>
    </div>
  );
}

export const moveThreadTitle = (title: string) => `Move “${title}” to another community`;

/** Confirmation for moving a thread: choose from the communities the moderator also moderates. */
export function MoveThreadConfirmation({
  ctx,
  action,
  cancel,
  thread,
  from,
  targets,
  values,
  errors,
}: {
  ctx: PageContext;
  action: string;
  cancel: string;
  thread: { title: string; replyCount: number };
  from: { name: string };
  targets: { slug: string; name: string }[];
  values?: FormValues;
  errors?: FieldErrors;
}) {
  return (
    <div class="form">
      <ErrorSummary errors={errors} />
      <h1>{moveThreadTitle(thread.title)}</h1>
      <p>
        The thread and its {thread.replyCount === 1 ? "reply" : `${thread.replyCount} replies`} move from{" "}
        {from.name} to the community you choose, with their reports. Its address changes; the author is told
        where it went. Only members of the new community may be able to read it.
      </p>
      {targets.length === 0 ? (
        <>
          <p class="notice notice-info">
            You do not moderate any other open community, so there is nowhere to move this thread.
          </p>
          <p>
            <a href={cancel}>Back to the thread</a>
          </p>
        </>
      ) : (
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <RadioGroup
            name="community"
            label="Move it to"
            hint="Communities you moderate."
            options={targets.map((target) => ({ value: target.slug, label: target.name }))}
            values={values}
            errors={errors}
          />
          <div class="form-actions">
            <Button>Move the thread</Button>
            <a href={cancel}>Cancel and keep it in {from.name}</a>
          </div>
        </form>
      )}
    </div>
  );
}
