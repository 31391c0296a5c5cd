import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { markdownToText } from "../../platform/markdown.js";
import { authorize, can, type PersonActor } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { loadCommunityView } from "../communities/load.js";
import type { Community } from "../communities/queries.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { people } from "../people/tables.js";
import { flagInput, hideInput, moveThreadInput } from "./moderation-inputs.js";
import { hasOpenFlag, moderationQueue, moveTargets, openFlagsByCommunity } from "./moderation-queries.js";
import {
  dismissFlags,
  flagPost,
  hidePost,
  type ModeratedPost,
  moveThread,
  postIn,
  queuePath,
  setLocked,
  setPinned,
  threadIn,
  threadPath,
  unhidePost,
} from "./moderation-service.js";
import { FlagForm, flagTitle } from "./views/flag-form.js";
import {
  AdminModeration,
  HideConfirmation,
  hideTitle,
  ModerationQueue,
  MoveThreadConfirmation,
  moveThreadTitle,
} from "./views/moderation-queue.js";
import "./moderation-policy.js";
import { eq } from "drizzle-orm";

function postCrumbs(community: Community, threadId: string, title: string, page: string) {
  return [
    { label: "Communities", href: "/communities" },
    { label: community.name, href: `/communities/${community.slug}` },
    { label: "Discussions", href: `/communities/${community.slug}/discussions` },
    { label: title, href: threadPath(community.slug, threadId) },
    { label: page },
  ];
}

async function authorName(c: Context<AppEnv>, post: ModeratedPost) {
  if (!post.authorId) return null;
  const [row] = await c
    .get("db")
    .select({ name: people.name })
    .from(people)
    .where(eq(people.id, post.authorId));
  return row?.name ?? null;
}

/** Loads the community, thread and post of a post-level address, for someone who may read it. */
async function loadPost(c: Context<AppEnv>, actor: PersonActor) {
  const view = await loadCommunityView(c);
  const { community } = view;
  authorize(actor, "community.viewContent", community);
  const post = await postIn(
    c.get("db"),
    community,
    c.req.param("threadId") ?? "",
    c.req.param("postId") ?? "",
    {
      includeHidden: can(actor, "discussion.moderate", community),
    },
  );
  return { view, community, post };
}

async function renderFlag(
  c: Context<AppEnv>,
  actor: PersonActor,
  community: Community,
  post: ModeratedPost,
  form: { values?: FormValues; errors?: FieldErrors; status?: 200 | 409 | 422 } = {},
) {
  const already = await hasOpenFlag(c.get("db"), post.id, actor.id);
  const name = await authorName(c, post);
  const title = flagTitle(post.kind);
  return renderPage(
    c,
    {
      title: `${title} – ${community.name}`,
      breadcrumbs: postCrumbs(community, post.threadId, post.title, "Report"),
      status: form.status ?? (form.errors ? 422 : 200),
    },
    (ctx) => (
      <FlagForm
        ctx={ctx}
        community={community}
        post={{
          id: post.id,
          kind: post.kind,
          title: post.title,
          authorName: name,
          excerpt: markdownToText(post.body, 300),
        }}
        threadUrl={threadPath(community.slug, post.threadId)}
        values={form.values}
        errors={form.errors}
        alreadyReported={already}
      />
    ),
  );
}

async function renderHide(
  c: Context<AppEnv>,
  community: Community,
  post: ModeratedPost,
  form: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const base = threadPath(community.slug, post.threadId);
  const name = await authorName(c, post);
  const fromQueue = c.req.query("from") === "queue";
  return renderPage(
    c,
    {
      title: `${hideTitle(post.kind)} – ${community.name}`,
      breadcrumbs: postCrumbs(community, post.threadId, post.title, "Hide"),
      status: form.errors ? 422 : 200,
    },
    (ctx) => (
      <HideConfirmation
        ctx={ctx}
        action={`${base}/moderation/posts/${post.id}/hide${fromQueue ? "?from=queue" : ""}`}
        cancel={fromQueue ? queuePath(community.slug) : base}
        post={{ kind: post.kind, title: post.title, authorName: name, body: post.body }}
        values={form.values}
        errors={form.errors}
      />
    ),
  );
}

