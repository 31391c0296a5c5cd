import { createRoute, z } from "@hono/zod-openapi";
import { apiRouter } from "../../platform/api/router.js";
import {
  jsonResponse,
  pageOf,
  paginationQuery,
  problems,
  readCursor,
  requiresToken,
  toApiPage,
} from "../../platform/api/schemas.js";
import { notFound } from "../../platform/errors.js";
import { authorize } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { MemberSchema, presentMember } from "./presenters.js";
import { membersOf } from "./queries.js";
import "../communities/policy.js";

const isName = (key: string | number) => typeof key === "string";

const listMembers = createRoute({
  method: "get",
  path: "/communities/{slug}/members",
  tags: ["Memberships"],
  summary: "A community's members",
  description: "Current members by name. Who is in a community is for signed-in colleagues only.",
  security: requiresToken,
  request: { params: slugParam, query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(MemberSchema, "MemberPage"), "A page of members."),
    ...problems(401, 404, 422),
  },
});

/** The member list of a community, roles, involvement, breaks and removals. */
export function rosterApi() {
  const app = apiRouter();

  app.openapi(listMembers, async (c) => {
    const community = await findCommunityBySlug(c.get("db"), c.req.valid("param").slug);
    if (!community) throw notFound("community");
    authorize(c.get("actor"), "community.viewMembers", community);
    const query = c.req.valid("query");
    const page = await membersOf(c.get("db"), community.id, readCursor(query.cursor, isName), query.limit);
    return c.json(toApiPage(page, presentMember), 200);
  });

  return app;
}
