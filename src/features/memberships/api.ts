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
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { type Community, findCommunityBySlug } from "../communities/queries.js";
import { invitableRoles, leaveInput } from "./inputs.js";
import { findInvitee } from "./joining-lookup.js";
import { pendingOf } from "./joining-queries.js";
import {
  InvitationSchema,
  JoinRequestSchema,
  MembershipSchema,
  presentInvitation,
  presentJoinRequest,
  presentMembership,
} from "./presenters.js";
import { findMembership, membershipsOf } from "./queries.js";
import {
  acceptInvitation,
  cancelInvitation,
  decideRequest,
  declineInvitation,
  invitePerson,
  type JoiningChoices,
  joinCommunity,
  leaveCommunity,
  requestToJoin,
} from "./service.js";
import { involvements } from "./tables.js";
import "../communities/policy.js";
import "./policy.js";

const isName = (key: string | number) => typeof key === "string";
const isTime = (key: string | number) => typeof key === "number";

const JoinBody = z
  .object({
    acceptCodeOfConduct: z
      .boolean()
      .optional()
      .openapi({ description: "Must be true when the community has a code of conduct (see its charter)." }),
    involvement: z
      .enum(involvements)
      .optional()
      .openapi({ description: "How involved you want to be; `take_part` when left out." }),
    answer: z.string().trim().max(1000, "Keep your answer under 1,000 characters").optional().openapi({
      description: "Request-to-join communities: the answer to their joining question, if they ask one.",
    }),
  })
  .openapi("JoinInput");

const DecisionBody = z
  .object({
    message: z
      .string()
      .trim()
      .max(1000, "Keep the message under 1,000 characters")
      .optional()
      .openapi({ description: "Sent to the person with the decision." }),
  })
  .openapi("DecisionInput");

const InviteBody = z
  .object({
    person: z
      .string()
      .trim()
      .min(1, "Name the person to invite by handle or email address")
      .max(320)
      .openapi({ description: "The person's handle or email address." }),
    role: z.enum(invitableRoles).default("member"),
    message: z.string().trim().max(1000, "Keep the message under 1,000 characters").optional(),
  })
  .openapi("InvitationInput");

const handleParam = slugParam.extend({
  handle: z
    .string()
    .min(1)
    .max(200)
    .openapi({ param: { name: "handle", in: "path" }, example: "sam-lee" }),
});

const optionalJson = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { "application/json": { schema } },
});

