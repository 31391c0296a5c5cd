import type { Context } from "hono";
import { Hono } from "hono";
import { html as htmlTag } from "hono/html";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, fieldValue, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { activeRoleIn, authorize, can, decide } from "../../platform/policy.js";
import { EmptyState, PageHeader, Pagination } from "../../ui/components/common.js";
import { Button, CsrfField } from "../../ui/components/form.js";
import { renderPage } from "../../ui/render.js";
import { type CommunityView, loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { MembersOnlyTab } from "../communities/views/tab-shared.js";
import { listQuery, replyEditInput, replyInput, threadEditInput, threadInput } from "./inputs.js";
import { reactionsForThread } from "./interactions-queries.js";
import { mentionedHandles, peopleByHandle, renderPost } from "./mentions.js";
import { findReply, findThread, listThreads, repliesOf, revisionsOf, unansweredAcross } from "./queries.js";
import {
  deleteReply,
  deleteThread,
  editReply,
  editThread,
  replyToThread,
  startThread,
  threadUrl,
} from "./service.js";
import { History, type Version } from "./views/history.js";
import { DiscussionList, ThreadItem } from "./views/list.js";
import { ThreadView } from "./views/thread.js";
import { PostPreview, ThreadForm } from "./views/thread-form.js";
import "../communities/policy.js";
import "./interactions-policy.js";
import "./moderation-policy.js";
import "./policy.js";

/** Thread and reply ids are uuidv7; anything else under /discussions/ belongs to another page. */
const ID = "{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}";
const THREAD = `/communities/:slug/discussions/:threadId${ID}`;

const isModerator = (c: Context<AppEnv>, view: CommunityView) =>
  can(c.get("actor"), "discussion.moderate", view.community);

/** Markdown to safe HTML with existing @handles linked (one query). */
async function previewOf(c: Context<AppEnv>, body: string) {
  const known = await peopleByHandle(c.get("db"), mentionedHandles(body));
  return renderPost(body, new Set(known.keys()));
}

/** The community, the thread, and whether the viewer may see it: hidden threads are a 404 for all but moderators. */
async function loadThread(c: Context<AppEnv>, options: { recordView?: boolean } = {}) {
  const view = await loadCommunityView(c);
  const actor = c.get("actor");
  authorize(actor, "discussion.view", view.community);
  const row = await findThread(
    c.get("db"),
    view.community.id,
    c.req.param("threadId") ?? "",
    actor.kind === "person" ? actor.id : null,
    options.recordView ? new Date() : undefined,
  );
  const moderator = isModerator(c, view);
  if (!row || (row.thread.hiddenAt && !moderator)) throw notFound("thread");
  return { view, row, moderator, base: `/communities/${view.community.slug}` };
}

/** Threads, the thread page, starting, replying, editing, deleting and edit history. */
export function discussionPages() {
  const app = new Hono<AppEnv>();

  app.get("/communities/:slug/discussions", async (c) => {
    const view = await loadCommunityView(c);
    const { community } = view;
    const actor = c.get("actor");
    const mayRead = can(actor, "discussion.view", community);
    const query = listQuery.parse(c.req.query());
    const page = mayRead
      ? await listThreads(c.get("db"), community.id, {
          show: query.show,
          sort: query.sort,
          cursor: decodeCursor(query.cursor),
          moderator: isModerator(c, view),
        })
      : null;
    return renderPage(
      c,
      {
        title: communityTitle(community, "Discussions"),
        breadcrumbs: communityCrumbs(community, "Discussions"),
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="discussions">
          {page ? (
            <DiscussionList
              base={`/communities/${community.slug}`}
              page={page}
              show={query.show}
              sort={query.sort}
              canStart={can(actor, "discussion.start", community)}
              currentUrl={new URL(c.req.url)}
            />
          ) : (
            <MembersOnlyTab ctx={ctx} view={view} what="discussions" />
          )}
        </CommunityShell>
      ),
    );
  });

  app.get("/questions", async (c) => {
    const actor = requirePerson(c);
    const mine = [...actor.memberships]
      .filter(([, m]) => m.state === "active" || m.state === "on_break")
      .map(([id]) => id);
    const page = await unansweredAcross(c.get("db"), mine, decodeCursor(c.req.query("cursor")));
    return renderPage(
      c,
      { title: "Unanswered questions", breadcrumbs: [{ label: "Unanswered questions" }] },
      () => (
        <>
          <PageHeader
            title="Unanswered questions"
            lead="Questions in your communities still waiting for an answer, newest first. You may be the person who can help."
          />
          {page.items.length === 0 ? (
            <EmptyState title="No unanswered questions">
              <p>
                {mine.length === 0
                  ? "Join a community to see the questions its members are asking."
                  : "Every question in your communities has an accepted answer."}
              </p>
              <p>
                <a href="/communities">Browse communities</a>
              </p>
            </EmptyState>
          ) : (
            <ul class="thread-list">
              {page.items.map((thread) => (
                <ThreadItem
                  thread={thread}
                  href={threadUrl({ slug: thread.communitySlug }, thread.id)}
                  community={{ name: thread.communityName, href: `/communities/${thread.communitySlug}` }}
                />
              ))}
            </ul>
          )}
          <Pagination page={page} baseUrl={new URL(c.req.url)} />
        </>
      ),
    );
  });

  // Starting a thread.
  function renderNew(
    c: Context<AppEnv>,
    view: CommunityView,
    values?: FormValues,
    errors?: FieldErrors,
    preview: string | null = null,
  ) {
    const { community } = view;
    const base = `/communities/${community.slug}`;
    return renderPage(
      c,
      {
        title: communityTitle(community, "Start a discussion"),
        breadcrumbs: communityCrumbs(community, "Start a discussion"),
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="discussions">
          <div class="narrow">
            <h2>Start a discussion</h2>
            <ThreadForm
              ctx={ctx}
              action={`${base}/discussions/new`}
              previewUrl={`${base}/discussions/preview`}
              values={values}
              errors={errors}
              preview={preview}
              canAnnounce={can(ctx.actor, "discussion.announce", community)}
              editing={false}
              cancelHref={`${base}/discussions`}
            />
          </div>
        </CommunityShell>
      ),
    );
  }

  app.get("/communities/:slug/discussions/new", async (c) => {
    const view = await loadCommunityView(c);
    authorize(requirePerson(c), "discussion.start", view.community);
    // "Ask them" in the expert finder arrives with ?kind=question&title=...&body=@handle
    const { title, body, kind } = c.req.query();
    const prefill: FormValues = {};
    if (title) prefill.title = title.slice(0, 150);
    if (body) prefill.body = body.slice(0, 2_000);
    if (kind === "question" || kind === "discussion") prefill.kind = kind;
    else if (title) prefill.kind = "question";
    return renderNew(c, view, Object.keys(prefill).length ? prefill : undefined);
  });

  app.post("/communities/:slug/discussions/preview", async (c) => {
    const view = await loadCommunityView(c);
    authorize(requirePerson(c), "discussion.view", view.community);
    const body = await c.req.parseBody();
    const text = typeof body.body === "string" ? body.body.slice(0, 20_000) : "";
    const html = await previewOf(c, text);
    return c.html(htmlTag`${<PostPreview html={html} />}`);
  });

  app.post("/communities/:slug/discussions/new", async (c) => {
    const view = await loadCommunityView(c);
    const actor = requirePerson(c);
    authorize(actor, "discussion.start", view.community);
    const form = await parseForm(c, threadInput);
    if (fieldValue(form.values, "action") === "preview")
      return renderNew(c, view, form.values, undefined, await previewOf(c, fieldValue(form.values, "body")));
    if (!form.ok) return renderNew(c, view, form.values, form.errors);
    try {
      const thread = await startThread(c.get("db"), actor, view.community, form.data);
      setFlash(c, "Your post is up. You will be told about replies.");
      return redirectAfterPost(c, threadUrl(view.community, thread.id));
    } catch (error) {
      if (error instanceof AppError && error.status === 422 && error.detail?.field)
        return renderNew(c, view, form.values, { [String(error.detail.field)]: error.userMessage });
      throw error;
    }
  });

  // The thread page.
  async function renderThread(
    c: Context<AppEnv>,
    loaded: Awaited<ReturnType<typeof loadThread>>,
    replyValues?: FormValues,
    replyErrors?: FieldErrors,
  ) {
    const { view, row, moderator, base } = loaded;
    const { community } = view;
    const actor = c.get("actor");
    const viewerId = actor.kind === "person" ? actor.id : null;
    const db = c.get("db");
    const [replies, reactions] = await Promise.all([
      repliesOf(db, row.thread.id),
      reactionsForThread(db, row.thread.id, viewerId),
    ]);
    let values = replyValues;
    const quoting = c.req.query("replyTo");
    if (!values && quoting) {
      const quoted = replies.find((r) => r.reply.id === quoting && !r.reply.deletedAt && !r.reply.hiddenAt);
      if (quoted) {
        const text = quoted.reply.body
          .split("\n")
          .map((line) => `> ${line}`)
          .join("\n");
        values = { body: `${text}\n\n`, inReplyToId: quoted.reply.id };
      }
    }
    const reply = decide(actor, "discussion.reply", { community, locked: row.thread.lockedAt !== null });
    const isMember = activeRoleIn(actor, community.id) !== null;
    const title = row.thread.deletedAt ? "Deleted thread" : row.thread.title;
    return renderPage(
      c,
      {
        title: communityTitle(community, title),
        breadcrumbs: [
          ...communityCrumbs(community, "Discussions").slice(0, 2),
          { label: "Discussions", href: `${base}/discussions` },
          { label: title },
        ],
        status: replyErrors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="discussions">
          <ThreadView
            ctx={ctx}
            base={base}
            row={row}
            replies={replies}
            reactions={reactions}
            replyValues={values}
            replyErrors={replyErrors}
            permissions={{
              isMember,
              // Per post, the reaction bar also hides its buttons on the viewer's own posts.
              canReact: can(actor, "discussion.react", { community, authorId: null }),
              canModerate: moderator,
              canAccept: can(actor, "discussion.accept", {
                community,
                authorId: row.thread.authorId,
                kind: row.thread.kind,
              }),
              canFlag: can(actor, "discussion.flag", community),
              replyRefusal: reply.allowed
                ? row.thread.deletedAt
                  ? "This thread was deleted, so it takes no new replies."
                  : null
                : isMember || actor.kind === "anonymous"
                  ? reply.reason
                  : `${reply.reason} Join the community at the top of the page to take part.`,
            }}
          />
        </CommunityShell>
      ),
    );
  }

  app.get(THREAD, async (c) => renderThread(c, await loadThread(c, { recordView: true })));

  app.post(`${THREAD}/replies`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadThread(c);
    const form = await parseForm(c, replyInput);
    if (!form.ok) return renderThread(c, loaded, form.values, form.errors);
    try {
      const reply = await replyToThread(
        c.get("db"),
        actor,
        loaded.view.community,
        loaded.row.thread,
        form.data,
      );
      setFlash(c, "Your reply is posted.");
      return redirectAfterPost(
        c,
        `${threadUrl(loaded.view.community, loaded.row.thread.id)}#reply-${reply.id}`,
      );
    } catch (error) {
      if (error instanceof AppError && error.status === 422)
        return renderThread(c, loaded, form.values, { body: error.userMessage });
      throw error;
    }
  });

  // Editing and deleting the opening post.
  function renderEditThread(
    c: Context<AppEnv>,
    loaded: Awaited<ReturnType<typeof loadThread>>,
    values: FormValues,
    errors?: FieldErrors,
    preview: string | null = null,
  ) {
    const { view, row, base } = loaded;
    const url = `${base}/discussions/${row.thread.id}`;
    return renderPage(
      c,
      {
        title: communityTitle(view.community, "Edit your post"),
        breadcrumbs: communityCrumbs(view.community, "Edit your post"),
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="discussions">
          <div class="narrow">
            <h2>Edit your post</h2>
            <p class="hint">Earlier versions stay visible in the edit history.</p>
            <ThreadForm
              ctx={ctx}
              action={`${url}/edit`}
              previewUrl={`${base}/discussions/preview`}
              values={values}
              errors={errors}
              preview={preview}
              canAnnounce={false}
              editing={true}
              cancelHref={url}
            />
          </div>
        </CommunityShell>
      ),
    );
  }

  app.get(`${THREAD}/edit`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadThread(c);
    const { thread } = loaded.row;
    authorize(actor, "discussion.editOwn", { community: loaded.view.community, authorId: thread.authorId });
    if (thread.deletedAt) throw notFound("post");
    return renderEditThread(c, loaded, {
      title: thread.title,
      body: thread.body,
      tags: thread.tags.join(", "),
    });
  });

  app.post(`${THREAD}/edit`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadThread(c);
    const { thread } = loaded.row;
    authorize(actor, "discussion.editOwn", { community: loaded.view.community, authorId: thread.authorId });
    const form = await parseForm(c, threadEditInput);
    if (fieldValue(form.values, "action") === "preview")
      return renderEditThread(
        c,
        loaded,
        form.values,
        undefined,
        await previewOf(c, fieldValue(form.values, "body")),
      );
    if (!form.ok) return renderEditThread(c, loaded, form.values, form.errors);
    await editThread(c.get("db"), actor, loaded.view.community, thread, form.data);
    setFlash(c, "Your changes are saved.");
    return redirectAfterPost(c, threadUrl(loaded.view.community, thread.id));
  });

  function renderConfirm(
    c: Context<AppEnv>,
    view: CommunityView,
    action: string,
    cancel: string,
    what: "thread" | "reply",
  ) {
    return renderPage(
      c,
      {
        title: communityTitle(view.community, "Delete your post"),
        breadcrumbs: communityCrumbs(view.community, "Delete your post"),
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="discussions">
          <div class="narrow">
            <h2>Delete your {what === "thread" ? "post" : "reply"}?</h2>
            <p>
              Its text will be removed. In its place the thread will show “This post was deleted.”
              {what === "thread" ? " Replies stay readable." : " Replies to it stay readable."} You cannot
              undo this.
            </p>
            <form method="post" action={action} class="form">
              <CsrfField token={ctx.csrfToken} />
              <div class="form-actions">
                <Button variant="danger">Delete</Button>
                <a href={cancel}>Keep it</a>
              </div>
            </form>
          </div>
        </CommunityShell>
      ),
    );
  }

  app.get(`${THREAD}/delete`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadThread(c);
    const { thread } = loaded.row;
    authorize(actor, "discussion.deleteOwn", { community: loaded.view.community, authorId: thread.authorId });
    const url = threadUrl(loaded.view.community, thread.id);
    return renderConfirm(c, loaded.view, `${url}/delete`, url, "thread");
  });

  app.post(`${THREAD}/delete`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadThread(c);
    await deleteThread(c.get("db"), actor, loaded.view.community, loaded.row.thread);
    setFlash(c, "Your post is deleted.");
    return redirectAfterPost(c, `/communities/${loaded.view.community.slug}/discussions`);
  });

  // Replies: edit and delete.
  async function loadReply(c: Context<AppEnv>) {
    const loaded = await loadThread(c);
    const found = await findReply(c.get("db"), c.req.param("replyId") ?? "");
    if (!found || found.reply.threadId !== loaded.row.thread.id) throw notFound("reply");
    if (found.reply.hiddenAt && !loaded.moderator) throw notFound("reply");
    return { ...loaded, reply: found.reply };
  }

  function renderEditReply(
    c: Context<AppEnv>,
    loaded: Awaited<ReturnType<typeof loadReply>>,
    values: FormValues,
    errors?: FieldErrors,
  ) {
    const { view, reply } = loaded;
    const url = threadUrl(view.community, loaded.row.thread.id);
    return renderPage(
      c,
      {
        title: communityTitle(view.community, "Edit your reply"),
        breadcrumbs: communityCrumbs(view.community, "Edit your reply"),
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="discussions">
          <div class="narrow">
            <h2>Edit your reply</h2>
            <form method="post" action={`${url}/replies/${reply.id}/edit`} class="form" novalidate>
              <CsrfField token={ctx.csrfToken} />
              <ErrorSummaryFor errors={errors} />
              <ReplyBodyField values={values} errors={errors} />
              <div class="form-actions">
                <Button>Save changes</Button>
                <a href={`${url}#reply-${reply.id}`}>Cancel</a>
              </div>
            </form>
          </div>
        </CommunityShell>
      ),
    );
  }

  const REPLY = `${THREAD}/replies/:replyId${ID}`;

  app.get(`${REPLY}/edit`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadReply(c);
    authorize(actor, "discussion.editOwn", {
      community: loaded.view.community,
      authorId: loaded.reply.authorId,
    });
    if (loaded.reply.deletedAt) throw notFound("reply");
    return renderEditReply(c, loaded, { body: loaded.reply.body });
  });

  app.post(`${REPLY}/edit`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadReply(c);
    authorize(actor, "discussion.editOwn", {
      community: loaded.view.community,
      authorId: loaded.reply.authorId,
    });
    const form = await parseForm(c, replyEditInput);
    if (!form.ok) return renderEditReply(c, loaded, form.values, form.errors);
    await editReply(
      c.get("db"),
      actor,
      loaded.view.community,
      loaded.row.thread,
      loaded.reply,
      form.data.body,
    );
    setFlash(c, "Your changes are saved.");
    return redirectAfterPost(
      c,
      `${threadUrl(loaded.view.community, loaded.row.thread.id)}#reply-${loaded.reply.id}`,
    );
  });

  app.get(`${REPLY}/delete`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadReply(c);
    authorize(actor, "discussion.deleteOwn", {
      community: loaded.view.community,
      authorId: loaded.reply.authorId,
    });
    const url = threadUrl(loaded.view.community, loaded.row.thread.id);
    return renderConfirm(c, loaded.view, `${url}/replies/${loaded.reply.id}/delete`, url, "reply");
  });

  app.post(`${REPLY}/delete`, async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadReply(c);
    await deleteReply(c.get("db"), actor, loaded.view.community, loaded.reply);
    setFlash(c, "Your reply is deleted.");
    return redirectAfterPost(c, threadUrl(loaded.view.community, loaded.row.thread.id));
  });

  // Edit history of the opening post or one reply.
  app.get(`${THREAD}/history`, async (c) => {
    const loaded = await loadThread(c);
    const { view, row } = loaded;
    const postId = c.req.query("post") ?? row.thread.id;
    let current: Version;
    let originalAt: Date;
    if (postId === row.thread.id) {
      if (row.thread.deletedAt) throw notFound("post");
      originalAt = row.thread.createdAt;
      current = {
        label: "Current version",
        title: row.thread.title,
        body: row.thread.body,
        editorName: null,
        at: row.thread.editedAt ?? row.thread.createdAt,
      };
    } else {
      const found = await findReply(c.get("db"), postId);
      if (!found || found.reply.threadId !== row.thread.id || found.reply.deletedAt) throw notFound("reply");
      if (found.reply.hiddenAt && !loaded.moderator) throw notFound("reply");
      originalAt = found.reply.createdAt;
      current = {
        label: "Current version",
        title: null,
        body: found.reply.body,
        editorName: null,
        at: found.reply.editedAt ?? found.reply.createdAt,
      };
    }
    const revisions = await revisionsOf(c.get("db"), postId);
    const versions: Version[] = [
      current,
      ...revisions.map((r, index) => ({
        label: index === revisions.length - 1 ? "Original" : "Earlier version",
        title: r.title,
        body: r.body,
        // Each revision holds the text from before an edit; the edit before it produced that text.
        editorName: revisions[index + 1]?.editorName ?? null,
        at: revisions[index + 1]?.createdAt ?? originalAt,
      })),
    ];
    if (revisions[0]) versions[0]!.editorName = revisions[0].editorName;
    const url = threadUrl(view.community, row.thread.id);
    return renderPage(
      c,
      {
        title: communityTitle(view.community, "Edit history"),
        breadcrumbs: communityCrumbs(view.community, "Edit history"),
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="discussions">
          <History versions={versions} backHref={postId === row.thread.id ? url : `${url}#reply-${postId}`} />
        </CommunityShell>
      ),
    );
  });

  return app;
}

import { ErrorSummary, TextArea } from "../../ui/components/form.js";

function ErrorSummaryFor({ errors }: { errors?: FieldErrors }) {
  return <ErrorSummary errors={errors} labels={{ body: "Your reply" }} />;
}

function ReplyBodyField({ values, errors }: { values: FormValues; errors?: FieldErrors }) {
  return <TextArea name="body" label="Reply" rows={8} maxLength={20000} values={values} errors={errors} />;
}
