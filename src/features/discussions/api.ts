import { createRoute, z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context } from "hono";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  jsonResponse,
  pageOf,
  paginationQuery,
  problems,
  rateLimitHeaders,
  readCursor,
  requiresToken,
  toApiPage,
} from "../../platform/api/schemas.js";
import { notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { encodeCursor } from "../../platform/http/pagination.js";
import { authorize, can } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { communities } from "../communities/tables.js";
import { threadInput } from "./inputs.js";
import {
  presentReply,
  presentThread,
  presentThreadSummary,
  ReplySchema,
  RevisionSchema,
  ThreadSchema,
  ThreadSummarySchema,
} from "./presenters.js";
import { findReply, listThreads, repliesOf, revisionsOf, threadById } from "./queries.js";
import { deleteReply, deleteThread, editReply, editThread, replyToThread, startThread } from "./service.js";
import { threadKinds } from "./tables.js";
import "../communities/policy.js";
import "./moderation-policy.js";
import "./policy.js";

const idParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b" }),
});

const bodyText = z
  .string()
  .trim()
  .min(1, "Write the post")
  .max(20_000, "Keep it to 20,000 characters or fewer");
const titleText = z
  .string()
  .trim()
  .min(3, "Enter a title of at least 3 characters")
  .max(150, "Keep the title to 150 characters or fewer");
const tagArray = z
  .array(z.string().trim().toLowerCase().min(1).max(40, "Keep each tag under 40 characters"))
  .max(10, "Add at most 10 tags");

const ThreadInputSchema = z
  .object({
    kind: z.enum(threadKinds).default("discussion"),
    title: titleText,
    body: bodyText,
    tags: tagArray.default([]),
  })
  .openapi("ThreadInput");
const ThreadPatchSchema = z
  .object({ title: titleText.optional(), body: bodyText.optional(), tags: tagArray.optional() })
  .openapi("ThreadPatch");
const ReplyInputSchema = z
  .object({
    body: bodyText,
    inReplyToId: z.string().max(64).optional().openapi({ description: "The reply this one answers." }),
  })
  .openapi("ReplyInput");
const ReplyPatchSchema = z.object({ body: bodyText }).openapi("ReplyPatch");

const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

const listRoute = createRoute({
  method: "get",
  path: "/communities/{slug}/threads",
  tags: ["Discussions"],
  summary: "Threads in a community",
  description:
    "Pinned threads first (on the first page), then by `sort`. `kind` narrows to one kind; `unanswered=true` lists questions without an accepted answer. Members-only communities answer 403 to non-members.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: slugParam,
    query: z.object({
      kind: z.enum(threadKinds).optional(),
      unanswered: z.enum(["true", "false"]).optional(),
      sort: z.enum(["activity", "newest"]).default("activity"),
      ...paginationQuery,
    }),
  },
  responses: {
    200: jsonResponse(pageOf(ThreadSummarySchema, "ThreadPage"), "A page of threads."),
    ...problems(401, 403, 404, 422),
  },
});

