import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { iso, jsonResponse, problems, requiresToken } from "../../platform/api/schemas.js";
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import { authorize, can, type PersonActor } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { communities } from "../communities/tables.js";
import { flagInput, hideInput, moveThreadInput } from "./moderation-inputs.js";
import { findFlag, flagsOf } from "./moderation-queries.js";
import {
  dismissFlag,
  findPost,
  flagPost,
  hidePost,
  type ModeratedPost,
  moveThread,
  setLocked,
  setPinned,
  unhidePost,
} from "./moderation-service.js";
import { flagReasons, threads } from "./tables.js";
import "./moderation-policy.js";

const dateTime = () => z.string().openapi({ format: "date-time", example: "2026-03-14T09:30:00.000Z" });

const FlagSchema = z
  .object({
    id: z.string(),
    postId: z.string(),
    threadId: z.string(),
    reason: z.enum(flagReasons),
    note: z.string(),
    status: z.enum(["open", "resolved", "dismissed"]),
    createdAt: dateTime(),
    resolvedAt: dateTime().nullable(),
  })
  .openapi("Flag");

const FlagListSchema = z
  .object({
    data: z.array(FlagSchema),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: "Always null: the newest 100 reports are returned." }),
  })
  .openapi("FlagList");

const PostModerationSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["thread", "reply"]),
    hidden: z.boolean(),
    hiddenAt: dateTime().nullable(),
    hiddenReason: z.string().nullable(),
  })
  .openapi("PostModeration");

const ThreadModerationSchema = z
  .object({
    id: z.string(),
    community: z.string().openapi({ description: "The slug of the community the thread is in." }),
    locked: z.boolean(),
    lockedAt: dateTime().nullable(),
    pinned: z.boolean(),
    pinnedAt: dateTime().nullable(),
  })
  .openapi("ThreadModeration");

type FlagRow = Awaited<ReturnType<typeof flagsOf>>[number];
const presentFlag = (flag: FlagRow) => ({
  id: flag.id,
  postId: flag.postId,
  threadId: flag.threadId,
  reason: flag.reason,
  note: flag.note,
  status: flag.status,
  createdAt: flag.createdAt.toISOString(),
  resolvedAt: iso(flag.resolvedAt),
});

const idParam = (what: string) =>
  z.object({
    id: z
      .string()
      .max(64)
      .openapi({ param: { name: "id", in: "path" }, description: `The ${what}'s id.` }),
  });

async function communityById(db: Db, id: string) {
  const [community] = await db.select().from(communities).where(eq(communities.id, id));
  if (!community) throw notFound("community");
  return community;
}

/** The post and its community, for someone who may read it (hidden posts only for moderators). */
async function readablePost(db: Db, actor: PersonActor, postId: string) {
  const post = await findPost(db, postId);
  if (!post || post.deletedAt) throw notFound("post");
  const community = await communityById(db, post.communityId);
  authorize(actor, "community.viewContent", community);
  if (post.hiddenAt && !can(actor, "discussion.moderate", community)) throw notFound("post");
  return { post, community };
}

async function moderatedThread(db: Db, actor: PersonActor, threadId: string) {
  const [thread] = await db.select().from(threads).where(eq(threads.id, threadId));
  if (!thread || thread.deletedAt) throw notFound("thread");
  const community = await communityById(db, thread.communityId);
  authorize(actor, "discussion.moderate", community);
  return { thread, community };
}

async function presentThread(db: Db, threadId: string) {
  const [row] = await db
    .select({ thread: threads, slug: communities.slug })
    .from(threads)
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .where(eq(threads.id, threadId));
  if (!row) throw notFound("thread");
  return {
    id: row.thread.id,
    community: row.slug,
    locked: row.thread.lockedAt !== null,
    lockedAt: iso(row.thread.lockedAt),
    pinned: row.thread.pinnedAt !== null,
    pinnedAt: iso(row.thread.pinnedAt),
  };
}

async function presentPost(db: Db, postId: string) {
  const post = (await findPost(db, postId)) as ModeratedPost;
  return {
    id: post.id,
    kind: post.kind,
    hidden: post.hiddenAt !== null,
    hiddenAt: iso(post.hiddenAt),
    hiddenReason: post.hiddenReason,
  };
}

const tags = ["Discussions"];
const json = <T extends z.ZodType>(schema: T, name: string) => ({
  required: true,
  content: { "application/json": { schema: schema.openapi(name) } },
});

const createFlag = createRoute({
  method: "post",
  path: "/posts/{id}/flags",
  tags,
  summary: "Report a post to the moderators",
  description:
    "Anyone who can read the post, except its author. `note` is required when `reason` is `other`. One open report per person per post: a second is a 409. The community's convenors are told.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam("thread's or reply's"), body: json(flagInput, "FlagInput") },
  responses: { 201: jsonResponse(FlagSchema, "The report."), ...problems(400, 401, 403, 404, 409, 415, 422) },
});