async function renderMove(
  c: Context<AppEnv>,
  actor: PersonActor,
  community: Community,
  thread: Awaited<ReturnType<typeof threadIn>>,
  form: { values?: FormValues; errors?: FieldErrors } = {},
) {
  const base = threadPath(community.slug, thread.id);
  const targets = await moveTargets(c.get("db"), actor, community.id);
  return renderPage(
    c,
    {
      title: `${moveThreadTitle(thread.title)} – ${community.name}`,
      breadcrumbs: postCrumbs(community, thread.id, thread.title, "Move"),
      status: form.errors ? 422 : 200,
    },
    (ctx) => (
      <MoveThreadConfirmation
        ctx={ctx}
        action={`${base}/moderation/move`}
        cancel={base}
        thread={thread}
        from={community}
        targets={targets}
        values={form.values}
        errors={form.errors}
      />
    ),
  );
}

/** A field error from the service, or rethrow. */
function fieldErrorOf(error: unknown): FieldErrors | null {
  if (error instanceof AppError && error.status === 422 && typeof error.detail?.field === "string")
    return { [error.detail.field]: error.userMessage };
  return null;
}

/** Flags, the moderation queue, hiding, locking, pinning and moving threads. */
export function moderationPages() {
  const app = new Hono<AppEnv>();
  const postBase = "/communities/:slug/discussions/:threadId";

  app.get(`${postBase}/posts/:postId/flag`, async (c) => {
    const actor = requirePerson(c);
    const { community, post } = await loadPost(c, actor);
    authorize(actor, "discussion.flag", community);
    if (post.authorId === actor.id) throw new AppError(403, "forbidden", "You cannot report your own post.");
    return renderFlag(c, actor, community, post);
  });

  app.post(`${postBase}/posts/:postId/flag`, async (c) => {
    const actor = requirePerson(c);
    const { community, post } = await loadPost(c, actor);
    authorize(actor, "discussion.flag", community);
    const form = await parseForm(c, flagInput);
    if (!form.ok) return renderFlag(c, actor, community, post, { values: form.values, errors: form.errors });
    if (await hasOpenFlag(c.get("db"), post.id, actor.id))
      return renderFlag(c, actor, community, post, { status: 409 });
    await flagPost(c.get("db"), actor, community, post, form.data);
    setFlash(c, "Thank you. Your report has been sent to the moderators.");
    return redirectAfterPost(c, threadPath(community.slug, post.threadId));
  });

  app.get("/communities/:slug/moderation", async (c) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "discussion.moderate", community);
    const status = c.req.query("status") === "resolved" ? "resolved" : "open";
    const page = await moderationQueue(
      c.get("db"),
      community.id,
      status,
      decodeCursor(c.req.query("cursor")),
    );
    return renderPage(
      c,
      {
        title: communityTitle(community, "Moderation"),
        breadcrumbs: communityCrumbs(community, "Moderation"),
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab={null}>
          <ModerationQueue
            ctx={ctx}
            community={community}
            status={status}
            page={page}
            currentUrl={new URL(c.req.url)}
            timeZone={c.get("config").timeZone}
          />
        </CommunityShell>
      ),
    );
  });

  app.get("/admin/moderation", async (c) => {
    const actor = requirePerson(c);
    authorize(actor, "discussion.moderationOverview", null);
    const page = await openFlagsByCommunity(c.get("db"), decodeCursor(c.req.query("cursor")));
    return renderPage(
      c,
      {
        title: "Moderation across communities",
        breadcrumbs: [{ label: "Administration", href: "/admin" }, { label: "Moderation" }],
      },
      () => (
        <AdminModeration page={page} currentUrl={new URL(c.req.url)} timeZone={c.get("config").timeZone} />
      ),
    );
  });

  const moderatedPost = async (c: Context<AppEnv>) => {
    const actor = requirePerson(c);
    const { community, post } = await loadPost(c, actor);
    authorize(actor, "discussion.moderate", community);
    return { actor, community, post };
  };

  app.get(`${postBase}/moderation/posts/:postId/hide`, async (c) => {
    const { community, post } = await moderatedPost(c);
    if (post.hiddenAt) return c.redirect(threadPath(community.slug, post.threadId), 303);
    return renderHide(c, community, post);
  });

  app.post(`${postBase}/moderation/posts/:postId/hide`, async (c) => {
    const { actor, community, post } = await moderatedPost(c);
    const form = await parseForm(c, hideInput);
    if (!form.ok) return renderHide(c, community, post, { values: form.values, errors: form.errors });
    if (!post.hiddenAt) await hidePost(c.get("db"), actor, community, post, form.data.reason);
    setFlash(c, `The ${post.kind} is hidden and its author has been told why.`);
    return redirectAfterPost(c, afterModeration(c, community, post));
  });

  app.post(`${postBase}/moderation/posts/:postId/unhide`, async (c) => {
    const { actor, community, post } = await moderatedPost(c);
    if (post.hiddenAt) await unhidePost(c.get("db"), actor, community, post);
    setFlash(c, `The ${post.kind} is visible again.`);
    return redirectAfterPost(c, afterModeration(c, community, post));
  });

  app.post(`${postBase}/moderation/posts/:postId/dismiss`, async (c) => {
    const { actor, community, post } = await moderatedPost(c);
    const count = await dismissFlags(c.get("db"), actor, community, post.id);
    setFlash(c, count === 1 ? "Dismissed 1 report." : `Dismissed ${count} reports.`);
    return redirectAfterPost(c, queuePath(community.slug));
  });

  const moderatedThread = async (c: Context<AppEnv>) => {
    const actor = requirePerson(c);
    const view = await loadCommunityView(c);
    const { community } = view;
    authorize(actor, "discussion.moderate", community);
    const thread = await threadIn(c.get("db"), community, c.req.param("threadId") ?? "");
    return { actor, community, thread };
  };

  for (const [act, mark, on, message] of [
    ["lock", "lock", true, "The thread is locked: nobody can reply to it."],
    ["unlock", "lock", false, "The thread is unlocked: members can reply again."],
    ["pin", "pin", true, "The thread is pinned to the top of the discussions."],
    ["unpin", "pin", false, "The thread is no longer pinned."],
  ] as const) {
    app.post(`${postBase}/moderation/${act}`, async (c) => {
      const { actor, community, thread } = await moderatedThread(c);
      const set = mark === "lock" ? setLocked : setPinned;
      await set(c.get("db"), actor, community, thread, on);
      setFlash(c, message);
      return redirectAfterPost(c, threadPath(community.slug, thread.id));
    });
  }

  app.get(`${postBase}/moderation/move`, async (c) => {
    const { actor, community, thread } = await moderatedThread(c);
    return renderMove(c, actor, community, thread);
  });

  app.post(`${postBase}/moderation/move`, async (c) => {
    const { actor, community, thread } = await moderatedThread(c);
    const form = await parseForm(c, moveThreadInput);
    if (!form.ok)
      return renderMove(c, actor, community, thread, { values: form.values, errors: form.errors });
    const to = await findCommunityBySlug(c.get("db"), form.data.community);
    if (!to)
      return renderMove(c, actor, community, thread, {
        values: form.values,
        errors: { community: "Choose one of the communities listed" },
      });
    try {
      await moveThread(c.get("db"), actor, community, thread, to);
    } catch (error) {
      const errors = fieldErrorOf(error);
      if (!errors) throw error;
      return renderMove(c, actor, community, thread, { values: form.values, errors });
    }
    setFlash(c, `The thread has moved to ${to.name} and its author has been told.`);
    return redirectAfterPost(c, threadPath(to.slug, thread.id));
  });

  return app;
}

/** Back to the queue when the act came from it, otherwise to the thread. */
function afterModeration(c: Context<AppEnv>, community: Community, post: ModeratedPost) {
  if (c.req.query("from") === "queue") return queuePath(community.slug);
  if (post.kind === "thread") return threadPath(community.slug, post.threadId);
  return `${threadPath(community.slug, post.threadId)}#reply-${post.id}`;
}
