import { z } from "@hono/zod-openapi";
import { iso } from "../../platform/api/schemas.js";
import type { LoadedEvent } from "./load.js";
import type { OccurrenceRow } from "./queries.js";
import { eventFormats, eventTypes } from "./tables.js";
import { toLocal } from "./zoned-time.js";

const HostSchema = z
  .object({ slug: z.string(), name: z.string(), isHost: z.boolean() })
  .openapi("EventHost", { description: "A hosting community; the first is the host, the rest co-host." });

const PersonRefSchema = z.object({ handle: z.string(), name: z.string() }).openapi("EventPersonRef");

export const EventSchema = z
  .object({
    id: z.string(),
    url: z.string().openapi({ description: "The event's page." }),
    type: z.enum(eventTypes),
    title: z.string(),
    description: z.string().openapi({ description: "Markdown." }),
    status: z.enum(["scheduled", "cancelled"]),
    cancelledAt: z.string().nullable(),
    cancelReason: z.string(),
    startsAt: z.string().openapi({ description: "ISO 8601 instant (UTC)." }),
    endsAt: z.string(),
    timeZone: z.string().openapi({ example: "Europe/London" }),
    localStart: z
      .string()
      .openapi({ description: "Wall-clock start in `timeZone`.", example: "2026-03-03T18:30" }),
    localEnd: z.string().openapi({ example: "2026-03-03T20:00" }),
    format: z.enum(eventFormats),
    location: z.string(),
    onlineLink: z
      .string()
      .nullable()
      .openapi({ description: "Only for organisers and people going; null for everyone else." }),
    capacity: z.number().int().nullable().openapi({ description: "Null: no limit." }),
    goingCount: z.number().int(),
    waitlistCount: z.number().int(),
    placesLeft: z.number().int().nullable(),
    accessibility: z.string(),
    hosts: z.array(HostSchema),
    organisers: z.array(PersonRefSchema).openapi({ description: "Named co-organisers." }),
    seriesId: z.string().nullable(),
    seriesIndex: z.number().int().nullable(),
    sequence: z.number().int().openapi({ description: "Bumped by every change a calendar should pick up." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Event");
export type EventJson = z.infer<typeof EventSchema>;

const local = (instant: Date, zone: string) => {
  const l = toLocal(instant, zone);
  return `${l.date}T${l.time}`;
};

export function presentEvent(
  loaded: LoadedEvent,
  options: { showLink: boolean; organisers?: { handle: string; name: string }[] },
): EventJson {
  const e = loaded.event;
  return {
    id: e.id,
    url: `/events/${e.id}`,
    type: e.type,
    title: e.title,
    description: e.description,
    status: e.status,
    cancelledAt: iso(e.cancelledAt),
    cancelReason: e.cancelReason,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    localStart: local(e.startsAt, e.timeZone),
    localEnd: local(e.endsAt, e.timeZone),
    format: e.format,
    location: e.location,
    onlineLink: options.showLink ? e.onlineLink : null,
    capacity: e.capacity,
    goingCount: e.goingCount,
    waitlistCount: e.waitlistCount,
    placesLeft: e.capacity === null ? null : Math.max(0, e.capacity - e.goingCount),
    accessibility: e.accessibility,
    hosts: loaded.hosts.map((h, i) => ({ slug: h.slug, name: h.name, isHost: i === 0 })),
    organisers: (options.organisers ?? []).map((p) => ({ handle: p.handle, name: p.name })),
    seriesId: e.seriesId,
    seriesIndex: e.seriesIndex,
    sequence: e.sequence,
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

export const OccurrenceSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    seriesIndex: z.number().int().nullable(),
    status: z.enum(["scheduled", "cancelled"]),
    startsAt: z.string(),
    endsAt: z.string(),
    timeZone: z.string(),
    localStart: z.string(),
    localEnd: z.string(),
  })
  .openapi("EventOccurrence");

export function presentOccurrence(o: OccurrenceRow): z.infer<typeof OccurrenceSchema> {
  return {
    id: o.id,
    url: `/events/${o.id}`,
    title: o.title,
    seriesIndex: o.seriesIndex,
    status: o.status,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    timeZone: o.timeZone,
    localStart: local(o.startsAt, o.timeZone),
    localEnd: local(o.endsAt, o.timeZone),
  };
}
