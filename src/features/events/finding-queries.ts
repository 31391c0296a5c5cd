import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import type { Actor } from "../../platform/policy.js";
import { currentMembershipIds, findableCommunities, readableCommunities } from "../search/kinds/shared.js";
import type { EventFilters } from "./finding-inputs.js";
import { type EventFormat, type EventStatus, type EventType, events } from "./tables.js";

export interface HostLink {
  slug: string;
  name: string;
  isHost?: boolean;
}

/** One event in a list: enough for a card, a calendar cell or an API summary. */
export interface EventSummary {
  id: string;
  title: string;
  type: EventType;
  format: EventFormat;
  status: EventStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  location: string;
  capacity: number | null;
  goingCount: number;
  waitlistCount: number;
  /** Host first, then co-hosts; only communities the viewer may know about. */
  hosts: HostLink[];
  /** 0: one of the viewer's communities hosts it; 1: another community does. */
  group: number;
}

/** A past event with its outputs at a glance, for the archive. */
export interface ArchivedEvent extends EventSummary {
  hasNotes: boolean;
  recordingUrl: string;
  recordingExpected: boolean;
  slidesUrl: string;
  topics: string[];
}

const ts = (date: Date) => sql`${date.toISOString()}::timestamptz`;

function idList(ids: string[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
}

/** An event is visible when any community hosting it shares its content with the viewer (as search decides). */
export function visibleTo(actor: Actor): SQL {
  return sql`exists (select 1 from event_hosts vh join communities vc on vc.id = vh.community_id where vh.event_id = events.id and ${readableCommunities(actor, "vc")})`;
}

/** 0 when one of the viewer's current communities hosts or co-hosts the event, else 1. */
function groupOf(actor: Actor): SQL<number> {
  const mine = currentMembershipIds(actor);
  if (mine.length === 0) return sql<number>`1::int`;
  return sql<number>`(case when exists (select 1 from event_hosts gh where gh.event_id = events.id and gh.community_id in (${idList(mine)})) then 0 else 1 end)`;
}

function hostsOf(actor: Actor): SQL<HostLink[]> {
  return sql<
    HostLink[]
  >`coalesce((select json_agg(json_build_object('slug', hc.slug, 'name', hc.name, 'isHost', h.is_host) order by h.is_host desc, hc.name) from event_hosts h join communities hc on hc.id = h.community_id where h.event_id = events.id and ${findableCommunities(actor, "hc")}), '[]'::json)`;
}

function summaryColumns(actor: Actor, group: SQL<number>) {
  return {
    id: events.id,
    title: events.title,
    type: events.type,
    format: events.format,
    status: events.status,
    startsAt: events.startsAt,
    endsAt: events.endsAt,
    timeZone: events.timeZone,
    location: events.location,
    capacity: events.capacity,
    goingCount: events.goingCount,
    waitlistCount: events.waitlistCount,
    hosts: hostsOf(actor),
    group: sql<number>`${group}`.mapWith(Number),
  };
}

const asHosts = (value: unknown): HostLink[] =>
  (typeof value === "string" ? JSON.parse(value) : (value ?? [])) as HostLink[];

function normalise<T extends { hosts: unknown; startsAt: Date; endsAt: Date }>(row: T) {
  return {
    ...row,
    hosts: asHosts(row.hosts),
    startsAt: new Date(row.startsAt),
    endsAt: new Date(row.endsAt),
  };
}

function filterConditions(filters: EventFilters): SQL[] {
  const conditions: SQL[] = [];
  if (!filters.includeCancelled) conditions.push(sql`${events.status} = 'scheduled'`);
  if (filters.type) conditions.push(sql`${events.type} = ${filters.type}`);
  if (filters.format) conditions.push(sql`${events.format} = ${filters.format}`);
  if (filters.communitySlug)
    conditions.push(
      sql`exists (select 1 from event_hosts fh join communities fc on fc.id = fh.community_id where fh.event_id = events.id and fc.slug = ${filters.communitySlug})`,
    );
  return conditions;
}

const and = (conditions: SQL[]) => sql.join(conditions, sql` and `);

/** Cursor keys of the upcoming list: "group:startsAt in ms". */
export const isUpcomingKey = (key: string | number) => typeof key === "string" && /^[01]:\d{1,15}$/.test(key);

export interface UpcomingOptions {
  now: Date;
  cursor: Cursor | null;
  limit?: number;
  /** true: the viewer's communities first (the page); false: one timeline (the API's scope=all). */
  mineFirst: boolean;
  /** Only events of the viewer's communities. */
  onlyMine?: boolean;
  /** Events starting from this instant, past ones included (instead of "not ended yet"). */
  from?: Date;
  to?: Date;
}

/**
 * Events the viewer can see that have not ended, soonest first; with `mineFirst`, those of the
 * viewer's communities come before the rest. Keyset-paginated on (group, startsAt, id).
 */
export async function upcomingEvents(
  db: Db,
  actor: Actor,
  filters: EventFilters,
  options: UpcomingOptions,
): Promise<Page<EventSummary>> {
  const limit = options.limit ?? 20;
  const membershipGroup = groupOf(actor);
  const group = options.mineFirst ? membershipGroup : sql<number>`0::int`;
  const conditions = [visibleTo(actor), ...filterConditions(filters)];
  if (options.onlyMine) conditions.push(sql`${membershipGroup} = 0`);
  // From a given date, past events too; otherwise those that have not ended.
  if (options.from) conditions.push(sql`${events.startsAt} >= ${ts(options.from)}`);
  else conditions.push(sql`${events.endsAt} > ${ts(options.now)}`);
  if (options.to) conditions.push(sql`${events.startsAt} < ${ts(options.to)}`);
  const { cursor } = options;
  if (cursor) {
    const [g, ms] = String(cursor.key).split(":");
    const key = sql`(${Number(g)}::int, ${ts(new Date(Number(ms)))}, ${cursor.id}::text)`;
    const row = sql`(${group}, ${events.startsAt}, ${events.id})`;
    conditions.push(cursor.direction === "after" ? sql`${row} > ${key}` : sql`${row} < ${key}`);
  }
  const back = cursor?.direction === "before";
  const dir = sql.raw(back ? "desc" : "asc");
  const rows = await db
    .select(summaryColumns(actor, group))
    .from(events)
    .where(and(conditions))
    .orderBy(sql`${group} ${dir}, ${events.startsAt} ${dir}, ${events.id} ${dir}`)
    .limit(limit + 1);
  return toPage(rows.map(normalise), {
    limit,
    cursor,
    keyOf: (row) => ({ key: `${row.group}:${row.startsAt.getTime()}`, id: row.id }),
  });
}

/** Every visible event starting in [from, to), in time order (a month grid holds a few hundred at most). */
export async function eventsBetween(
  db: Db,
  actor: Actor,
  filters: EventFilters,
  from: Date,
  to: Date,
  limit = 500,
): Promise<EventSummary[]> {
  const rows = await db
    .select(summaryColumns(actor, groupOf(actor)))
    .from(events)
    .where(
      and([
        visibleTo(actor),
        sql`${events.startsAt} >= ${ts(from)}`,
        sql`${events.startsAt} < ${ts(to)}`,
        ...filterConditions(filters),
      ]),
    )
    .orderBy(sql`${events.startsAt} asc, ${events.id} asc`)
    .limit(limit);
  return rows.map(normalise);
}

export const isTimeKey = (key: string | number) => typeof key === "number" && Number.isSafeInteger(key);

/**
 * A community's events (hosted or co-hosted). `upcoming`: not ended, soonest first, cancelled ones
 * included and marked. `past`: ended, newest first, cancelled ones left out. The caller has
 * checked the viewer may read the community's content.
 */
export async function communityEvents(
  db: Db,
  actor: Actor,
  communityId: string,
  options: { when: "upcoming" | "past"; now: Date; cursor: Cursor | null; limit?: number },
): Promise<Page<EventSummary>> {
  return communityPage<EventSummary>(db, actor, communityId, options, summaryColumns(actor, groupOf(actor)));
}

/** A community's past events with their outputs, newest first (cancelled ones left out). */
export async function archiveOf(
  db: Db,
  actor: Actor,
  communityId: string,
  options: { now: Date; cursor: Cursor | null; limit?: number },
): Promise<Page<ArchivedEvent>> {
  return communityPage<ArchivedEvent>(db, actor, communityId, { ...options, when: "past" }, {
    ...summaryColumns(actor, groupOf(actor)),
    hasNotes: sql<boolean>`(btrim(${events.notes}) <> '')`,
    recordingUrl: events.recordingUrl,
    recordingExpected: events.recordingExpected,
    slidesUrl: events.slidesUrl,
    topics: events.topics,
  } as ReturnType<typeof summaryColumns>);
}

async function communityPage<R extends EventSummary>(
  db: Db,
  _actor: Actor,
  communityId: string,
  options: { when: "upcoming" | "past"; now: Date; cursor: Cursor | null; limit?: number },
  columns: ReturnType<typeof summaryColumns>,
): Promise<Page<R>> {
  const limit = options.limit ?? 20;
  const past = options.when === "past";
  const conditions = [
    sql`exists (select 1 from event_hosts ch where ch.event_id = events.id and ch.community_id = ${communityId})`,
    past ? sql`${events.endsAt} <= ${ts(options.now)}` : sql`${events.endsAt} > ${ts(options.now)}`,
  ];
  if (past) conditions.push(sql`${events.status} = 'scheduled'`);
  const { cursor } = options;
  // Upcoming runs forward in time, past runs backward; "after" always means further down the list.
  const forward = !past;
  if (cursor) {
    const key = sql`(${ts(new Date(Number(cursor.key)))}, ${cursor.id}::text)`;
    const row = sql`(${events.startsAt}, ${events.id})`;
    const later = (cursor.direction === "after") === forward;
    conditions.push(later ? sql`${row} > ${key}` : sql`${row} < ${key}`);
  }
  const ascending = (cursor?.direction === "before") !== forward;
  const dir = sql.raw(ascending ? "asc" : "desc");
  const rows = await db
    .select(columns)
    .from(events)
    .where(and(conditions))
    .orderBy(sql`${events.startsAt} ${dir}, ${events.id} ${dir}`)
    .limit(limit + 1);
  return toPage(rows.map(normalise) as unknown as R[], {
    limit,
    cursor,
    keyOf: (row) => ({ key: row.startsAt.getTime(), id: row.id }),
  });
}

/**
 * The next few events for the home page: those of the person's communities and those they are
 * going to (wherever they can still see them), not cancelled, soonest first. One query.
 */
export async function upcomingForPerson(db: Db, actor: Actor, now: Date, limit = 5): Promise<EventSummary[]> {
  if (actor.kind !== "person") return [];
  const mine = currentMembershipIds(actor);
  const inMine =
    mine.length > 0
      ? sql`exists (select 1 from event_hosts mh where mh.event_id = events.id and mh.community_id in (${idList(mine)}))`
      : sql`false`;
  const going = sql`exists (select 1 from event_rsvps r where r.event_id = events.id and r.person_id = ${actor.id} and r.status = 'going')`;
  const rows = await db
    .select(summaryColumns(actor, groupOf(actor)))
    .from(events)
    .where(
      and([
        sql`(${inMine} or ${going})`,
        visibleTo(actor),
        sql`${events.status} = 'scheduled'`,
        sql`${events.endsAt} > ${ts(now)}`,
      ]),
    )
    .orderBy(sql`${events.startsAt} asc, ${events.id} asc`)
    .limit(limit);
  return rows.map(normalise);
}

/** Communities the filter offers: those whose content the viewer can read, by name. */
export async function filterCommunities(db: Db, actor: Actor): Promise<HostLink[]> {
  if (actor.kind !== "person") return [];
  const result = await db.execute(
    sql`select slug, name from communities where ${readableCommunities(actor)} order by name limit 300`,
  );
  return ((result as { rows?: HostLink[] }).rows ?? (result as unknown as HostLink[])) as HostLink[];
}
