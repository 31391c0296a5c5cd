import { and, asc, eq, gt, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Cursor, Page } from "../../platform/http/pagination.js";
import { toPage } from "../../platform/http/pagination.js";
import type { CommunityRole } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { divisions } from "../organisation/tables.js";
import { people } from "../people/tables.js";
import type { Involvement, MembershipState } from "./tables.js";
import { memberships } from "./tables.js";

export interface MemberRow {
  personId: string;
  handle: string;
  name: string;
  jobTitle: string;
  divisionName: string | null;
  role: CommunityRole;
  joinedAt: Date;
}

const current = sql`${memberships.state} in ('active', 'on_break')`;

/**
 * A community's current members by name, keyset-paginated forward (the API's `nextCursor`).
 * Ties on name are broken by person id, which is also the index order of the people table.
 */
export async function membersOf(
  db: Db,
  communityId: string,
  cursor: Cursor | null,
  limit: number,
): Promise<Page<MemberRow>> {
  const conditions = [eq(memberships.communityId, communityId), current];
  if (cursor) {
    const key = String(cursor.key);
    conditions.push(or(gt(people.name, key), and(eq(people.name, key), gt(people.id, cursor.id)))!);
  }
  const rows = await db
    .select({
      personId: people.id,
      handle: people.handle,
      name: people.name,
      jobTitle: people.jobTitle,
      divisionName: divisions.name,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(and(...conditions))
    .orderBy(asc(people.name), asc(people.id))
    .limit(limit + 1);
  return toPage(rows, {
    limit,
    cursor: cursor ? { ...cursor, direction: "after" } : null,
    keyOf: (row) => ({ key: row.name, id: row.personId }),
  });
}

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
