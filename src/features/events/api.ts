import { createRoute, z } from "@hono/zod-openapi";
import { inArray } from "drizzle-orm";
import type { Context } from "hono";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import { jsonResponse, problems, requiresToken } from "../../platform/api/schemas.js";
import { fieldProblemsOf, validationFailed } from "../../platform/api/validation.js";
import { notFound } from "../../platform/errors.js";
import type { AppEnv } from "../../platform/http/context.js";
import { authorize, can } from "../../platform/policy.js";
import { slugParam } from "../communities/api.js";
import { findCommunityBySlug } from "../communities/queries.js";
import { communities } from "../communities/tables.js";
import { editScopes, eventEditInput, eventInput } from "./inputs.js";
import { eventTarget, type LoadedEvent, loadEvent } from "./load.js";
import { EventSchema, OccurrenceSchema, presentEvent, presentOccurrence } from "./presenters.js";
import { peopleByIds, rsvpStatusOf, seriesOccurrences } from "./queries.js";
import { cancelEvent, createEvent, updateEvent } from "./service.js";
import { eventFormats, eventTypes } from "./tables.js";
import { toLocal } from "./zoned-time.js";
import "./policy.js";

const idParam = z.object({
  id: z
    .string()
    .max(64)
    .openapi({ param: { name: "id", in: "path" }, example: "0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b" }),
});

const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

// Bodies are checked loosely here and then by the same rules as the form (inputs.ts), so both
// answer with the same messages.
const fields = {
  type: z.enum(eventTypes),
  title: z.string().max(1000),
  description: z.string().max(40_000).optional(),
  date: z.string().max(20).openapi({ example: "2026-03-03", description: "Local date in `timeZone`." }),
  startTime: z.string().max(10).openapi({ example: "18:30" }),
  endTime: z
    .string()
    .max(10)
    .openapi({ example: "20:00", description: "Earlier than `startTime`: the next day." }),
  timeZone: z
    .string()
    .max(64)
    .optional()
    .openapi({ example: "Europe/London", description: "Default Europe/London." }),
  format: z.enum(eventFormats),
  location: z.string().max(1000).optional(),
  onlineLink: z.string().max(1000).optional().openapi({ description: "https only." }),
  capacity: z.number().int().nullable().optional().openapi({ description: "Null or absent: no limit." }),
  accessibility: z.string().max(4000).optional(),
  coHosts: z
    .array(z.string().max(100))
    .max(20)
    .optional()
    .openapi({ description: "Slugs of co-hosting communities you convene or are core in." }),
  organisers: z
    .array(z.string().max(64))
    .max(20)
    .optional()
    .openapi({ description: "Handles of co-organisers." }),
};

const EventCreateSchema = z
  .object({
    ...fields,
    repeat: z
      .object({
        frequency: z.enum([
          "weekly",
          "fortnightly",
          "monthly_date",
          "monthly_weekday",
          "monthly_last_weekday",
        ]),
        count: z.number().int().openapi({ description: "2 to 24 occurrences, the first included." }),
      })
      .optional()
      .openapi({
        description: "Makes a series. Monthly on a weekday follows the date's position (first Tuesday).",
      }),
  })
  .openapi("EventInput");

const EventPatchSchema = z
  .object({
    type: fields.type.optional(),
    title: fields.title.optional(),
    description: fields.description,
    date: fields.date.optional(),
    startTime: fields.startTime.optional(),
    endTime: fields.endTime.optional(),
    timeZone: fields.timeZone,
    format: fields.format.optional(),
    location: fields.location,
    onlineLink: fields.onlineLink,
    capacity: fields.capacity,
    accessibility: fields.accessibility,
    coHosts: fields.coHosts,
    organisers: fields.organisers,
    scope: z.enum(editScopes).default("this").openapi({
      description:
        "`following`: copy the changed fields to the later occurrences of the series (each keeps its date).",
    }),
  })
  .openapi("EventPatch");

const CancelSchema = z
  .object({
    reason: z.string().max(1000).optional(),
    scope: z.enum(editScopes).default("this"),
  })
  .openapi("EventCancel");

const CreatedSchema = z
  .object({ event: EventSchema, occurrences: z.array(OccurrenceSchema) })
  .openapi("CreatedEvents");

