import { createRoute, z } from "@hono/zod-openapi";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  iso,
  jsonResponse,
  pageOf,
  paginationQuery,
  problems,
  rateLimitHeaders,
  readCursor,
  requiresToken,
  toApiPage,
} from "../../platform/api/schemas.js";
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import {
  type FollowedThread,
  findPost,
  findThreadWithCommunity,
  followedThreads,
  type PostReactions,
  reactionsForPost,
} from "./interactions-queries.js";
import {
  acceptAnswer,
  setFollowing,
  setReaction,
  threadPath,
  unacceptAnswer,
} from "./interactions-service.js";
import { reactionKinds } from "./tables.js";

const threadParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, description: "The thread's id." }),
});
const postParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({
      param: { name: "id", in: "path" },
      description: "A thread's id (its opening post) or a reply's id.",
    }),
});
const kindEnum = z.enum(reactionKinds).openapi({ description: "thanks, helpful or same_problem." });

const AcceptBody = z
  .object({ replyId: z.string().min(1, "Say which reply is the answer").max(100) })
  .openapi("AcceptedAnswerInput");
const ReactionBody = z.object({ kind: kindEnum }).openapi("ReactionInput");

const AcceptedAnswerSchema = z
  .object({
    threadId: z.string(),
    acceptedReplyId: z.string().nullable(),
    acceptedAt: z.string().nullable().openapi({ format: "date-time" }),
  })
  .openapi("AcceptedAnswer");

const ReactionsSchema = z
  .object({
    postId: z.string(),
    counts: z.object({ thanks: z.number().int(), helpful: z.number().int(), same_problem: z.number().int() }),
    mine: z.array(kindEnum).openapi({ description: "The kinds you have given this post." }),
  })
  .openapi("PostReactions");

const FollowedThreadSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.string().openapi({ example: "question" }),
    replyCount: z.number().int(),
    answered: z.boolean(),
    lastActivityAt: z.string().openapi({ format: "date-time" }),
    url: z.string().openapi({ example: "/communities/hr-operations/discussions/0193..." }),
    community: z.object({ slug: z.string(), name: z.string() }),
  })
  .openapi("FollowedThread");

const presentReactions = (postId: string, reactions: PostReactions) => ({
  postId,
  counts: reactions.counts,
  mine: reactions.mine,
});

const presentFollowed = (thread: FollowedThread) => ({
  id: thread.threadId,
  title: thread.title,
  kind: thread.kind,
  replyCount: thread.replyCount,
  answered: thread.answered,
  lastActivityAt: thread.lastActivityAt.toISOString(),
  url: threadPath(thread.communitySlug, thread.threadId),
  community: { slug: thread.communitySlug, name: thread.communityName },
});

const tags = ["Discussions"];
const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

