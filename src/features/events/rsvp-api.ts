import { createRoute, z } from "@hono/zod-openapi";
import { requireApiPerson, signedInFirst } from "../../platform/api/actor.js";
import { apiRouter } from "../../platform/api/router.js";
import {
  iso,
  jsonResponse,
  pageOf,
  paginationQuery,
  problems,
  readCursor,
  requiresToken,
  toApiPage,
} from "../../platform/api/schemas.js";
import { authorize } from "../../platform/policy.js";
import { eventTarget, loadEvent } from "./load.js";
import { type Attendee, attendeePage, isAttendeeKey } from "./rsvp-queries.js";
import { recordAttendance, respond } from "./rsvp-service.js";
import type { RsvpStatus } from "./tables.js";
import "./policy.js";

const tags = ["Events"];
const json = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

const eventParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" }, description: "The event's id." }),
});

const statusEnum = z
  .enum(["going", "waitlisted", "not_going"])
  .openapi({ description: "going, waitlisted (the event was full) or not_going." });
const present = (status: RsvpStatus): "going" | "waitlisted" | "not_going" =>
  status === "declined" ? "not_going" : status;

const RsvpBody = z
  .object({ status: z.enum(["going", "not_going"], { message: "Send going or not_going" }) })
  .openapi("RsvpInput");

const RsvpSchema = z
  .object({
    eventId: z.string(),
    status: statusEnum,
    waitlistPosition: z
      .number()
      .int()
      .nullable()
      .openapi({ description: "Your place in the waitlist (1 = next) when waitlisted." }),
    goingCount: z.number().int(),
    waitlistCount: z.number().int(),
    placesLeft: z.number().int().nullable().openapi({ description: "Null when places are not limited." }),
  })
  .openapi("Rsvp");

const AttendeeSchema = z
  .object({
    person: z.object({ id: z.string(), handle: z.string(), name: z.string() }),
    status: statusEnum,
    respondedAt: z.string().openapi({ format: "date-time" }),
    waitlistedAt: z.string().nullable().openapi({ format: "date-time" }),
    attended: z.boolean().nullable().openapi({ description: "Null until the organisers record attendance." }),
  })
  .openapi("Attendee");

const AttendanceBody = z
  .object({
    attended: z.array(z.string().min(1).max(100)).max(5000, "Send at most 5,000 people").openapi({
      description: "Ids of everyone who came; people going who are left out are recorded as absent.",
    }),
  })
  .openapi("AttendanceInput");

const AttendanceSchema = z
  .object({
    eventId: z.string(),
    attended: z.number().int(),
    attendanceRecordedAt: z.string().openapi({ format: "date-time" }),
  })
  .openapi("Attendance");

const putRsvp = createRoute({
  method: "put",
  path: "/events/{id}/rsvp",
  tags,
  summary: "Say whether you are going to an event",
  description:
    "`going` takes a place if one is left (or places are not limited); at capacity you join the waitlist and the answer says your position. `not_going` gives up a place (the first person waiting gets it and is told) or leaves the waitlist. Refused (403) for cancelled or past events, and members-only events you cannot see.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: eventParam, body: json(RsvpBody) },
  responses: {
    200: jsonResponse(RsvpSchema, "Your answer now."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const listAttendees = createRoute({
  method: "get",
  path: "/events/{id}/attendees",
  tags,
  summary: "Who is going, waiting and not going",
  description:
    "For the event's organisers. People going first, then the waitlist in queue order, then people not going.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: eventParam, query: z.object(paginationQuery) },
  responses: {
    200: jsonResponse(pageOf(AttendeeSchema, "AttendeePage"), "A page of attendees."),
    ...problems(401, 403, 404, 422),
  },
});

const putAttendance = createRoute({
  method: "put",
  path: "/events/{id}/attendance",
  tags,
  summary: "Record who came to an event",
  description:
    "For the event's organisers, once it has started. Replaces the register: people going who are not listed are recorded as absent; people listed who had not said they were going are added as going.",
  security: requiresToken,
  middleware: [signedInFirst],
  request: { params: eventParam, body: json(AttendanceBody) },
  responses: {
    200: jsonResponse(AttendanceSchema, "The attendance recorded."),
    ...problems(400, 401, 403, 404, 415, 422),
  },
});

const presentAttendee = (a: Attendee) => ({
  person: { id: a.personId, handle: a.handle, name: a.name },
  status: present(a.status),
  respondedAt: a.respondedAt.toISOString(),
  waitlistedAt: iso(a.waitlistedAt),
  attended: a.attended,
});

/** RSVPs, the waitlist, attendees and attendance. */
export function rsvpApi() {
  const api = apiRouter();

  api.openapi(putRsvp, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const loaded = await loadEvent(db, c.req.valid("param").id);
    const outcome = await respond(db, actor, loaded, c.req.valid("json").status);
    const capacity = loaded.event.capacity;
    return c.json(
      {
        eventId: loaded.event.id,
        status: present(outcome.status),
        waitlistPosition: outcome.position,
        goingCount: outcome.goingCount,
        waitlistCount: outcome.waitlistCount,
        placesLeft: capacity === null ? null : Math.max(0, capacity - outcome.goingCount),
      },
      200,
    );
  });

  api.openapi(listAttendees, async (c) => {
    const db = c.get("db");
    const loaded = await loadEvent(db, c.req.valid("param").id);
    authorize(c.get("actor"), "event.manage", eventTarget(loaded));
    const query = c.req.valid("query");
    const page = await attendeePage(
      db,
      loaded.event.id,
      readCursor(query.cursor, isAttendeeKey),
      query.limit,
    );
    return c.json(toApiPage(page, presentAttendee), 200);
  });

  api.openapi(putAttendance, async (c) => {
    const actor = requireApiPerson(c);
    const db = c.get("db");
    const loaded = await loadEvent(db, c.req.valid("param").id);
    const outcome = await recordAttendance(db, actor, loaded, { attended: c.req.valid("json").attended });
    return c.json(
      {
        eventId: loaded.event.id,
        attended: outcome.attended,
        attendanceRecordedAt: outcome.recordedAt.toISOString(),
      },
      200,
    );
  });

  return api;
}