const startRoute = createRoute({
  method: "post",
  path: "/communities/{slug}/threads",
  tags: ["Discussions"],
  summary: "Start a thread",
  description:
    "For current members of an open community. Announcements are for convenors and core members (422 otherwise). You follow your thread.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, body: json(ThreadInputSchema) },
  responses: {
    201: jsonResponse(ThreadSchema, "The new thread."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/threads/{id}",
  tags: ["Discussions"],
  summary: "A thread with its replies",
  description:
    "Replies come in order, `limit` at a time (up to 200); follow `nextCursor`. Hidden posts are left out for all but moderators; deleted posts keep their place with an empty body.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: idParam,
    query: z.object({
      cursor: paginationQuery.cursor,
      limit: z.coerce.number().int().min(1).max(200).default(200),
    }),
  },
  responses: { 200: jsonResponse(ThreadSchema, "The thread."), ...problems(401, 403, 404, 422) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/threads/{id}",
  tags: ["Discussions"],
  summary: "Edit your thread",
  description: "Only the author. The earlier text is kept in the edit history.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, body: json(ThreadPatchSchema) },
  responses: {
    200: jsonResponse(ThreadSchema, "The edited thread."),
    ...problems(400, 401, 403, 404, 409, 415, 422),
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/threads/{id}",
  tags: ["Discussions"],
  summary: "Delete your thread",
  description: "Only the author. The thread stays as a tombstone so its replies remain readable.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: { 204: { description: "Deleted.", headers: rateLimitHeaders }, ...problems(401, 403, 404) },
});

const replyRoute = createRoute({
  method: "post",
  path: "/threads/{id}/replies",
  tags: ["Discussions"],
  summary: "Reply to a thread",
  description: "For current members; locked threads and closed communities refuse (403).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, body: json(ReplyInputSchema) },
  responses: { 201: jsonResponse(ReplySchema, "The reply."), ...problems(400, 401, 403, 404, 415, 422) },
});

const patchReplyRoute = createRoute({
  method: "patch",
  path: "/replies/{id}",
  tags: ["Discussions"],
  summary: "Edit your reply",
  description: "Only the author. The earlier text is kept in the edit history.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, body: json(ReplyPatchSchema) },
  responses: {
    200: jsonResponse(ReplySchema, "The edited reply."),
    ...problems(400, 401, 403, 404, 409, 415, 422),
  },
});

const deleteReplyRoute = createRoute({
  method: "delete",
  path: "/replies/{id}",
  tags: ["Discussions"],
  summary: "Delete your reply",
  description: "Only the author. A tombstone keeps its place in the thread.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: { 204: { description: "Deleted.", headers: rateLimitHeaders }, ...problems(401, 403, 404) },
});

const revisionsRoute = createRoute({
  method: "get",
  path: "/threads/{id}/revisions",
  tags: ["Discussions"],
  summary: "Edit history of a post",
  description: "Earlier texts of the thread (or, with `post`, one of its replies), newest first.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: idParam,
    query: z.object({ post: z.string().max(64).optional().openapi({ description: "A reply's id." }) }),
  },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(RevisionSchema) }).openapi("RevisionList"),
      "Earlier versions.",
    ),
    ...problems(401, 403, 404),
  },
});

async function communityById(c: Context<AppEnv>, id: string) {
  const [community] = await c.get("db").select().from(communities).where(eq(communities.id, id));
  if (!community) throw notFound("community");
  return community;
}

/** A thread the caller may see (hidden ones only for moderators), with its community. */
async function visibleThread(c: Context<AppEnv>, id: string) {
  const row = await threadById(c.get("db"), id);
  if (!row) throw notFound("thread");
  const community = await communityById(c, row.thread.communityId);
  const actor = c.get("actor");
  authorize(actor, "discussion.view", community);
  const moderator = can(actor, "discussion.moderate", community);
  if (row.thread.hiddenAt && !moderator) throw notFound("thread");
  return { row, community, moderator };
}

async function visibleReply(c: Context<AppEnv>, id: string) {
  const found = await findReply(c.get("db"), id);
  if (!found) throw notFound("reply");
  const { row, community, moderator } = await visibleThread(c, found.thread.id);
  if (found.reply.hiddenAt && !moderator) throw notFound("reply");
  return { reply: found.reply, row, community };
}