const putAccepted = createRoute({
  method: "put",
  path: "/threads/{id}/accepted-answer",
  tags,
  summary: "Accept an answer to a question",
  description:
    "Marks one reply as the answer; any earlier accepted reply is replaced. For the person who asked, the community's convenors and the programme team. Only questions have an accepted answer (403); a deleted or hidden reply cannot be accepted (422). The reply's author is notified.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: threadParam, body: json(AcceptBody) },
  responses: {
    200: jsonResponse(AcceptedAnswerSchema, "The question's accepted answer."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const deleteAccepted = createRoute({
  method: "delete",
  path: "/threads/{id}/accepted-answer",
  tags,
  summary: "Unaccept the answer to a question",
  description: "The question goes back to unanswered. Same permissions as accepting.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: threadParam },
  responses: {
    204: { description: "The question has no accepted answer.", headers: rateLimitHeaders },
    ...problems(401, 403, 404),
  },
});

const addReaction = createRoute({
  method: "post",
  path: "/posts/{id}/reactions",
  tags,
  summary: "React to a post",
  description:
    "Adds your reaction (thanks, helpful or same_problem) to a thread's opening post or a reply; adding one you have already given changes nothing. You must be a current member of the community, and cannot react to your own post (403).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: postParam, body: json(ReactionBody) },
  responses: {
    200: jsonResponse(ReactionsSchema, "The post's reactions now."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const removeReaction = createRoute({
  method: "delete",
  path: "/posts/{id}/reactions/{kind}",
  tags,
  summary: "Take back a reaction",
  description: "Removes your reaction of this kind; removing one you have not given changes nothing.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: postParam.extend({ kind: kindEnum.openapi({ param: { name: "kind", in: "path" } }) }),
  },
  responses: {
    200: jsonResponse(ReactionsSchema, "The post's reactions now."),
    ...problems(401, 403, 404, 422),
  },
});

const followRoute = (method: "put" | "delete") =>
  createRoute({
    method,
    path: "/threads/{id}/follow",
    tags,
    summary: method === "put" ? "Follow a thread" : "Stop following a thread",
    description:
      method === "put"
        ? "You are told about new replies. Anyone who can read the thread may follow it."
        : "You are no longer told about new replies.",
    security: requiresToken,
    middleware: [signedInFirst],
    request: { params: threadParam },
    responses: {
      204: {
        description: method === "put" ? "You follow the thread." : "You do not follow the thread.",
        headers: rateLimitHeaders,
      },
      ...problems(401, 403, 404),
    },
  });

const myFollowing = createRoute({
  method: "get",
  path: "/me/following",
  tags,
  summary: "Threads you follow",
  description:
    "Latest activity first. Threads you can no longer read (hidden, deleted, or in a members-only community you left) are left out.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(FollowedThreadSchema, "FollowedThreadPage"), "A page of threads you follow."),
    ...problems(401, 422),
  },
});

async function threadOr404(db: Db, id: string) {
  const found = await findThreadWithCommunity(db, id);
  if (!found) throw notFound("thread");
  return found;
}

async function postOr404(db: Db, id: string) {
  const found = await findPost(db, id);
  if (!found) throw notFound("post");
  return found;
}

const isTime = (key: string | number) => typeof key === "string" && !Number.isNaN(new Date(key).getTime());

/** Accepted answers, reactions and follows. */
export function interactionApi() {
  const app = apiRouter();

  app.openapi(putAccepted, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const found = await threadOr404(db, c.req.valid("param").id);
    await acceptAnswer(db, actor, found, c.req.valid("json").replyId);
    const after = await threadOr404(db, found.thread.id);
    return c.json(
      {
        threadId: after.thread.id,
        acceptedReplyId: after.thread.acceptedReplyId,
        acceptedAt: iso(after.thread.acceptedAt),
      },
      200,
    );
  });

  app.openapi(deleteAccepted, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    await unacceptAnswer(db, actor, await threadOr404(db, c.req.valid("param").id));
    return c.body(null, 204);
  });

  app.openapi(addReaction, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const found = await postOr404(db, c.req.valid("param").id);
    await setReaction(db, actor, found, c.req.valid("json").kind, true);
    return c.json(presentReactions(found.post.id, await reactionsForPost(db, found.post.id, actor.id)), 200);
  });

  app.openapi(removeReaction, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const { id, kind } = c.req.valid("param");
    const found = await postOr404(db, id);
    await setReaction(db, actor, found, kind, false);
    return c.json(presentReactions(found.post.id, await reactionsForPost(db, found.post.id, actor.id)), 200);
  });

  for (const method of ["put", "delete"] as const) {
    app.openapi(followRoute(method), async (c) => {
      const actor = requireApiPerson(c);
      const db = c.get("db");
      await setFollowing(db, actor, await threadOr404(db, c.req.valid("param").id), method === "put");
      return c.body(null, 204);
    });
  }

  app.openapi(myFollowing, async (c) => {
    const actor = requireApiPerson(c);
    const query = c.req.valid("query");
    const page = await followedThreads(c.get("db"), actor.id, readCursor(query.cursor, isTime), query.limit);
    return c.json(toApiPage(page, presentFollowed), 200);
  });

  return app;
}
