import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import { people } from "../people/tables.js";
import { eventRsvps, type RsvpStatus } from "./tables.js";

/** A person's answer to one event, with their place in the queue when waitlisted (1 = next). */
export interface MyRsvp {
  status: RsvpStatus;
  position: number | null;
  attended: boolean | null;
}

/** Waitlist position of `personId`: people waitlisted before them (by time, then id), plus one. */
const positionOf = (eventId: string) => sql<number>`(
  select count(*)::int + 1 from event_rsvps w
  where w.event_id = ${eventId} and w.status = 'waitlisted'
    and (w.waitlisted_at, w.person_id) < (${eventRsvps.waitlistedAt}, ${eventRsvps.personId})
)`;

/** The viewer's answer and waitlist position, in one query; null when they have not answered. */
export async function myRsvp(db: Db, eventId: string, personId: string): Promise<MyRsvp | null> {
  const [row] = await db
    .select({
      status: eventRsvps.status,
      attended: eventRsvps.attended,
      position: sql<
        number | null
      >`case when ${eventRsvps.status} = 'waitlisted' then ${positionOf(eventId)} end`,
    })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, personId)));
  if (!row) return null;
  return {
    status: row.status,
    attended: row.attended,
    position: row.position === null ? null : Number(row.position),
  };
}

/** Going and waitlisted counted from the rows (used under the event's lock to keep the counters exact). */
export async function countRsvps(db: Db, eventId: string): Promise<{ going: number; waitlisted: number }> {
  const [row] = await db
    .select({
      going: sql<number>`count(*) filter (where ${eventRsvps.status} = 'going')::int`,
      waitlisted: sql<number>`count(*) filter (where ${eventRsvps.status} = 'waitlisted')::int`,
    })
    .from(eventRsvps)
    .where(eq(eventRsvps.eventId, eventId));
  return { going: Number(row?.going ?? 0), waitlisted: Number(row?.waitlisted ?? 0) };
}

export interface Attendee {
  personId: string;
  handle: string;
  name: string;
  status: RsvpStatus;
  waitlistedAt: Date | null;
  respondedAt: Date;
  attended: boolean | null;
}

const attendeeColumns = {
  personId: eventRsvps.personId,
  handle: people.handle,
  name: people.name,
  status: eventRsvps.status,
  waitlistedAt: eventRsvps.waitlistedAt,
  respondedAt: eventRsvps.respondedAt,
  attended: eventRsvps.attended,
};

/**
 * Everyone who answered, for the organisers' page: going (by name), the waitlist (in queue
 * order), then not going (by name). Bounded by `limit` per event; events rarely approach it.
 */
export async function attendeeList(db: Db, eventId: string, limit = 2000) {
  const rows = await db
    .select(attendeeColumns)
    .from(eventRsvps)
    .innerJoin(people, eq(people.id, eventRsvps.personId))
    .where(eq(eventRsvps.eventId, eventId))
    .orderBy(asc(eventRsvps.waitlistedAt), asc(eventRsvps.personId))
    .limit(limit);
  const byName = (a: Attendee, b: Attendee) => a.name.localeCompare(b.name, "en-GB");
  return {
    going: rows.filter((r) => r.status === "going").sort(byName),
    waitlisted: rows.filter((r) => r.status === "waitlisted"),
    declined: rows.filter((r) => r.status === "declined").sort(byName),
    truncated: rows.length === limit,
  };
}

/** The order of the API's attendee pages: going, then the waitlist, then not going. */
const rank = sql<number>`case ${eventRsvps.status} when 'going' then 0 when 'waitlisted' then 1 else 2 end`;
const sortAt = sql<Date>`coalesce(${eventRsvps.waitlistedAt}, ${eventRsvps.respondedAt})`;

/** The API's cursor key: "<rank>|<ISO time>". */
export const isAttendeeKey = (key: string | number) =>
  typeof key === "string" && /^[0-2]\|/.test(key) && !Number.isNaN(new Date(key.slice(2)).getTime());

/** A keyset page of attendees (the API), ordered by status, then answer or queue time, then id. */
export async function attendeePage(
  db: Db,
  eventId: string,
  cursor: Cursor | null,
  limit = 20,
): Promise<Page<Attendee>> {
  const conditions: SQL[] = [eq(eventRsvps.eventId, eventId)];
  if (cursor && typeof cursor.key === "string") {
    const r = Number(cursor.key.slice(0, 1));
    const at = new Date(cursor.key.slice(2)).toISOString();
    conditions.push(
      cursor.direction === "after"
        ? sql`(${rank}, ${sortAt}, ${eventRsvps.personId}) > (${r}::int, ${at}::timestamptz, ${cursor.id})`
        : sql`(${rank}, ${sortAt}, ${eventRsvps.personId}) < (${r}::int, ${at}::timestamptz, ${cursor.id})`,
    );
  }
  const back = cursor?.direction === "before";
  const rows = await db
    .select({ ...attendeeColumns, rank, sortAt })
    .from(eventRsvps)
    .innerJoin(people, eq(people.id, eventRsvps.personId))
    .where(and(...conditions))
    .orderBy(
      back ? sql`${rank} desc` : sql`${rank} asc`,
      back ? sql`${sortAt} desc` : sql`${sortAt} asc`,
      back ? sql`${eventRsvps.personId} desc` : sql`${eventRsvps.personId} asc`,
    )
    .limit(limit + 1);
  const page = toPage(rows, {
    limit,
    cursor,
    keyOf: (row) => ({ key: `${row.rank}|${new Date(row.sortAt).toISOString()}`, id: row.personId }),
  });
  return { ...page, items: page.items.map(({ rank: _r, sortAt: _s, ...attendee }) => attendee) };
}

/** People by handle (for "add someone who came without answering"), by lower-cased handle. */
export async function peopleByHandle(db: Db, handles: string[]) {
  if (handles.length === 0) return new Map<string, { id: string; name: string }>();
  const rows = await db
    .select({ id: people.id, handle: people.handle, name: people.name })
    .from(people)
    .where(
      inArray(
        sql`lower(${people.handle})`,
        handles.map((h) => h.toLowerCase()),
      ),
    );
  return new Map(rows.map((r) => [r.handle.toLowerCase(), { id: r.id, name: r.name }]));
}

/** The ids of these people that exist. */
export async function existingPeople(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, ids));
  return new Set(rows.map((r) => r.id));
}
