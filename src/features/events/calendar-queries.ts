import { and, asc, desc, eq, gte, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import type { EventRow } from "./load.js";
import { calendarFeeds, eventHosts, eventRsvps, events, type RsvpStatus } from "./tables.js";

export type FeedScope = "going" | "communities" | "community";

export interface FeedListItem {
  id: string;
  scope: FeedScope;
  communityId: string | null;
  communityName: string | null;
  communitySlug: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

const feedColumns = {
  id: calendarFeeds.id,
  personId: calendarFeeds.personId,
  scope: calendarFeeds.scope,
  communityId: calendarFeeds.communityId,
  communityName: communities.name,
  communitySlug: communities.slug,
  createdAt: calendarFeeds.createdAt,
  lastUsedAt: calendarFeeds.lastUsedAt,
};

/** A person's feeds that still work, newest first (never their hashes). */
export async function listFeeds(db: Db, personId: string): Promise<FeedListItem[]> {
  return db
    .select(feedColumns)
    .from(calendarFeeds)
    .leftJoin(communities, eq(communities.id, calendarFeeds.communityId))
    .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt), desc(calendarFeeds.id));
}

/** A feed that has not been revoked, by id. */
export async function findActiveFeed(db: Db, id: string) {
  const rows = await db
    .select(feedColumns)
    .from(calendarFeeds)
    .leftJoin(communities, eq(communities.id, calendarFeeds.communityId))
    .where(and(eq(calendarFeeds.id, id), isNull(calendarFeeds.revokedAt)));
  return rows[0] ?? null;
}

export type ActiveFeed = NonNullable<Awaited<ReturnType<typeof findActiveFeed>>>;

/** The feed URL's lookup: one probe of the unique index on token_hash. */
export async function findActiveFeedByHash(db: Db, tokenHash: string) {
  const rows = await db
    .select(feedColumns)
    .from(calendarFeeds)
    .leftJoin(communities, eq(communities.id, calendarFeeds.communityId))
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)));
  return rows[0] ?? null;
}

export async function countActiveFeeds(db: Db, personId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.personId, personId), isNull(calendarFeeds.revokedAt)));
  return row?.n ?? 0;
}

/** An event for a calendar, with what the policy needs and the viewer's answer. */
export interface CalendarEventRow {
  event: EventRow;
  hosts: CommunityTarget[];
  organiserIds: string[];
  rsvp: RsvpStatus | null;
}

export type FeedSelection =
  | { kind: "going"; personId: string }
  | { kind: "communities"; personId: string; communityIds: string[] }
  | { kind: "community"; personId: string; communityId: string };

/** How many events one feed carries at most: enough for years of a busy community. */
export const FEED_EVENT_LIMIT = 1000;

/**
 * The events a feed may carry, starting from `since` on, in start order, in one query. Permissions are not
 * applied here: the caller checks `event.view` for each row with the owner's current roles.
 */
export async function feedEvents(
  db: Db,
  selection: FeedSelection,
  since: Date,
  limit = FEED_EVENT_LIMIT,
): Promise<CalendarEventRow[]> {
  let scope: SQL | undefined;
  if (selection.kind === "going") {
    // Driven by the person's RSVPs (indexed by person and status), not by every event.
    scope = inArray(
      events.id,
      db
        .select({ id: eventRsvps.eventId })
        .from(eventRsvps)
        .where(
          and(
            eq(eventRsvps.personId, selection.personId),
            inArray(eventRsvps.status, ["going", "waitlisted"]),
          ),
        ),
    );
  } else {
    const ids = selection.kind === "community" ? [selection.communityId] : selection.communityIds;
    if (ids.length === 0) return [];
    scope = inArray(
      events.id,
      db.select({ id: eventHosts.eventId }).from(eventHosts).where(inArray(eventHosts.communityId, ids)),
    );
  }
  const rows = await db
    .select({
      event: events,
      hosts: sql<CommunityTarget[]>`(
        select json_agg(json_build_object('id', c.id, 'slug', c.slug, 'name', c.name,
          'visibility', c.visibility, 'joinPolicy', c.join_policy, 'status', c.status,
          'contentAccess', c.content_access) order by h.is_host desc, c.name)
        from event_hosts h join communities c on c.id = h.community_id where h.event_id = "events"."id")`,
      organiserIds: sql<
        string[]
      >`coalesce((select array_agg(o.person_id) from event_organisers o where o.event_id = "events"."id"), '{}')`,
      rsvp: sql<RsvpStatus | null>`(select r.status from event_rsvps r where r.event_id = "events"."id" and r.person_id = ${selection.personId})`,
    })
    .from(events)
    .where(and(gte(events.startsAt, since), scope))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, hosts: row.hosts ?? [], organiserIds: row.organiserIds ?? [] }));
}

/** A person's answer to one event, or null. */
export async function rsvpOf(db: Db, eventId: string, personId: string): Promise<RsvpStatus | null> {
  const [row] = await db
    .select({ status: eventRsvps.status })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, personId)));
  return row?.status ?? null;
}

/** Communities a person could make a community feed for: the ones they belong to, by name. */
export async function communityChoices(db: Db, communityIds: string[]) {
  if (communityIds.length === 0) return [];
  return db
    .select({ id: communities.id, slug: communities.slug, name: communities.name })
    .from(communities)
    .where(inArray(communities.id, communityIds))
    .orderBy(asc(communities.name));
}
