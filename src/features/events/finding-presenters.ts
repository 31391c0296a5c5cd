import { z } from "@hono/zod-openapi";
import type { ArchivedEvent, EventSummary } from "./finding-queries.js";
import { eventFormats, eventTypes } from "./tables.js";
import { toLocal } from "./zoned-time.js";

// Not registered by name: the event's own schema (presenters.ts) owns "EventHost".
const HostSchema = z.object({ slug: z.string(), name: z.string(), isHost: z.boolean() });

const local = (instant: Date, zone: string) => {
  const l = toLocal(instant, zone);
  return `${l.date}T${l.time}`;
};

/** An event as lists show it (the event itself, with its online link, is at GET /events/{id}). */
export const EventSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    type: z.enum(eventTypes),
    format: z.enum(eventFormats),
    status: z.enum(["scheduled", "cancelled"]),
    startsAt: z.string().openapi({ format: "date-time" }),
    endsAt: z.string().openapi({ format: "date-time" }),
    timeZone: z.string().openapi({ example: "Europe/London", description: "The zone it was planned in." }),
    localStart: z
      .string()
      .openapi({ description: "Wall-clock start in `timeZone`.", example: "2026-03-03T18:30" }),
    localEnd: z.string().openapi({ example: "2026-03-03T20:00" }),
    location: z.string(),
    capacity: z.number().int().nullable().openapi({ description: "Null: no limit." }),
    goingCount: z.number().int(),
    waitlistCount: z.number().int(),
    placesLeft: z.number().int().nullable().openapi({ description: "Null: no limit." }),
    hosts: z.array(HostSchema).openapi({ description: "The host first, then co-hosts." }),
    url: z.string().openapi({ description: "The event's page." }),
  })
  .openapi("EventSummary");

export const ArchivedEventSchema = EventSummarySchema.extend({
  outputs: z.object({
    notes: z
      .boolean()
      .openapi({ description: "Whether notes were written (read them at GET /events/{id})." }),
    recordingUrl: z.string().nullable(),
    recordingExpected: z.boolean().openapi({ description: "A recording is promised but not yet linked." }),
    slidesUrl: z.string().nullable(),
    topics: z.array(z.string()),
  }),
}).openapi("ArchivedEvent");

export function presentEventSummary(row: EventSummary) {
  return {
    id: row.id,
    title: row.title,
    type: row.type,
    format: row.format,
    status: row.status,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    localStart: local(row.startsAt, row.timeZone),
    localEnd: local(row.endsAt, row.timeZone),
    location: row.location,
    capacity: row.capacity,
    goingCount: row.goingCount,
    waitlistCount: row.waitlistCount,
    placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.goingCount),
    hosts: row.hosts.map((host) => ({ slug: host.slug, name: host.name, isHost: Boolean(host.isHost) })),
    url: `/events/${row.id}`,
  };
}

export function presentArchivedEvent(row: ArchivedEvent) {
  return {
    ...presentEventSummary(row),
    outputs: {
      notes: row.hasNotes,
      recordingUrl: row.recordingUrl || null,
      recordingExpected: row.recordingExpected && !row.recordingUrl,
      slidesUrl: row.slidesUrl || null,
      topics: row.topics,
    },
  };
}
