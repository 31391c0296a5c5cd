import { createRoute, z } from "@hono/zod-openapi";
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
import { authorize } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { findOwnMembership, leavingSummary, type RosterRow, rosterEntry, rosterOf } from "./queries.js";
import { breakInput, communityRoles, involvementInput, removeInput, roleInput } from "./roster-inputs.js";
import { changeRole, endBreak, removeMember, setInvolvement, takeBreak } from "./roster-service.js";
import { involvements } from "./tables.js";
import "../communities/policy.js";
import "./roster-policy.js";

const isName = (key: string | number) => typeof key === "string";

export const CommunityMemberSchema = z
  .object({
    person: z.object({
      id: z.string(),
      handle: z.string(),
      name: z.string(),
      jobTitle: z.string(),
      division: z.string().nullable(),
      skills: z.array(z.string()),
    }),
    role: z.enum(communityRoles),
    state: z.enum(["active", "on_break"]),
    involvement: z.enum(involvements),
    breakUntil: z
      .string()
      .nullable()
      .openapi({ format: "date", description: "Last day of the member's break, while on one." }),
    joinedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("CommunityMember");

export function presentCommunityMember(row: RosterRow): z.infer<typeof CommunityMemberSchema> {
  return {
    person: {
      id: row.personId,
      handle: row.handle,
      name: row.name,
      jobTitle: row.jobTitle,
      division: row.divisionName,
      skills: row.skills,
    },
    role: row.role,
    state: row.state === "on_break" ? "on_break" : "active",
    involvement: row.involvement,
    breakUntil: row.state === "on_break" ? row.breakUntil : null,
    joinedAt: row.joinedAt.toISOString(),
  };
}

const OwnMembershipSchema = z
  .object({
    community: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
    role: z.enum(communityRoles),
    state: z.enum(["requested", "invited", "active", "on_break", "left"]),
    involvement: z.enum(involvements),
    breakUntil: z.string().nullable().openapi({ format: "date" }),
    joinedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("OwnMembership");

const LeavingSchema = z
  .object({
    total: z.number().int().openapi({ description: "People who chose to leave in the last 12 months." }),
    months: z.array(z.object({ month: z.string().openapi({ example: "2026-03" }), count: z.number().int() })),
    reasonsHidden: z.boolean().openapi({
      description:
        "True when fewer than 3 people left: reasons are then withheld so none points to a person.",
    }),
    reasons: z.array(z.object({ month: z.string(), reason: z.string() })),
  })
  .openapi("LeavingReasons");

const memberQuery = z.object({
  q: z.string().trim().max(100).default("").openapi({ description: "Part of a name, or a skill." }),
  role: z.enum(communityRoles, { message: `Use one of: ${communityRoles.join(", ")}` }).optional(),
  involvement: z.enum(involvements, { message: `Use one of: ${involvements.join(", ")}` }).optional(),
  division: z.string().trim().max(64).default("").openapi({ description: "A division's slug." }),
  ...paginationQuery,
});

const memberParams = slugParam.extend({
  handle: z
    .string()
    .max(100)
    .openapi({ param: { name: "handle", in: "path" }, example: "amara-okafor" }),
});

const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

const listMembers = createRoute({
  method: "get",
  path: "/communities/{slug}/members",
  tags: ["Memberships"],
  summary: "A community's members",
  description:
    "Current members (including those on a break) by name, with search and filters. For signed-in colleagues; members-only communities show them to members and the programme team only.",
  security: requiresToken,
  request: { params: slugParam, query: memberQuery },
  responses: {
    200: jsonResponse(pageOf(CommunityMemberSchema, "CommunityMemberPage"), "A page of members."),
    ...problems(401, 403, 404, 422),
  },
});

const patchMember = createRoute({
  method: "patch",
  path: "/communities/{slug}/members/{handle}",
  tags: ["Memberships"],
  summary: "Change a member's role",
  description:
    "Convenors and the programme team. The last convenor cannot be demoted (422 `last_convenor`); the person is notified.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: memberParams, body: jsonBody(roleInput.openapi("RoleInput")) },
  responses: {
    200: jsonResponse(CommunityMemberSchema, "The member with their new role."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const deleteMember = createRoute({
  method: "delete",
  path: "/communities/{slug}/members/{handle}",
  tags: ["Memberships"],
  summary: "Remove a member",
  description:
    "Convenors and the programme team, with a reason the person is told. Audit-logged. Not yourself (use DELETE /communities/{slug}/membership), and never the last convenor.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: memberParams, body: jsonBody(removeInput.openapi("RemoveMemberInput")) },
  responses: {
    204: { description: "Removed.", headers: rateLimitHeaders },
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const putInvolvement = createRoute({
  method: "put",
  path: "/communities/{slug}/membership/involvement",
  tags: ["Memberships"],
  summary: "Set how involved you want to be",
  description: "follow (the round-up only), take_part, or help_run.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, body: jsonBody(involvementInput.openapi("InvolvementInput")) },
  responses: {
    200: jsonResponse(OwnMembershipSchema, "Your membership."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const putBreak = createRoute({
  method: "put",
  path: "/communities/{slug}/membership/break",
  tags: ["Memberships"],
  summary: "Take a break, or move its end",
  description:
    "`until` is the last day of the break (YYYY-MM-DD), after today and at most a year ahead. You get no notifications from the community until then and stay a member; you are back automatically the day after.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, body: jsonBody(breakInput.openapi("BreakInput")) },
  responses: {
    200: jsonResponse(OwnMembershipSchema, "Your membership."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const deleteBreak = createRoute({
  method: "delete",
  path: "/communities/{slug}/membership/break",
  tags: ["Memberships"],
  summary: "Come back from a break now",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam },
  responses: {
    200: jsonResponse(OwnMembershipSchema, "Your membership."),
    ...problems(401, 403, 404),
  },
});

const getLeaving = createRoute({
  method: "get",
  path: "/communities/{slug}/leaving-reasons",
  tags: ["Memberships"],
  summary: "Why people leave, in aggregate",
  description:
    "Convenors and the programme team: people who chose to leave per month over the last 12 months, and their reasons newest first with the month only. No names; removals are not counted.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam },
  responses: {
    200: jsonResponse(LeavingSchema, "Leaving in aggregate."),
    ...problems(401, 403, 404),
  },
});

async function communityOr404(c: Context<AppEnv>, slug: string) {
  const community = await findCommunityBySlug(c.get("db"), slug);
  if (!community) throw notFound("community");
  return community;
}

async function memberOr404(c: Context<AppEnv>, communityId: string, handle: string) {
  const member = await rosterEntry(c.get("db"), communityId, handle);
  if (!member) throw notFound("member");
  return member;
}

async function ownMembership(c: Context<AppEnv>, communityId: string, personId: string) {
  const row = await findOwnMembership(c.get("db"), communityId, personId);
  if (!row) throw notFound("membership");
  return {
    community: { id: row.communityId, slug: row.slug, name: row.name },
    role: row.role,
    state: row.state,
    involvement: row.involvement,
    breakUntil: row.state === "on_break" ? row.breakUntil : null,
    joinedAt: row.joinedAt.toISOString(),
  };
}

/** The member list of a community, roles, involvement, breaks and removals. */
export function rosterApi() {
  const app = apiRouter();

  app.openapi(listMembers, async (c) => {
    const community = await communityOr404(c, c.req.valid("param").slug);
    authorize(c.get("actor"), "community.viewMembers", community);
    const query = c.req.valid("query");
    const page = await rosterOf(
      c.get("db"),
      community.id,
      { q: query.q, role: query.role ?? "", involvement: query.involvement ?? "", division: query.division },
      readCursor(query.cursor, isName),
      query.limit,
    );
    return c.json(toApiPage(page, presentCommunityMember), 200);
  });

  app.openapi(patchMember, async (c) => {
    const actor = requireApiPerson(c);
    const params = c.req.valid("param");
    const community = await communityOr404(c, params.slug);
    authorize(actor, "roster.manage", community);
    const member = await memberOr404(c, community.id, params.handle);
    await changeRole(
      c.get("db"),
      actor,
      community,
      { id: member.personId, name: member.name },
      c.req.valid("json").role,
    );
    return c.json(presentCommunityMember(await memberOr404(c, community.id, params.handle)), 200);
  });

  app.openapi(deleteMember, async (c) => {
    const actor = requireApiPerson(c);
    const params = c.req.valid("param");
    const community = await communityOr404(c, params.slug);
    authorize(actor, "roster.manage", community);
    const member = await memberOr404(c, community.id, params.handle);
    await removeMember(
      c.get("db"),
      actor,
      community,
      { id: member.personId, name: member.name },
      c.req.valid("json").reason,
    );
    return c.body(null, 204);
  });

  app.openapi(putInvolvement, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c, c.req.valid("param").slug);
    await setInvolvement(c.get("db"), actor, community, c.req.valid("json").involvement);
    return c.json(await ownMembership(c, community.id, actor.id), 200);
  });

  app.openapi(putBreak, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c, c.req.valid("param").slug);
    await takeBreak(c.get("db"), actor, community, c.req.valid("json").until, {
      timeZone: c.get("config").timeZone,
    });
    return c.json(await ownMembership(c, community.id, actor.id), 200);
  });

  app.openapi(deleteBreak, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c, c.req.valid("param").slug);
    await endBreak(c.get("db"), actor, community);
    return c.json(await ownMembership(c, community.id, actor.id), 200);
  });

  app.openapi(getLeaving, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c, c.req.valid("param").slug);
    authorize(actor, "roster.viewLeaving", community);
    return c.json(await leavingSummary(c.get("db"), community.id, new Date()), 200);
  });

  return app;
}