const listFlags = createRoute({
  method: "get",
  path: "/communities/{slug}/flags",
  tags,
  summary: "A community's reports of posts",
  description: "Convenors and the programme team. Newest first, at most 100.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: slugParam,
    query: z.object({
      status: z
        .enum(["open", "resolved", "dismissed", "all"])
        .default("open")
        .openapi({ description: "Which reports: open (the default), resolved, dismissed or all." }),
    }),
  },
  responses: { 200: jsonResponse(FlagListSchema, "The reports."), ...problems(401, 403, 404, 422) },
});

const hide = createRoute({
  method: "post",
  path: "/posts/{id}/hide",
  tags,
  summary: "Hide a post",
  description:
    "Moderators. The post disappears for everyone but moderators, its open reports are resolved, and its author is told the reason. Hiding a hidden post is a 409.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam("thread's or reply's"), body: json(hideInput, "HideInput") },
  responses: {
    200: jsonResponse(PostModerationSchema, "The post, hidden."),
    ...problems(400, 401, 403, 404, 409, 415, 422),
  },
});

const unhide = createRoute({
  method: "post",
  path: "/posts/{id}/unhide",
  tags,
  summary: "Show a hidden post again",
  description: "Moderators. Unhiding a post that is not hidden is a 409.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam("thread's or reply's") },
  responses: {
    200: jsonResponse(PostModerationSchema, "The post, visible."),
    ...problems(401, 403, 404, 409),
  },
});

const dismiss = createRoute({
  method: "post",
  path: "/flags/{id}/dismiss",
  tags,
  summary: "Dismiss a report",
  description:
    "Moderators. The report is closed without acting on the post. A report already dealt with is a 409.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam("report") },
  responses: { 200: jsonResponse(FlagSchema, "The report, dismissed."), ...problems(401, 403, 404, 409) },
});

const threadMark = (method: "put" | "delete", mark: "lock" | "pin") =>
  createRoute({
    method,
    path: `/threads/{id}/${mark}`,
    tags,
    summary: `${method === "put" ? "" : "Un"}${mark === "lock" ? "lock" : "pin"} a thread`.replace(
      /^./,
      (c) => c.toUpperCase(),
    ),
    description:
      mark === "lock"
        ? "Moderators. A locked thread takes no new replies. Doing it twice changes nothing."
        : "Moderators. Pinned threads are listed first. Doing it twice changes nothing.",
    security: requiresToken,
    middleware: [signedInFirst],
    request: { params: idParam("thread") },
    responses: { 200: jsonResponse(ThreadModerationSchema, "The thread."), ...problems(401, 403, 404) },
  });

const move = createRoute({
  method: "post",
  path: "/threads/{id}/move",
  tags,
  summary: "Move a thread to another community",
  description:
    "Moderators of both communities. The thread, its replies and its reports move together; the author is told.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam("thread"), body: json(moveThreadInput, "MoveThreadInput") },
  responses: {
    200: jsonResponse(ThreadModerationSchema, "The thread, in its new community."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

/** Flags and moderation. */
export function moderationApi() {
  const app = apiRouter();

  app.openapi(createFlag, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const { post, community } = await readablePost(db, actor, c.req.valid("param").id);
    const flag = await flagPost(db, actor, community, post, c.req.valid("json"));
    return c.json(presentFlag(flag), 201);
  });

  app.openapi(listFlags, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await findCommunityBySlug(db, c.req.valid("param").slug);
    if (!community) throw notFound("community");
    authorize(actor, "discussion.moderate", community);
    const rows = await flagsOf(db, community.id, c.req.valid("query").status);
    return c.json({ data: rows.map(presentFlag), nextCursor: null }, 200);
  });

  app.openapi(hide, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const { post, community } = await readablePost(db, actor, c.req.valid("param").id);
    await hidePost(db, actor, community, post, c.req.valid("json").reason);
    return c.json(await presentPost(db, post.id), 200);
  });

  app.openapi(unhide, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const { post, community } = await readablePost(db, actor, c.req.valid("param").id);
    await unhidePost(db, actor, community, post);
    return c.json(await presentPost(db, post.id), 200);
  });

  app.openapi(dismiss, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const flag = await findFlag(db, c.req.valid("param").id);
    if (!flag) throw notFound("report");
    const community = await communityById(db, flag.communityId);
    authorize(actor, "discussion.moderate", community);
    return c.json(presentFlag(await dismissFlag(db, actor, community, flag.id)), 200);
  });

  for (const [method, mark] of [
    ["put", "lock"],
    ["delete", "lock"],
    ["put", "pin"],
    ["delete", "pin"],
  ] as const) {
    app.openapi(threadMark(method, mark), async (c) => {
      const actor = requireApiPerson(c);
      const db = c.get("db");
      const { thread, community } = await moderatedThread(db, actor, c.req.valid("param").id);
      await (mark === "lock" ? setLocked : setPinned)(db, actor, community, thread, method === "put");
      return c.json(await presentThread(db, thread.id), 200);
    });
  }

  app.openapi(move, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const { thread, community } = await moderatedThread(db, actor, c.req.valid("param").id);
    const to = await findCommunityBySlug(db, c.req.valid("json").community);
    if (!to) throw notFound("community");
    await moveThread(db, actor, community, thread, to);
    return c.json(await presentThread(db, thread.id), 200);
  });

  return app;
}
