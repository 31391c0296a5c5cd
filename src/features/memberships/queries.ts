import { and, asc, desc, eq, gt, ilike, lt, ne, or, type SQL, sql } from "drizzle-orm";
import { activityEvents } from "../../platform/activity.js";
import { authUsers } from "../../platform/auth/tables.js";
import type { Db } from "../../platform/db/client.js";
import type { Cursor, Page } from "../../platform/http/pagination.js";
import { toPage } from "../../platform/http/pagination.js";
import type { CommunityRole } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { divisions } from "../organisation/tables.js";
import { people } from "../people/tables.js";
import type { Involvement, MembershipState } from "./tables.js";
import { memberships } from "./tables.js";

const current = sql`${memberships.state} in ('active', 'on_break')`;

export interface MembershipRow {
  communityId: string;
  slug: string;
  name: string;
  role: CommunityRole;
  state: MembershipState;
  involvement: Involvement;
  joinedAt: Date;
}

const membershipColumns = {
  communityId: communities.id,
  slug: communities.slug,
  name: communities.name,
  role: memberships.role,
  state: memberships.state,
  involvement: memberships.involvement,
  joinedAt: memberships.joinedAt,
};

/** A person's memberships that have not ended (including requests and invitations), by community name. */
export async function membershipsOf(
  db: Db,
  personId: string,
  cursor: Cursor | null,
  limit: number,
): Promise<Page<MembershipRow>> {
  const conditions = [eq(memberships.personId, personId), ne(memberships.state, "left")];
  if (cursor) {
    const key = String(cursor.key);
    conditions.push(
      or(gt(communities.name, key), and(eq(communities.name, key), gt(communities.id, cursor.id)))!,
    );
  }
  const rows = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(and(...conditions))
    .orderBy(asc(communities.name), asc(communities.id))
    .limit(limit + 1);
  return toPage(rows, {
    limit,
    cursor: cursor ? { ...cursor, direction: "after" } : null,
    keyOf: (row) => ({ key: row.name, id: row.communityId }),
  });
}

