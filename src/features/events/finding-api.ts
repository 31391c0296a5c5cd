import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
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
import { validationFailed } from "../../platform/api/validation.js";
import { notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import {
  ArchivedEventSchema,
  EventSummarySchema,
  presentArchivedEvent,
  presentEventSummary,
} from "./finding-presenters.js";
import { archiveOf, communityEvents, isTimeKey, isUpcomingKey, upcomingEvents } from "./finding-queries.js";
import { eventFormats, eventTypes } from "./tables.js";
import { addDays, fromLocal } from "./zoned-time.js";
import "../communities/policy.js";

const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Give a date as YYYY-MM-DD")
  .refine((value) => {
    const time = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
  }, "Give a real date");

const listRoute = createRoute({
  method: "get",
  path: "/events",
  tags: ["Events"],
  summary: "Events you can see",
  description:
    "Events of the communities whose content you may read (staff-wide listed communities and your own), soonest first. Without `from`, only events that have not ended; `from` and `to` are dates in the organisation's time zone (`to` is inclusive). `scope=mine` keeps the events of your communities. Cancelled events are left out unless `includeCancelled=true`.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    query: z.object({
      community: z
        .string()
        .max(80)
        .optional()
        .openapi({ description: "A community's slug (host or co-host)." }),
      type: z.enum(eventTypes).optional(),
      format: z.enum(eventFormats).optional(),
      from: dateText.optional().openapi({ example: "2026-12-01" }),
      to: dateText.optional().openapi({ example: "2026-12-31" }),
      scope: z.enum(["mine", "all"]).default("all"),
      includeCancelled: z.enum(["true", "false"]).default("false"),
      ...paginationQuery,
    }),
  },
  responses: {
    200: jsonResponse(pageOf(EventSummarySchema, "EventSummaryPage"), "A page of events."),
    ...problems(401, 422),
  },
});

const communityRoute = createRoute({
  method: "get",
  path: "/communities/{slug}/events",
  tags: ["Events"],
  summary: "A community's events",
  description:
    "Events the community hosts or co-hosts. `when=upcoming` (the default): not ended, soonest first, cancelled ones included with `status`. `when=past`: ended, newest first, cancelled ones left out. Members-only communities answer 403 to non-members.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: {
    params: slugParam,
    query: z.object({ when: z.enum(["upcoming", "past"]).default("upcoming"), ...paginationQuery }),
  },
  responses: {
    200: jsonResponse(pageOf(EventSummarySchema, "CommunityEventPage"), "A page of events."),
    ...problems(401, 403, 404, 422),
  },
});

const archiveRoute = createRoute({
  method: "get",
  path: "/communities/{slug}/events/archive",
  tags: ["Events"],
  summary: "A community's archive of past events",
  description:
    "Past events (not cancelled), newest first, each with its outputs at a glance: whether notes were written, the recording (or that one is expected), slides and topics.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(ArchivedEventSchema, "ArchivedEventPage"), "A page of past events."),
    ...problems(401, 403, 404, 422),
  },
});

async function readableCommunity(c: Context<AppEnv>, slug: string) {
  const community = await findCommunityBySlug(c.get("db"), slug);
  if (!community) throw notFound("community");
  authorize(c.get("actor"), "community.viewContent", community);
  return community;
}

/** Listing events across communities and per community. */
export function eventFindingApi() {
  const api = apiRouter();

  api.openapi(listRoute, async (c) => {
    const actor = requireApiPerson(c);
    const query = c.req.valid("query");
    const zone = c.get("config").timeZone;
    if (query.from && query.to && query.to < query.from)
      throw validationFailed([{ field: "to", message: "The end date must be on or after the start date" }]);
    const page = await upcomingEvents(
      c.get("db"),
      actor,
      {
        communitySlug: query.community?.trim().toLowerCase() || undefined,
        type: query.type,
        format: query.format,
        includeCancelled: query.includeCancelled === "true",
      },
      {
        now: new Date(),
        cursor: readCursor(query.cursor, isUpcomingKey),
        limit: query.limit,
        mineFirst: false,
        onlyMine: query.scope === "mine",
        from: query.from ? fromLocal(query.from, "00:00", zone) : undefined,
        to: query.to ? fromLocal(addDays(query.to, 1), "00:00", zone) : undefined,
      },
    );
    return c.json(toApiPage(page, presentEventSummary), 200);
  });

  api.openapi(communityRoute, async (c) => {
    const actor = requireApiPerson(c);
    const community = await readableCommunity(c, c.req.valid("param").slug);
    const query = c.req.valid("query");
    const page = await communityEvents(c.get("db"), actor, community.id, {
      when: query.when,
      now: new Date(),
      cursor: readCursor(query.cursor, isTimeKey),
      limit: query.limit,
    });
    return c.json(toApiPage(page, presentEventSummary), 200);
  });

  api.openapi(archiveRoute, async (c) => {
    const actor = requireApiPerson(c);
    const community = await readableCommunity(c, c.req.valid("param").slug);
    const query = c.req.valid("query");
    const page = await archiveOf(c.get("db"), actor, community.id, {
      now: new Date(),
      cursor: readCursor(query.cursor, isTimeKey),
      limit: query.limit,
    });
    return c.json(toApiPage(page, presentArchivedEvent), 200);
  });

  return api;
}