/** Threads and replies. */
export function discussionApi() {
  const app = apiRouter();

  app.openapi(listRoute, async (c) => {
    const actor = requireApiPerson(c);
    const community = await findCommunityBySlug(c.get("db"), c.req.valid("param").slug);
    if (!community) throw notFound("community");
    authorize(actor, "discussion.view", community);
    const query = c.req.valid("query");
    const show =
      query.unanswered === "true"
        ? "unanswered"
        : query.kind === "question"
          ? "questions"
          : query.kind === "announcement"
            ? "announcements"
            : query.kind === "discussion"
              ? "discussions"
              : "all";
    const page = await listThreads(c.get("db"), community.id, {
      show,
      sort: query.sort,
      cursor: readCursor(query.cursor, (key) => typeof key === "number"),
      limit: query.limit,
      moderator: can(actor, "discussion.moderate", community),
    });
    return c.json(
      toApiPage(page, (row) => presentThreadSummary(row, community.slug)),
      200,
    );
  });

  app.openapi(startRoute, async (c) => {
    const actor = requireApiPerson(c);
    const community = await findCommunityBySlug(c.get("db"), c.req.valid("param").slug);
    if (!community) throw notFound("community");
    const body = c.req.valid("json");
    const input = threadInput.parse({ ...body, tags: body.tags.join(",") });
    const thread = await startThread(c.get("db"), actor, community, input);
    const row = await threadById(c.get("db"), thread.id);
    return c.json({ ...presentThread(row!, community.slug), replies: [], nextCursor: null }, 201);
  });

  app.openapi(getRoute, async (c) => {
    requireApiPerson(c);
    const { row, community, moderator } = await visibleThread(c, c.req.valid("param").id);
    const query = c.req.valid("query");
    const cursor = readCursor(query.cursor, (key) => typeof key === "number");
    const rows = await repliesOf(c.get("db"), row.thread.id, { after: cursor?.id, limit: query.limit + 1 });
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    const last = page[page.length - 1];
    return c.json(
      {
        ...presentThread(row, community.slug),
        replies: page.filter((r) => moderator || !r.reply.hiddenAt).map(presentReply),
        nextCursor:
          more && last
            ? encodeCursor({ direction: "after", key: last.reply.createdAt.getTime(), id: last.reply.id })
            : null,
      },
      200,
    );
  });

  app.openapi(patchRoute, async (c) => {
    const actor = requireApiPerson(c);
    const { row, community } = await visibleThread(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    await editThread(c.get("db"), actor, community, row.thread, {
      title: body.title ?? row.thread.title,
      body: body.body ?? row.thread.body,
      tags: body.tags ?? row.thread.tags,
    });
    const fresh = await threadById(c.get("db"), row.thread.id);
    return c.json({ ...presentThread(fresh!, community.slug), replies: [], nextCursor: null }, 200);
  });

  app.openapi(deleteRoute, async (c) => {
    const actor = requireApiPerson(c);
    const { row, community } = await visibleThread(c, c.req.valid("param").id);
    await deleteThread(c.get("db"), actor, community, row.thread);
    return c.body(null, 204);
  });

  app.openapi(replyRoute, async (c) => {
    const actor = requireApiPerson(c);
    const { row, community } = await visibleThread(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    const reply = await replyToThread(c.get("db"), actor, community, row.thread, {
      body: body.body,
      inReplyToId: body.inReplyToId,
    });
    return c.json(presentReply({ reply, authorName: actor.name, authorHandle: actor.handle }), 201);
  });

  app.openapi(patchReplyRoute, async (c) => {
    const actor = requireApiPerson(c);
    const { reply, row, community } = await visibleReply(c, c.req.valid("param").id);
    const { body } = c.req.valid("json");
    await editReply(c.get("db"), actor, community, row.thread, reply, body);
    const fresh = await findReply(c.get("db"), reply.id);
    return c.json(
      presentReply({ reply: fresh!.reply, authorName: actor.name, authorHandle: actor.handle }),
      200,
    );
  });

  app.openapi(deleteReplyRoute, async (c) => {
    const actor = requireApiPerson(c);
    const { reply, community } = await visibleReply(c, c.req.valid("param").id);
    await deleteReply(c.get("db"), actor, community, reply);
    return c.body(null, 204);
  });

  app.openapi(revisionsRoute, async (c) => {
    requireApiPerson(c);
    const { row } = await visibleThread(c, c.req.valid("param").id);
    const postId = c.req.valid("query").post ?? row.thread.id;
    if (postId !== row.thread.id) {
      const { reply } = await visibleReply(c, postId);
      if (reply.threadId !== row.thread.id) throw notFound("reply");
    }
    const revisions = await revisionsOf(c.get("db"), postId);
    return c.json(
      {
        data: revisions.map((r) => ({
          id: r.id,
          title: r.title,
          body: r.body,
          editor: r.editorName && r.editorHandle ? { name: r.editorName, handle: r.editorHandle } : null,
          createdAt: r.createdAt.toISOString(),
        })),
      },
      200,
    );
  });

  return app;
}
