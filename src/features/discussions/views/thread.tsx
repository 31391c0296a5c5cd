import { raw } from "hono/html";
import type { Child } from "hono/jsx";
import type { FieldErrors, FormValues } from "../../../platform/http/form.js";
import { Avatar } from "../../../ui/components/avatar.js";
import { Tags } from "../../../ui/components/common.js";
import { Button, CsrfField, ErrorSummary, TextArea } from "../../../ui/components/form.js";
import { RelativeTime } from "../../../ui/components/time.js";
import type { PageContext } from "../../../ui/page-context.js";
import type { PostReactions } from "../interactions-queries.js";
import { renderPost } from "../mentions.js";
import type { ReplyRow, ThreadRow } from "../queries.js";
import { KindBadge } from "./list.js";
import { AcceptAnswerButton, FollowButton, type PostRef, ReactionBar } from "./post-interactions.js";
import { PostModeration, ThreadModeration } from "./post-moderation.js";

export interface ThreadPermissions {
  isMember: boolean;
  canReact: boolean;
  canModerate: boolean;
  canAccept: boolean;
  canFlag: boolean;
  /** Why the viewer cannot reply, or null when they can. */
  replyRefusal: string | null;
}

interface PostProps {
  id: string;
  anchor: string;
  authorName: string | null;
  authorHandle: string | null;
  authorId: string | null;
  createdAt: Date;
  editedAt: Date | null;
  body: string;
  mentions: string[];
  hidden: { reason: string | null } | null;
  deleted: boolean;
  historyHref: string;
  isThread: boolean;
  inReplyTo?: { id: string; name: string } | null;
  controls?: Child;
  ownControls?: Child;
}

function Post(props: PostProps) {
  if (props.deleted) {
    return (
      <article class="post post-deleted" id={props.anchor}>
        <p class="muted">This post was deleted.</p>
      </article>
    );
  }
  return (
    <article class={props.hidden ? "post post-hidden" : "post"} id={props.anchor}>
      {props.hidden && (
        <p class="notice notice-info">
          Hidden by a moderator{props.hidden.reason ? `: ${props.hidden.reason}` : "."} Only moderators can
          see it.
        </p>
      )}
      <header class="post-header">
        <Avatar name={props.authorName ?? "?"} />
        <div>
          {props.authorHandle ? (
            <a class="post-author" href={`/people/${props.authorHandle}`}>
              {props.authorName}
            </a>
          ) : (
            <span class="post-author">A former member</span>
          )}
          <span class="muted">
            {" · "}
            <RelativeTime date={props.createdAt} />
            {props.editedAt && (
              <>
                {" · "}
                <a href={props.historyHref}>edited</a>
              </>
            )}
          </span>
          {props.inReplyTo && (
            <span class="muted post-in-reply-to">
              {" · in reply to "}
              <a href={`#reply-${props.inReplyTo.id}`}>{props.inReplyTo.name}</a>
            </span>
          )}
        </div>
      </header>
      <div class="prose post-body">{raw(renderPost(props.body, new Set(props.mentions)))}</div>
      {props.ownControls}
      {props.controls}
    </article>
  );
}

