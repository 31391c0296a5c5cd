import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { iso, jsonResponse, problems, requiresToken } from "../../platform/api/schemas.js";
import { fieldProblemsOf, validationFailed } from "../../platform/api/validation.js";
import { notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize } from "../../platform/policy.js";
import {
  MAX_ROOMS,
  MAX_SLOTS,
  MAX_VOTES,
  proposalInput,
  roomLabels,
  slotLabels,
  votesEach,
} from "./board-inputs.js";
import { type BoardProposal, boardOf, findProposal, rsvpStatusOf } from "./board-queries.js";
import {
  assertUnconference,
  boardTarget,
  proposeSession,
  saveSchedule,
  setVote,
  withdrawSession,
} from "./board-service.js";
import { eventTarget, type LoadedEvent, loadEvent } from "./load.js";
import "./board-policy.js";

const idParam = z
  .string()
  .min(1)
  .max(100)
  .openapi({ param: { name: "id", in: "path" }, description: "The event's id." });
const eventParams = z.object({ id: idParam });
const proposalParams = z.object({
  id: idParam,
  proposalId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "proposalId", in: "path" }, description: "The proposed session's id." }),
});

const ProposalSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    voteCount: z.number().int(),
    votedByYou: z.boolean(),
    proposer: z.object({ id: z.string(), name: z.string(), handle: z.string() }).nullable(),
    room: z.number().int().nullable().openapi({ description: "Index into `rooms` once placed on the grid." }),
    slot: z.number().int().nullable().openapi({ description: "Index into `slots` once placed on the grid." }),
    createdAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("SessionProposal");

const BoardSchema = z
  .object({
    eventId: z.string(),
    votesPerPerson: z.number().int(),
    votesLeft: z.number().int().openapi({ description: "Your votes still to spend." }),
    rooms: z.array(z.string()),
    slots: z.array(z.string()),
    schedulePublishedAt: z.string().nullable().openapi({ format: "date-time" }),
    proposals: z
      .array(ProposalSchema)
      .openapi({ description: "Open proposals, most votes first (at most 200)." }),
  })
  .openapi("SessionBoard");

const ProposalInputSchema = z
  .object({ title: z.string().max(120), description: z.string().max(1000).optional() })
  .openapi("SessionProposalInput");

const VoteSchema = z
  .object({ proposalId: z.string(), votedByYou: z.boolean(), votesLeft: z.number().int() })
  .openapi("SessionVote");

const ScheduleInputSchema = z
  .object({
    rooms: z
      .array(z.string())
      .max(MAX_ROOMS)
      .openapi({ example: ["Main hall", "Library"] }),
    slots: z
      .array(z.string())
      .max(MAX_SLOTS)
      .openapi({ example: ["10:00–10:45", "11:00–11:45"] }),
    placements: z
      .array(
        z.object({
          proposalId: z.string().max(100),
          room: z.number().int().min(0),
          slot: z.number().int().min(0),
        }),
      )
      .max(MAX_ROOMS * MAX_SLOTS)
      .openapi({ description: "Every placed session; proposals left out are taken off the grid." }),
    published: z.boolean(),
    votesPerPerson: z
      .number()
      .int()
      .optional()
      .openapi({ description: `Votes each person may spend, 1 to ${MAX_VOTES}; unchanged when left out.` }),
  })
  .openapi("SessionScheduleInput");

const presentProposal = (p: BoardProposal) => ({
  id: p.id,
  title: p.title,
  description: p.description,
  voteCount: p.voteCount,
  votedByYou: p.mine,
  proposer:
    p.proposerId && p.proposerName && p.proposerHandle
      ? { id: p.proposerId, name: p.proposerName, handle: p.proposerHandle }
      : null,
  room: p.room,
  slot: p.slot,
  createdAt: p.createdAt.toISOString(),
});

const tags = ["Events"];
const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});
const onlyUnconferences = "Only unconferences have a session board: any other event answers 404.";

const getBoard = createRoute({
  method: "get",
  path: "/events/{id}/board",
  tags,
  summary: "An unconference's session board",
  description: `Proposed sessions by votes, your votes, the grid and whether the schedule is published. For anyone who can see the event. ${onlyUnconferences}`,
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: eventParams },
  responses: { 200: jsonResponse(BoardSchema, "The board."), ...problems(401, 403, 404) },
});

