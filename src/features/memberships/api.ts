import { createRoute, z } from "@hono/zod-openapi";
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
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { leaveInput } from "./inputs.js";
import { MembershipSchema, presentMembership } from "./presenters.js";
import { findMembership, membershipsOf } from "./queries.js";
import { joinCommunity, leaveCommunity } from "./service.js";
import "../communities/policy.js";

const isName = (key: string | number) => typeof key === "string";

const join = createRoute({
  method: "post",
  path: "/communities/{slug}/membership",
  tags: ["Memberships"],
  summary: "Join a community",
  description:
    "Open communities only; the refusal says why otherwise (invite only, closed, already a member...).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam },
  responses: {
    201: jsonResponse(MembershipSchema, "Your membership."),
    ...problems(401, 403, 404),
  },
});

const leave = createRoute({
  method: "delete",
  path: "/communities/{slug}/membership",
  tags: ["Memberships"],
  summary: "Leave a community",
  description:
    "The optional reason is kept for convenors, who only ever see reasons grouped together. The last convenor cannot leave (422).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: slugParam,
    body: {
      required: false,
      content: { "application/json": { schema: leaveInput.openapi("LeaveInput") } },
    },
  },
  responses: {
    204: { description: "You have left.", headers: rateLimitHeaders },
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const myMemberships = createRoute({
  method: "get",
  path: "/me/memberships",
  tags: ["Me"],
  summary: "Your memberships",
  description: "Communities you belong to, have asked to join or are invited to; by community name.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(MembershipSchema, "MembershipPage"), "A page of your memberships."),
    ...problems(401, 422),
  },
});

async function communityOr404(db: Db, slug: string) {
  const community = await findCommunityBySlug(db, slug);
  if (!community) throw notFound("community");
  return community;
}

/** Members of a community, joining and leaving, and your own memberships. */
export function membershipApi() {
  const app = apiRouter();

  app.openapi(join, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    await joinCommunity(c.get("db"), actor, community);
    const membership = await findMembership(c.get("db"), community.id, actor.id);
    if (!membership) throw notFound("membership");
    return c.json(presentMembership(membership), 201);
  });

  app.openapi(leave, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    const body = c.req.valid("json") as { reason?: string };
    await leaveCommunity(c.get("db"), actor, community, body.reason ?? "");
    return c.body(null, 204);
  });

  app.openapi(myMemberships, async (c) => {
    const actor = requireApiPerson(c);
    const query = c.req.valid("query");
    const page = await membershipsOf(c.get("db"), actor.id, readCursor(query.cursor, isName), query.limit);
    return c.json(toApiPage(page, presentMembership), 200);
  });

  return app;
}