/** The thread page: the opening post, the accepted answer, the replies and the reply form. */
export function ThreadView({
  ctx,
  base,
  row,
  replies,
  reactions,
  permissions,
  replyValues,
  replyErrors,
}: {
  ctx: PageContext;
  base: string;
  row: ThreadRow;
  replies: ReplyRow[];
  reactions: Map<string, PostReactions>;
  permissions: ThreadPermissions;
  replyValues?: FormValues;
  replyErrors?: FieldErrors;
}) {
  const { thread } = row;
  const threadUrl = `${base}/discussions/${thread.id}`;
  const viewerId = ctx.actor.kind === "person" ? ctx.actor.id : null;
  const visible = replies.filter((r) => !r.reply.hiddenAt || permissions.canModerate);
  const names = new Map(replies.map((r) => [r.reply.id, r.authorName ?? "a former member"]));
  const shownIds = new Set(visible.map((r) => r.reply.id));
  const accepted =
    thread.kind === "question" && thread.acceptedReplyId
      ? visible.find((r) => r.reply.id === thread.acceptedReplyId && !r.reply.deletedAt)
      : undefined;

  const refOf = (id: string, authorId: string | null, isThread: boolean): PostRef => ({
    id,
    threadId: thread.id,
    threadUrl,
    authorId,
    isThread,
  });

  const ownControls = (editHref: string, deleteHref: string, authorId: string | null) =>
    viewerId && authorId === viewerId ? (
      <p class="post-own-actions">
        <a href={editHref}>Edit</a> <a href={deleteHref}>Delete</a>
      </p>
    ) : null;

  const replyPost = (r: ReplyRow) => {
    const ref = refOf(r.reply.id, r.reply.authorId, false);
    const replyHref = `${threadUrl}/replies/${r.reply.id}`;
    return (
      <Post
        id={r.reply.id}
        anchor={`reply-${r.reply.id}`}
        authorName={r.authorName}
        authorHandle={r.authorHandle}
        authorId={r.reply.authorId}
        createdAt={r.reply.createdAt}
        editedAt={r.reply.editedAt}
        body={r.reply.body}
        mentions={r.mentions}
        hidden={r.reply.hiddenAt ? { reason: r.reply.hiddenReason } : null}
        deleted={r.reply.deletedAt !== null}
        historyHref={`${threadUrl}/history?post=${r.reply.id}`}
        isThread={false}
        inReplyTo={
          r.reply.inReplyToId && shownIds.has(r.reply.inReplyToId)
            ? { id: r.reply.inReplyToId, name: names.get(r.reply.inReplyToId) ?? "a reply" }
            : null
        }
        ownControls={ownControls(`${replyHref}/edit`, `${replyHref}/delete`, r.reply.authorId)}
        controls={
          <div class="post-controls">
            <ReactionBar
              ctx={ctx}
              post={ref}
              reactions={reactions.get(r.reply.id)}
              canReact={permissions.canReact}
            />
            {thread.kind === "question" && !r.reply.deletedAt && !r.reply.hiddenAt && (
              <AcceptAnswerButton
                ctx={ctx}
                post={ref}
                accepted={thread.acceptedReplyId === r.reply.id}
                canAccept={permissions.canAccept}
              />
            )}
            {permissions.replyRefusal === null && (
              <a
                class="button button-secondary button-small"
                href={`${threadUrl}?replyTo=${r.reply.id}#reply-form`}
              >
                Quote and reply
              </a>
            )}
            <PostModeration
              ctx={ctx}
              post={ref}
              hidden={r.reply.hiddenAt !== null}
              canFlag={permissions.canFlag}
              canModerate={permissions.canModerate}
            />
          </div>
        }
      />
    );
  };

  const threadRef = refOf(thread.id, thread.authorId, true);
  return (
    <div class="thread">
      <div class="thread-heading">
        <div class="thread-item-badges">
          <KindBadge kind={thread.kind} />
          {thread.kind === "question" && thread.acceptedReplyId && (
            <span class="badge thread-answered">Answered</span>
          )}
          {thread.pinnedAt && <span class="badge badge-muted">Pinned</span>}
          {thread.lockedAt && <span class="badge badge-muted">Locked</span>}
        </div>
        <h2 class="thread-title">{thread.deletedAt ? "Deleted thread" : thread.title}</h2>
        <Tags tags={thread.deletedAt ? [] : thread.tags} />
        <div class="thread-actions">
          {viewerId && (
            <FollowButton
              ctx={ctx}
              threadUrl={threadUrl}
              threadId={thread.id}
              following={Boolean(row.following)}
            />
          )}
          <ThreadModeration
            ctx={ctx}
            threadUrl={threadUrl}
            threadId={thread.id}
            locked={thread.lockedAt !== null}
            pinned={thread.pinnedAt !== null}
            canModerate={permissions.canModerate}
          />
        </div>
      </div>
      <Post
        id={thread.id}
        anchor={`post-${thread.id}`}
        authorName={row.authorName}
        authorHandle={row.authorHandle}
        authorId={thread.authorId}
        createdAt={thread.createdAt}
        editedAt={thread.editedAt}
        body={thread.body}
        mentions={row.mentions}
        hidden={thread.hiddenAt ? { reason: thread.hiddenReason } : null}
        deleted={thread.deletedAt !== null}
        historyHref={`${threadUrl}/history?post=${thread.id}`}
        isThread={true}
        ownControls={ownControls(`${threadUrl}/edit`, `${threadUrl}/delete`, thread.authorId)}
        controls={
          <div class="post-controls">
            <ReactionBar
              ctx={ctx}
              post={threadRef}
              reactions={reactions.get(thread.id)}
              canReact={permissions.canReact}
            />
            <PostModeration
              ctx={ctx}
              post={threadRef}
              hidden={thread.hiddenAt !== null}
              canFlag={permissions.canFlag}
              canModerate={permissions.canModerate}
            />
          </div>
        }
      />
      {accepted && (
        <section class="accepted-answer" aria-labelledby="accepted-heading">
          <h2 id="accepted-heading">Accepted answer</h2>
          {replyPost(accepted)}
        </section>
      )}
      <section class="replies" aria-labelledby="replies-heading">
        <h2 id="replies-heading">{thread.replyCount === 1 ? "1 reply" : `${thread.replyCount} replies`}</h2>
        {visible.length === 0 ? (
          <p class="muted">No replies yet.</p>
        ) : (
          <ol class="reply-list">
            {visible
              .filter((r) => r.reply.id !== accepted?.reply.id)
              .map((r) => (
                <li>{replyPost(r)}</li>
              ))}
          </ol>
        )}
      </section>
      <ReplyArea
        ctx={ctx}
        threadUrl={threadUrl}
        refusal={permissions.replyRefusal}
        values={replyValues}
        errors={replyErrors}
      />
    </div>
  );
}

function ReplyArea({
  ctx,
  threadUrl,
  refusal,
  values,
  errors,
}: {
  ctx: PageContext;
  threadUrl: string;
  refusal: string | null;
  values?: FormValues;
  errors?: FieldErrors;
}) {
  if (ctx.actor.kind === "anonymous") {
    return (
      <section class="reply-form panel" id="reply-form">
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(threadUrl)}`}>Sign in to reply</a>.
        </p>
      </section>
    );
  }
  if (refusal !== null) {
    return (
      <section class="reply-form panel" id="reply-form">
        <p>{refusal}</p>
      </section>
    );
  }
  const inReplyTo = typeof values?.inReplyToId === "string" ? values.inReplyToId : "";
  return (
    <section class="reply-form panel" id="reply-form" aria-labelledby="reply-heading">
      <h2 id="reply-heading">Your reply</h2>
      <form method="post" action={`${threadUrl}/replies`} class="form" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ErrorSummary errors={errors} labels={{ body: "Your reply" }} />
        {inReplyTo && <input type="hidden" name="inReplyToId" value={inReplyTo} />}
        <TextArea
          name="body"
          label="Reply"
          hint="Markdown works. Mention someone with @ and their handle."
          rows={6}
          maxLength={20000}
          values={values}
          errors={errors}
        />
        <div class="form-actions">
          <Button>Post reply</Button>
        </div>
      </form>
    </section>
  );
}