const postProposal = createRoute({
  method: "post",
  path: "/events/{id}/board/proposals",
  tags,
  summary: "Propose a session",
  description: `For people going and the organisers, until the event ends; up to 5 open proposals each. ${onlyUnconferences}`,
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: eventParams, body: json(ProposalInputSchema) },
  responses: {
    201: jsonResponse(ProposalSchema, "The proposal."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const deleteProposal = createRoute({
  method: "delete",
  path: "/events/{id}/board/proposals/{proposalId}",
  tags,
  summary: "Withdraw a proposed session",
  description: "For the person who proposed it and the organisers. Its votes are given back.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: proposalParams },
  responses: { 204: { description: "Withdrawn." }, ...problems(401, 403, 404) },
});

const voteRoute = (method: "put" | "delete") =>
  createRoute({
    method,
    path: "/events/{id}/board/proposals/{proposalId}/vote",
    tags,
    summary: method === "put" ? "Vote for a session" : "Take back a vote",
    description:
      method === "put"
        ? "One vote per session, `votesPerPerson` in all (422 `no_votes_left` beyond). For people going and the organisers. Repeating it changes nothing."
        : "Gives the vote back to spend elsewhere. Repeating it changes nothing.",
    security: requiresToken,
    middleware: [signedInFirst],
    request: { params: proposalParams },
    responses: {
      200: jsonResponse(VoteSchema, "Your vote on this session."),
      ...problems(401, 403, 404, 422),
    },
  });

const putSchedule = createRoute({
  method: "put",
  path: "/events/{id}/board/schedule",
  tags,
  summary: "Lay out and publish the schedule",
  description:
    "Replaces the rooms, slots and placements, and publishes or unpublishes the schedule. For the organisers. One session per cell and one cell per session (422 `cell_taken`); publishing needs at least one placed session.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: eventParams, body: json(ScheduleInputSchema) },
  responses: {
    200: jsonResponse(BoardSchema, "The board as saved."),
    ...problems(400, 401, 403, 404, 409, 415, 422),
  },
});

/** Problems of a checked list, named "rooms.2" rather than "2". */
const problemsAt = (error: z.ZodError, field: string) =>
  fieldProblemsOf(error, field).map((p) => (p.field === field ? p : { ...p, field: `${field}.${p.field}` }));

async function loadBoard(c: Context<AppEnv>, id: string) {
  const actor = requireApiPerson(c);
  const loaded = await loadEvent(c.get("db"), id);
  assertUnconference(loaded);
  authorize(actor, "event.view", eventTarget(loaded));
  const going = (await rsvpStatusOf(c.get("db"), loaded.event.id, actor.id)) === "going";
  return { actor, loaded, going };
}

async function presentBoard(c: Context<AppEnv>, loaded: LoadedEvent, viewerId: string) {
  const board = await boardOf(c.get("db"), loaded.event.id, viewerId);
  const { event } = loaded;
  return {
    eventId: event.id,
    votesPerPerson: event.votesPerPerson,
    votesLeft: Math.max(0, event.votesPerPerson - board.votesUsed),
    rooms: event.boardRooms,
    slots: event.boardSlots,
    schedulePublishedAt: iso(event.schedulePublishedAt),
    proposals: board.proposals.map(presentProposal),
  };
}

/** An unconference's session proposals, votes and schedule. */
export function sessionBoardApi() {
  const api = apiRouter();

  api.openapi(getBoard, async (c) => {
    const { actor, loaded } = await loadBoard(c, c.req.valid("param").id);
    return c.json(await presentBoard(c, loaded, actor.id), 200);
  });

  api.openapi(postProposal, async (c) => {
    const { actor, loaded, going } = await loadBoard(c, c.req.valid("param").id);
    authorize(actor, "session.propose", boardTarget(loaded, going));
    const parsed = proposalInput.safeParse(c.req.valid("json"));
    if (!parsed.success) throw validationFailed(fieldProblemsOf(parsed.error, "json"));
    const proposal = await proposeSession(c.get("db"), actor, loaded, going, parsed.data);
    const board = await boardOf(c.get("db"), loaded.event.id, actor.id);
    const row = board.proposals.find((p) => p.id === proposal.id);
    if (!row) throw notFound("session");
    return c.json(presentProposal(row), 201);
  });

  api.openapi(deleteProposal, async (c) => {
    const { id, proposalId } = c.req.valid("param");
    const { actor, loaded, going } = await loadBoard(c, id);
    const proposal = await findProposal(c.get("db"), loaded.event.id, proposalId);
    if (!proposal || proposal.withdrawnAt) throw notFound("session");
    await withdrawSession(c.get("db"), actor, loaded, going, proposal);
    return c.body(null, 204);
  });

  for (const method of ["put", "delete"] as const) {
    api.openapi(voteRoute(method), async (c) => {
      const { id, proposalId } = c.req.valid("param");
      const { actor, loaded, going } = await loadBoard(c, id);
      const { voted, votesLeft } = await setVote(
        c.get("db"),
        actor,
        loaded,
        going,
        proposalId,
        method === "put",
      );
      return c.json({ proposalId, votedByYou: voted, votesLeft }, 200);
    });
  }

  api.openapi(putSchedule, async (c) => {
    const { actor, loaded } = await loadBoard(c, c.req.valid("param").id);
    authorize(actor, "event.manage", eventTarget(loaded));
    const body = c.req.valid("json");
    const rooms = roomLabels.safeParse(body.rooms.map((r) => r.trim()));
    if (!rooms.success) throw validationFailed(problemsAt(rooms.error, "rooms"));
    const slots = slotLabels.safeParse(body.slots.map((s) => s.trim()));
    if (!slots.success) throw validationFailed(problemsAt(slots.error, "slots"));
    const votes = body.votesPerPerson === undefined ? undefined : votesEach.safeParse(body.votesPerPerson);
    if (votes && !votes.success) throw validationFailed(problemsAt(votes.error, "votesPerPerson"));
    await saveSchedule(c.get("db"), actor, loaded, {
      votesPerPerson: votes?.data,
      rooms: rooms.data,
      slots: slots.data,
      placements: body.placements,
      published: body.published,
    });
    const fresh = await loadEvent(c.get("db"), loaded.event.id);
    return c.json(await presentBoard(c, fresh, actor.id), 200);
  });

  return api;
}