const createRoute_ = createRoute({
  method: "post",
  path: "/communities/{slug}/events",
  tags: ["Events"],
  summary: "Plan an event or a series",
  description:
    "For convenors and core members of the community and the programme team. With `repeat`, one event per occurrence is created; all are returned.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: slugParam, body: json(EventCreateSchema) },
  responses: {
    201: jsonResponse(CreatedSchema, "The new event(s)."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const getRoute = createRoute({
  method: "get",
  path: "/events/{id}",
  tags: ["Events"],
  summary: "An event",
  description:
    "Readable by anyone who can read a hosting community's content. `onlineLink` only for organisers and people going.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: { 200: jsonResponse(EventSchema, "The event."), ...problems(401, 403, 404) },
});

const patchRoute = createRoute({
  method: "patch",
  path: "/events/{id}",
  tags: ["Events"],
  summary: "Change an event",
  description:
    "Organisers only. Fields left out keep their value. People going are told of a new time, place or link; `sequence` goes up for calendars.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, body: json(EventPatchSchema) },
  responses: {
    200: jsonResponse(EventSchema, "The changed event."),
    ...problems(400, 401, 403, 404, 409, 415, 422),
  },
});

const cancelRoute = createRoute({
  method: "post",
  path: "/events/{id}/cancel",
  tags: ["Events"],
  summary: "Cancel an event",
  description:
    "Organisers only. People going or waiting are told. `scope: following` also cancels the later occurrences of the series. The event stays, marked cancelled.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam, body: json(CancelSchema) },
  responses: {
    200: jsonResponse(EventSchema, "The cancelled event."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const occurrencesRoute = createRoute({
  method: "get",
  path: "/events/{id}/occurrences",
  tags: ["Events"],
  summary: "Every occurrence of the event's series",
  description: "In order (at most 24). A single event lists itself.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: idParam },
  responses: {
    200: jsonResponse(
      z.object({ data: z.array(OccurrenceSchema) }).openapi("EventOccurrenceList"),
      "The occurrences.",
    ),
    ...problems(401, 403, 404),
  },
});

/** Slugs to community ids; an unknown slug is a 422 on `coHosts`. */
async function idsOfSlugs(c: Context<AppEnv>, slugs: string[] | undefined) {
  if (!slugs?.length) return [];
  const rows = await c
    .get("db")
    .select({ id: communities.id, slug: communities.slug })
    .from(communities)
    .where(inArray(communities.slug, slugs));
  const missing = slugs.filter((s) => !rows.some((r) => r.slug === s));
  if (missing.length)
    throw validationFailed([{ field: "coHosts", message: `No community is called ${missing.join(", ")}` }]);
  return rows.map((r) => r.id);
}

async function present(c: Context<AppEnv>, loaded: LoadedEvent) {
  const actor = c.get("actor");
  const going =
    actor.kind === "person" && (await rsvpStatusOf(c.get("db"), loaded.event.id, actor.id)) === "going";
  const showLink = going || can(actor, "event.manage", eventTarget(loaded));
  return presentEvent(loaded, { showLink, organisers: await peopleByIds(c.get("db"), loaded.organiserIds) });
}

async function visibleEvent(c: Context<AppEnv>, id: string) {
  const loaded = await loadEvent(c.get("db"), id);
  authorize(c.get("actor"), "event.view", eventTarget(loaded));
  return loaded;
}

/** Events and series: create, read, edit, cancel. */
export function eventApi() {
  const api = apiRouter();

  api.openapi(createRoute_, async (c) => {
    const actor = requireApiPerson(c);
    const community = await findCommunityBySlug(c.get("db"), c.req.valid("param").slug);
    if (!community) throw notFound("community");
    authorize(actor, "event.create", community);
    const body = c.req.valid("json");
    const parsed = eventInput.safeParse({
      ...body,
      coHosts: await idsOfSlugs(c, body.coHosts),
      organisers: (body.organisers ?? []).join(","),
      repeat: body.repeat?.frequency ?? "none",
      occurrences: body.repeat?.count,
    });
    if (!parsed.success) throw validationFailed(fieldProblemsOf(parsed.error, "body"));
    const created = await createEvent(c.get("db"), actor, community, parsed.data);
    const loaded = await loadEvent(c.get("db"), created.event.id);
    return c.json(
      {
        event: await present(c, loaded),
        occurrences: created.occurrences.map((o) => presentOccurrence(o)),
      },
      201,
    );
  });

  api.openapi(getRoute, async (c) => {
    requireApiPerson(c);
    const loaded = await visibleEvent(c, c.req.valid("param").id);
    return c.json(await present(c, loaded), 200);
  });

  api.openapi(patchRoute, async (c) => {
    const actor = requireApiPerson(c);
    const loaded = await visibleEvent(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    const e = loaded.event;
    const start = toLocal(e.startsAt, e.timeZone);
    const end = toLocal(e.endsAt, e.timeZone);
    const organisers =
      body.organisers ?? (await peopleByIds(c.get("db"), loaded.organiserIds)).map((p) => p.handle);
    const parsed = eventEditInput.safeParse({
      type: body.type ?? e.type,
      title: body.title ?? e.title,
      description: body.description ?? e.description,
      date: body.date ?? start.date,
      startTime: body.startTime ?? start.time,
      endTime: body.endTime ?? end.time,
      timeZone: body.timeZone ?? e.timeZone,
      format: body.format ?? e.format,
      location: body.location ?? e.location,
      onlineLink: body.onlineLink ?? e.onlineLink,
      capacity: body.capacity === undefined ? e.capacity : body.capacity,
      accessibility: body.accessibility ?? e.accessibility,
      coHosts: body.coHosts ? await idsOfSlugs(c, body.coHosts) : loaded.hosts.slice(1).map((h) => h.id),
      organisers: organisers.join(","),
      scope: body.scope,
    });
    if (!parsed.success) throw validationFailed(fieldProblemsOf(parsed.error, "body"));
    await updateEvent(c.get("db"), actor, loaded, parsed.data);
    return c.json(await present(c, await loadEvent(c.get("db"), e.id)), 200);
  });

  api.openapi(cancelRoute, async (c) => {
    const actor = requireApiPerson(c);
    const loaded = await visibleEvent(c, c.req.valid("param").id);
    const body = c.req.valid("json");
    await cancelEvent(c.get("db"), actor, loaded, { reason: (body.reason ?? "").trim(), scope: body.scope });
    return c.json(await present(c, await loadEvent(c.get("db"), loaded.event.id)), 200);
  });

  api.openapi(occurrencesRoute, async (c) => {
    requireApiPerson(c);
    const loaded = await visibleEvent(c, c.req.valid("param").id);
    const e = loaded.event;
    const rows = e.seriesId
      ? await seriesOccurrences(c.get("db"), e.seriesId)
      : [
          {
            id: e.id,
            title: e.title,
            seriesIndex: e.seriesIndex,
            startsAt: e.startsAt,
            endsAt: e.endsAt,
            timeZone: e.timeZone,
            status: e.status,
          },
        ];
    return c.json({ data: rows.map(presentOccurrence) }, 200);
  });

  return api;
}
