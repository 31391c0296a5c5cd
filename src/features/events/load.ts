import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { notFound } from "../../platform/errors.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import type { EventTarget } from "./policy.js";
import { eventHosts, events } from "./tables.js";

export type EventRow = typeof events.$inferSelect;

/** An event with what its rules need: the host communities (host first) and the named co-organisers. */
export interface LoadedEvent {
  event: EventRow;
  hosts: CommunityTarget[];
  organiserIds: string[];
}

const communityTargetColumns = {
  id: communities.id,
  slug: communities.slug,
  name: communities.name,
  visibility: communities.visibility,
  joinPolicy: communities.joinPolicy,
  status: communities.status,
  contentAccess: communities.contentAccess,
};

/** One event by id in two queries (the event with its organisers; its hosts), or null. */
export async function findEvent(db: Db, eventId: string): Promise<LoadedEvent | null> {
  const [row] = await db
    .select({
      event: events,
      organiserIds: sql<
        string[]
      >`coalesce((select array_agg(o.person_id) from event_organisers o where o.event_id = ${events.id}), '{}')`,
    })
    .from(events)
    .where(eq(events.id, eventId));
  if (!row) return null;
  const hosts = await db
    .select({ ...communityTargetColumns, isHost: eventHosts.isHost })
    .from(eventHosts)
    .innerJoin(communities, eq(communities.id, eventHosts.communityId))
    .where(eq(eventHosts.eventId, eventId))
    .orderBy(sql`${eventHosts.isHost} desc`, asc(communities.name));
  return {
    event: row.event,
    organiserIds: row.organiserIds,
    hosts: hosts.map(({ isHost: _, ...host }) => host),
  };
}

/** Like findEvent, or a 404 the page and API show as "event not found". */
export async function loadEvent(db: Db, eventId: string): Promise<LoadedEvent> {
  const loaded = await findEvent(db, eventId);
  if (!loaded) throw notFound("event");
  return loaded;
}

/** The policy's view of an event at `now`. */
export function eventTarget(loaded: LoadedEvent, now = new Date()): EventTarget {
  return {
    hosts: loaded.hosts,
    organiserIds: loaded.organiserIds,
    cancelled: loaded.event.status === "cancelled",
    ended: loaded.event.endsAt.getTime() <= now.getTime(),
  };
}