/** One person's membership of one community, as the API shows it after joining. */
export async function findMembership(
  db: Db,
  communityId: string,
  personId: string,
): Promise<MembershipRow | null> {
  const rows = await db
    .select(membershipColumns)
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
  return rows[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The roster: the Members tab, its CSV export, one member, and leaving in aggregate.

export interface RosterFilters {
  q: string;
  role: CommunityRole | "";
  involvement: Involvement | "";
  /** A division's slug. */
  division: string;
}

export interface RosterRow {
  personId: string;
  handle: string;
  name: string;
  jobTitle: string;
  divisionName: string | null;
  skills: string[];
  role: CommunityRole;
  state: MembershipState;
  involvement: Involvement;
  breakUntil: string | null;
  joinedAt: Date;
}

const rosterColumns = {
  personId: people.id,
  handle: people.handle,
  name: people.name,
  jobTitle: people.jobTitle,
  divisionName: divisions.name,
  skills: people.skills,
  role: memberships.role,
  state: memberships.state,
  involvement: memberships.involvement,
  breakUntil: memberships.breakUntil,
  joinedAt: memberships.joinedAt,
};

function rosterConditions(communityId: string, filters: RosterFilters): SQL[] {
  const conditions: SQL[] = [eq(memberships.communityId, communityId), current];
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const byText = or(
      ilike(people.name, pattern),
      sql`${people.skills} @> array[${filters.q.toLowerCase()}]::text[]`,
      // A part of a skill ("pay" finds "payroll") without unnesting every row's array in the plan.
      sql`array_to_string(${people.skills}, ' ') ilike ${pattern}`,
    );
    if (byText) conditions.push(byText);
  }
  if (filters.role) conditions.push(eq(memberships.role, filters.role));
  if (filters.involvement) conditions.push(eq(memberships.involvement, filters.involvement));
  if (filters.division) conditions.push(eq(divisions.slug, filters.division));
  return conditions;
}

/** The Members tab: current members by name, filtered, keyset-paginated both ways. */
export async function rosterOf(
  db: Db,
  communityId: string,
  filters: RosterFilters,
  cursor: Cursor | null,
  limit = 50,
): Promise<Page<RosterRow>> {
  const conditions = rosterConditions(communityId, filters);
  const back = cursor?.direction === "before";
  if (cursor) {
    const key = String(cursor.key);
    const seek = back
      ? or(lt(people.name, key), and(eq(people.name, key), lt(people.id, cursor.id)))
      : or(gt(people.name, key), and(eq(people.name, key), gt(people.id, cursor.id)));
    if (seek) conditions.push(seek);
  }
  const rows = await db
    .select(rosterColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(and(...conditions))
    .orderBy(...(back ? [desc(people.name), desc(people.id)] : [asc(people.name), asc(people.id)]))
    .limit(limit + 1);
  return toPage(rows, { limit, cursor, keyOf: (row) => ({ key: row.name, id: row.personId }) });
}

export interface RosterExportRow extends RosterRow {
  email: string;
}

/** Every current member with their email address, by name, for the convenors' CSV. */
export async function rosterExport(db: Db, communityId: string): Promise<RosterExportRow[]> {
  return db
    .select({ ...rosterColumns, email: authUsers.email })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .innerJoin(authUsers, eq(authUsers.id, people.id))
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(and(eq(memberships.communityId, communityId), current))
    .orderBy(asc(people.name), asc(people.id));
}

/** One person's current membership of a community, found by their handle. */
export async function rosterEntry(db: Db, communityId: string, handle: string): Promise<RosterRow | null> {
  const rows = await db
    .select(rosterColumns)
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(and(eq(memberships.communityId, communityId), eq(people.handle, handle), current));
  return rows[0] ?? null;
}

/** Fewer leavers than this in the window and the reasons stay hidden: one could be pinned on a person. */
export const REASONS_THRESHOLD = 3;

export interface LeavingSummary {
  /** The last 12 months, oldest first, as "YYYY-MM". */
  months: { month: string; count: number }[];
  total: number;
  /** Reasons given, newest first, with the month only; empty when `reasonsHidden`. */
  reasons: { month: string; reason: string }[];
  reasonsHidden: boolean;
}

/** "YYYY-MM" of a date in UTC. */
const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/**
 * People who chose to leave, per month over the last 12 months (this one included), and the
 * reasons they gave. Removals are not leaving: a removal sets `removed_at` to the same instant as
 * `left_at`, and a person who came back and left again later has a newer `left_at`.
 */
export async function leavingSummary(db: Db, communityId: string, now = new Date()): Promise<LeavingSummary> {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const rows = await db
    .select({ leftAt: memberships.leftAt, reason: memberships.leaveReason })
    .from(memberships)
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.state, "left"),
        sql`${memberships.leftAt} >= ${start.toISOString()}`,
        sql`${memberships.leftAt} <= ${now.toISOString()}`,
        sql`${memberships.removedAt} is distinct from ${memberships.leftAt}`,
      ),
    )
    .orderBy(desc(memberships.leftAt));
  const months: { month: string; count: number }[] = [];
  for (let i = 0; i < 12; i++) {
    months.push({
      month: monthOf(new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1))),
      count: 0,
    });
  }
  const byMonth = new Map(months.map((m) => [m.month, m]));
  const reasons: { month: string; reason: string }[] = [];
  for (const row of rows) {
    if (!row.leftAt) continue;
    const month = monthOf(row.leftAt);
    const entry = byMonth.get(month);
    if (entry) entry.count += 1;
    const reason = row.reason?.trim();
    if (reason) reasons.push({ month, reason });
  }
  const total = rows.length;
  const reasonsHidden = total < REASONS_THRESHOLD;
  return { months, total, reasons: reasonsHidden ? [] : reasons, reasonsHidden };
}

/**
 * What happened in a community since `since`, by verb, in one query: the welcome-back summary.
 * The person's own acts are left out.
 */
export async function activitySince(
  db: Db,
  communityId: string,
  since: Date,
  exceptPersonId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ verb: activityEvents.verb, count: sql<number>`count(*)::int` })
    .from(activityEvents)
    .where(
      and(
        eq(activityEvents.communityId, communityId),
        sql`${activityEvents.occurredAt} >= ${since.toISOString()}`,
        sql`${activityEvents.actorId} is distinct from ${exceptPersonId}`,
      ),
    )
    .groupBy(activityEvents.verb);
  return new Map(rows.map((row) => [row.verb, Number(row.count)]));
}

/** Your own membership with the end of your break, for the API's answers about it. */
export async function findOwnMembership(db: Db, communityId: string, personId: string) {
  const rows = await db
    .select({ ...membershipColumns, breakUntil: memberships.breakUntil })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
  return rows[0] ?? null;
}