const join = createRoute({
  method: "post",
  path: "/communities/{slug}/membership",
  tags: ["Memberships"],
  summary: "Join, or ask to join, a community",
  description: [
    "What happens follows the community's join policy:",
    "- **open**: you join at once (201, state `active`);",
    "- **request**: your request is sent to the convenors (202, state `requested`); send `answer` when the community asks a joining question;",
    "- **invite**: refused (403) unless you are invited, in which case this accepts the invitation (201) in the role you were invited as.",
    "",
    "When the community has a code of conduct, `acceptCodeOfConduct` must be true (422 otherwise). The body may be left out for a community without one. Other refusals (closed, already a member...) are 403 with the reason.",
  ].join("\n"),
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, body: optionalJson(JoinBody) },
  responses: {
    201: jsonResponse(MembershipSchema, "You are a member."),
    202: jsonResponse(MembershipSchema, "Your request has been sent to the convenors."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const leave = createRoute({
  method: "delete",
  path: "/communities/{slug}/membership",
  tags: ["Memberships"],
  summary: "Leave a community",
  description:
    "The optional reason is kept for convenors, who only ever see reasons grouped together. Someone on a break can leave too. The last convenor cannot leave (422).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, body: optionalJson(leaveInput.openapi("LeaveInput")) },
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

const listRequests = createRoute({
  method: "get",
  path: "/communities/{slug}/requests",
  tags: ["Memberships"],
  summary: "Requests to join a community",
  description: "Pending requests, oldest first. For the community's convenors and the programme team.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(JoinRequestSchema, "JoinRequestPage"), "A page of pending requests."),
    ...problems(401, 403, 404, 422),
  },
});

const decisionRoute = (decision: "approve" | "decline") =>
  createRoute({
    method: "post",
    path: `/communities/{slug}/requests/{handle}/${decision}`,
    tags: ["Memberships"],
    summary: decision === "approve" ? "Approve a request to join" : "Decline a request to join",
    description:
      decision === "approve"
        ? "The person becomes an active member and is told, with your message if you send one. 409 when there is no pending request (already answered or withdrawn)."
        : "The request is closed and the person is told, with your message if you send one. 409 when there is no pending request.",
    security: requiresToken,
    middleware: [signedInFirst],
    request: { params: handleParam, body: optionalJson(DecisionBody) },
    responses: {
      204: { description: "Done; the person has been told.", headers: rateLimitHeaders },
      ...problems(400, 401, 403, 404, 409, 415, 422),
    },
  });

const listInvitations = createRoute({
  method: "get",
  path: "/communities/{slug}/invitations",
  tags: ["Memberships"],
  summary: "Invitations waiting for an answer",
  description: "Outstanding invitations, oldest first. For the community's convenors and the programme team.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(InvitationSchema, "InvitationPage"), "A page of outstanding invitations."),
    ...problems(401, 403, 404, 422),
  },
});

const invite = createRoute({
  method: "post",
  path: "/communities/{slug}/invitations",
  tags: ["Memberships"],
  summary: "Invite someone",
  description:
    "Invites a person (by handle or email address) as a member, core member or sponsor; they are notified and accept or decline. Inviting someone already invited changes the role and message. Current members and people who have asked to join are refused (422).",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: slugParam,
    body: { required: true, content: { "application/json": { schema: InviteBody } } },
  },
  responses: {
    201: jsonResponse(InvitationSchema, "The invitation."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const cancel = createRoute({
  method: "delete",
  path: "/communities/{slug}/invitations/{handle}",
  tags: ["Memberships"],
  summary: "Cancel an invitation",
  description: "404 when the person has no invitation waiting.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: handleParam },
  responses: {
    204: { description: "The invitation is cancelled.", headers: rateLimitHeaders },
    ...problems(401, 403, 404),
  },
});

const accept = createRoute({
  method: "post",
  path: "/communities/{slug}/invitation/accept",
  tags: ["Memberships"],
  summary: "Accept your invitation",
  description:
    "You join in the role you were invited as. `acceptCodeOfConduct` must be true when the community has a code of conduct.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, body: optionalJson(JoinBody) },
  responses: {
    201: jsonResponse(MembershipSchema, "You are a member."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const decline = createRoute({
  method: "post",
  path: "/communities/{slug}/invitation/decline",
  tags: ["Memberships"],
  summary: "Decline your invitation",
  description: "Whoever invited you is told.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam },
  responses: {
    204: { description: "Declined.", headers: rateLimitHeaders },
    ...problems(401, 403, 404),
  },
});

async function communityOr404(db: Db, slug: string) {
  const community = await findCommunityBySlug(db, slug);
  if (!community) throw notFound("community");
  return community;
}

async function personOr404(db: Db, handle: string) {
  const person = await findInvitee(db, handle);
  if (!person) throw notFound("person");
  return person;
}

async function membershipOf(c: Context<AppEnv>, community: Community, actor: PersonActor) {
  const membership = await findMembership(c.get("db"), community.id, actor.id);
  if (!membership) throw notFound("membership");
  return presentMembership(membership);
}

/** Joining, requests, invitations and leaving, and your own memberships. */
export function membershipApi() {
  const app = apiRouter();

  app.openapi(join, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await communityOr404(db, c.req.valid("param").slug);
    const body = (c.req.valid("json") ?? {}) as JoiningChoices;
    if (actor.memberships.get(community.id)?.state === "invited") {
      await acceptInvitation(db, actor, community, body);
      return c.json(await membershipOf(c, community, actor), 201);
    }
    if (community.joinPolicy === "request") {
      await requestToJoin(db, actor, community, body);
      return c.json(await membershipOf(c, community, actor), 202);
    }
    await joinCommunity(db, actor, community, body);
    return c.json(await membershipOf(c, community, actor), 201);
  });

  app.openapi(leave, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    const body = (c.req.valid("json") ?? {}) as { reason?: string };
    await leaveCommunity(c.get("db"), actor, community, body.reason ?? "");
    return c.body(null, 204);
  });

  app.openapi(myMemberships, async (c) => {
    const actor = requireApiPerson(c);
    const query = c.req.valid("query");
    const page = await membershipsOf(c.get("db"), actor.id, readCursor(query.cursor, isName), query.limit);
    return c.json(toApiPage(page, presentMembership), 200);
  });

  app.openapi(listRequests, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    authorize(actor, "membership.review", community);
    const query = c.req.valid("query");
    const page = await pendingOf(
      c.get("db"),
      community.id,
      "requested",
      readCursor(query.cursor, isTime),
      query.limit,
    );
    return c.json(toApiPage(page, presentJoinRequest), 200);
  });

  for (const decision of ["approve", "decline"] as const) {
    app.openapi(decisionRoute(decision), async (c) => {
      const actor = requireApiPerson(c);
      const db = c.get("db");
      const { slug, handle } = c.req.valid("param");
      const community = await communityOr404(db, slug);
      authorize(actor, "membership.review", community);
      const person = await personOr404(db, handle);
      const body = (c.req.valid("json") ?? {}) as { message?: string };
      const done = await decideRequest(db, actor, community, person, decision, body.message ?? "");
      if (!done)
        throw new AppError(
          409,
          "not_pending",
          `${person.name} has no request to join ${community.name} waiting: it was already answered or withdrawn.`,
        );
      return c.body(null, 204);
    });
  }

  app.openapi(listInvitations, async (c) => {
    const actor = requireApiPerson(c);
    const community = await communityOr404(c.get("db"), c.req.valid("param").slug);
    authorize(actor, "membership.review", community);
    const query = c.req.valid("query");
    const page = await pendingOf(
      c.get("db"),
      community.id,
      "invited",
      readCursor(query.cursor, isTime),
      query.limit,
    );
    return c.json(toApiPage(page, presentInvitation), 200);
  });

  app.openapi(invite, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await communityOr404(db, c.req.valid("param").slug);
    authorize(actor, "membership.review", community);
    const body = c.req.valid("json");
    const person = await findInvitee(db, body.person);
    if (!person)
      throw new AppError(
        422,
        "unknown_person",
        "We could not find anyone with that handle or email address.",
        {
          field: "person",
        },
      );
    const now = new Date();
    await invitePerson(db, actor, community, person, body.role, body.message ?? "", now);
    return c.json(
      presentInvitation({
        personId: person.id,
        handle: person.handle,
        name: person.name,
        jobTitle: person.jobTitle,
        divisionName: person.divisionName,
        role: body.role,
        involvement: "take_part",
        text: body.message?.trim() ?? "",
        at: now,
        invitedByName: actor.name,
      }),
      201,
    );
  });

  app.openapi(cancel, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const { slug, handle } = c.req.valid("param");
    const community = await communityOr404(db, slug);
    authorize(actor, "membership.review", community);
    const person = await personOr404(db, handle);
    if (!(await cancelInvitation(db, actor, community, person))) throw notFound("invitation");
    return c.body(null, 204);
  });

  app.openapi(accept, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await communityOr404(db, c.req.valid("param").slug);
    const body = (c.req.valid("json") ?? {}) as JoiningChoices;
    await acceptInvitation(db, actor, community, body);
    return c.json(await membershipOf(c, community, actor), 201);
  });

  app.openapi(decline, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const community = await communityOr404(db, c.req.valid("param").slug);
    await declineInvitation(db, actor, community);
    return c.body(null, 204);
  });

  return app;
}
