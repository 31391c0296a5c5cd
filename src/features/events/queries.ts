import { and, asc, desc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Actor, activeRoleIn, isProgrammeTeam } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";
import { eventRsvps, events } from "./tables.js";

const targetColumns = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  visibility: communities.visibility,
  joinPolicy: communities.joinPolicy,
  status: communities.status,
  contentAccess: communities.contentAccess,
};

/** Communities by id, as the policy sees them. */
export async function communityTargets(db: Db, ids: string[]): Promise<CommunityTarget[]> {
  if (ids.length === 0) return [];
  return db.select(targetColumns).from(communities).where(inArray(communities.id, ids));
}

/**
 * Communities the actor may add as co-hosts: those they convene or are core in; the programme team
 * may pick any open community. `keep` (already chosen) stay listed so an edit can show them.
 */
export async function coHostChoices(db: Db, actor: Actor, hostId: string, keep: string[] = []) {
  if (actor.kind !== "person") return [];
  const rows = await db
    .select({ id: communities.id, name: communities.name, status: communities.status })
    .from(communities)
    .where(ne(communities.id, hostId))
    .orderBy(asc(communities.name));
  return rows.filter((c) => {
    if (keep.includes(c.id)) return true;
    if (c.status === "closed") return false;
    if (isProgrammeTeam(actor)) return true;
    const role = activeRoleIn(actor, c.id);
    return role === "convenor" || role === "core";
  });
}

/** Named co-organisers, by name. */
export async function peopleByIds(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: people.id, handle: people.handle, name: people.name })
    .from(people)
    .where(inArray(people.id, [...ids]))
    .orderBy(asc(people.name));
}

const occurrenceColumns = {
  id: events.id,
  title: events.title,
  seriesIndex: events.seriesIndex,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  status: events.status,
};
export type OccurrenceRow = {
  id: string;
  title: string;
  seriesIndex: number | null;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: "scheduled" | "cancelled";
};

/** The few occurrences before and after `index` in a series, in order. */
export async function nearbyOccurrences(db: Db, seriesId: string, index: number, each = 3) {
  const [before, after] = await Promise.all([
    db
      .select(occurrenceColumns)
      .from(events)
      .where(and(eq(events.seriesId, seriesId), lt(events.seriesIndex, index)))
      .orderBy(desc(events.seriesIndex))
      .limit(each),
    db
      .select(occurrenceColumns)
      .from(events)
      .where(and(eq(events.seriesId, seriesId), gt(events.seriesIndex, index)))
      .orderBy(asc(events.seriesIndex))
      .limit(each),
  ]);
  return { before: before.reverse() as OccurrenceRow[], after: after as OccurrenceRow[] };
}

/** Every occurrence of a series in order (a series has at most 24). */
export async function seriesOccurrences(db: Db, seriesId: string): Promise<OccurrenceRow[]> {
  return db
    .select(occurrenceColumns)
    .from(events)
    .where(eq(events.seriesId, seriesId))
    .orderBy(asc(events.seriesIndex));
}

/** The viewer's answer to an event, or null. */
export async function rsvpStatusOf(db: Db, eventId: string, personId: string) {
  const [row] = await db
    .select({ status: eventRsvps.status })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, personId)));
  return row?.status ?? null;
}
