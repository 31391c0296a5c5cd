import { Button, CsrfField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { PostRef } from "./post-interactions.js";

const postModerationPath = (post: PostRef, act: string) =>
  `${post.threadUrl}/moderation/posts/${post.id}/${act}`;

/** "Report" for members, and hide / unhide for moderators, under a post. */
export function PostModeration({
  ctx,
  post,
  hidden,
  canFlag,
  canModerate,
  hiddenReason,
}: {
  ctx: PageContext;
  post: PostRef;
  hidden: boolean;
  canFlag: boolean;
  canModerate: boolean;
  /** Why a moderator hid it: when given, a "Hidden by a moderator" note is shown to moderators. */
  hiddenReason?: string | null;
}) {
  const isAuthor = ctx.actor.kind === "person" && ctx.actor.id === post.authorId;
  const mayFlag = canFlag && !isAuthor && !hidden;
  if (!mayFlag && !canModerate) return null;
  const what = post.isThread ? "thread" : "reply";
  return (
    <div class="post-moderation">
      {hidden && canModerate && hiddenReason !== undefined && (
        <p class="moderation-hidden-note">
          <strong>Hidden by a moderator</strong>
          {hiddenReason ? `: ${hiddenReason}` : ""}
        </p>
      )}
      <div class="post-moderation-actions">
        {mayFlag && (
          <a class="moderation-link" href={`${post.threadUrl}/posts/${post.id}/flag`}>
            Report this {what}
          </a>
        )}
        {canModerate && !hidden && (
          <a class="moderation-link" href={postModerationPath(post, "hide")}>
            Hide this {what}…
          </a>
        )}
        {canModerate && hidden && (
          <form method="post" action={postModerationPath(post, "unhide")} class="inline-form">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="button-link">
              Unhide this {what}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}

/** Lock, pin and move controls for a whole thread, for moderators. */
export function ThreadModeration({
  ctx,
  threadUrl,
  locked,
  pinned,
  canModerate,
}: {
  ctx: PageContext;
  threadUrl: string;
  threadId: string;
  locked: boolean;
  pinned: boolean;
  canModerate: boolean;
}) {
  if (!canModerate) return null;
  const base = `${threadUrl}/moderation`;
  return (
    <section class="thread-moderation" aria-labelledby="thread-moderation-title">
      <h2 id="thread-moderation-title" class="thread-moderation-title">
        Moderate this thread
      </h2>
      <div class="thread-moderation-actions">
        <form method="post" action={`${base}/${locked ? "unlock" : "lock"}`} class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <Button variant="secondary">{locked ? "Unlock the thread" : "Lock the thread"}</Button>
        </form>
        <form method="post" action={`${base}/${pinned ? "unpin" : "pin"}`} class="inline-form">
          <CsrfField token={ctx.csrfToken} />
          <Button variant="secondary">{pinned ? "Unpin the thread" : "Pin the thread"}</Button>
        </form>
        <a class="button button-secondary" href={`${base}/move`}>
          Move to another community…
        </a>
      </div>
    </section>
  );
}
