import { and, asc, desc, eq, gt, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import { authUsers } from "../../platform/auth/tables.js";
import type { Db } from "../../platform/db/client.js";
import type { Cursor, Page } from "../../platform/http/pagination.js";
import { toPage } from "../../platform/http/pagination.js";
import {
  type Actor,
  activeRoleIn,
  can,
  isProgrammeTeam,
  type MembershipSummary,
} from "../../platform/policy.js";
import "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { divisions } from "../organisation/tables.js";
import { people } from "./tables.js";

/**
 * One query: the person and all their current memberships, as the request's Actor. With a
 * `sessionId`, the session must still exist: the session cookie is cached for a minute, and a
 * revoked session (sign-out everywhere, password reset) must stop at once.
 */
export async function loadActor(db: Db, personId: string, sessionId?: string): Promise<Actor | null> {
  const rows = await db
    .select({
      id: people.id,
      handle: people.handle,
      name: people.name,
      siteRole: people.siteRole,
      email: authUsers.email,
      // Qualified by hand: inside a raw subquery drizzle would print a bare "id".
      memberships: sql<[string, MembershipSummary["role"], MembershipSummary["state"]][] | null>`(
        select json_agg(json_build_array(m.community_id, m.role, m.state))
        from memberships m where m.person_id = "people"."id" and m.state <> 'left')`,
      unread: sql<number>`(select count(*)::int from notifications n where n.person_id = "people"."id" and n.read_at is null)`,
    })
    .from(people)
    .innerJoin(authUsers, eq(authUsers.id, people.id))
    .where(
      and(
        eq(people.id, personId),
        sessionId
          ? sql`exists (select 1 from auth_sessions s where s.id = ${sessionId} and s.user_id = "people"."id" and s.expires_at > now())`
          : undefined,
      ),
    );
  const row = rows[0];
  if (!row) return null;
  return {
    kind: "person",
    id: row.id,
    handle: row.handle,
    name: row.name,
    email: row.email,
    siteRole: row.siteRole,
    memberships: new Map(
      (row.memberships ?? []).map(([communityId, role, state]) => [communityId, { role, state }]),
    ),
    unreadNotifications: row.unread,
  };
}

export const personColumns = {
  id: people.id,
  handle: people.handle,
  name: people.name,
  jobTitle: people.jobTitle,
  divisionName: divisions.name,
  skills: people.skills,
  siteRole: people.siteRole,
};

export type PersonSummary = {
  id: string;
  handle: string;
  name: string;
  jobTitle: string;
  divisionName: string | null;
  skills: string[];
  siteRole: string;
};

export async function findPersonByHandle(db: Db, handle: string) {
  const rows = await db
    .select({
      person: people,
      divisionName: divisions.name,
      divisionSlug: divisions.slug,
    })
    .from(people)
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(eq(people.handle, handle));
  return rows[0] ?? null;
}

export async function findPersonById(db: Db, id: string) {
  const rows = await db.select().from(people).where(eq(people.id, id));
  return rows[0] ?? null;
}

/** The communities a person belongs to, for their profile. */
/**
 * The communities a person belongs to, as `viewer` may know them: a colleague sees a membership
 * only where they could find the community (listed, or they belong to it, or they are on the
 * programme team) and may see its members. Someone looking at their own profile sees everything.
 */
export async function communitiesOf(db: Db, personId: string, viewer: Actor) {
  const rows = await db
    .select({
      id: communities.id,
      slug: communities.slug,
      name: communities.name,
      visibility: communities.visibility,
      joinPolicy: communities.joinPolicy,
      status: communities.status,
      contentAccess: communities.contentAccess,
      role: memberships.role,
      state: memberships.state,
    })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(and(eq(memberships.personId, personId), sql`${memberships.state} in ('active', 'on_break')`))
    .orderBy(asc(communities.name));
  const isSelf = viewer.kind === "person" && viewer.id === personId;
  return rows
    .filter(
      (community) =>
        isSelf ||
        ((community.visibility === "listed" ||
          activeRoleIn(viewer, community.id) !== null ||
          isProgrammeTeam(viewer)) &&
          can(viewer, "community.viewMembers", community)),
    )
    .map(({ slug, name, role, state }) => ({ slug, name, role, state }));
}

export interface DirectoryFilters {
  q: string;
  skill: string;
  division: string;
}

/**
 * The people directory: name, job title or skill matching, by division, keyset-paginated. Without
 * words it is alphabetical. With words it is ranked: names that start with them first, then names
 * with a word that starts with them, then by trigram similarity of the name (pg_trgm, the index
 * on `people.name`), then alphabetical. The cursor key is then "rank:name".
 */
export async function searchPeople(
  db: Db,
  filters: DirectoryFilters,
  cursor: Cursor | null,
  limit = 24,
): Promise<Page<PersonSummary>> {
  const conditions: SQL[] = [];
  let rank: SQL<number> | null = null;
  if (filters.q) {
    const escaped = filters.q.replace(/[\\%_]/g, (m) => `\\${m}`);
    const byText = or(
      ilike(people.name, `%${escaped}%`),
      ilike(people.jobTitle, `%${escaped}%`),
      sql`${people.skills} @> array[${filters.q.toLowerCase()}]::text[]`,
    );
    if (byText) conditions.push(byText);
    rank = sql<number>`(case when ${people.name} ilike ${`${escaped}%`} then 2000 when ${people.name} ilike ${`% ${escaped}%`} then 1000 else 0 end + round(similarity(${people.name}, ${filters.q}) * 1000))::int`;
  }
  if (filters.skill) conditions.push(sql`${people.skills} @> array[${filters.skill}]::text[]`);
  if (filters.division) conditions.push(eq(divisions.slug, filters.division));
  const seekBy = cursor ? (rank ? rankedKey(cursor) : { rank: null, name: String(cursor.key) }) : null;
  // A cursor from the other ordering (the words changed) starts again at the first page.
  const usable = seekBy ? cursor : null;
  const back = usable?.direction === "before";
  if (usable && seekBy) {
    const byName = back
      ? or(lt(people.name, seekBy.name), and(eq(people.name, seekBy.name), lt(people.id, usable.id)))!
      : or(gt(people.name, seekBy.name), and(eq(people.name, seekBy.name), gt(people.id, usable.id)))!;
    conditions.push(
      rank && seekBy.rank !== null
        ? back
          ? sql`(${rank} > ${seekBy.rank} or (${rank} = ${seekBy.rank} and ${byName}))`
          : sql`(${rank} < ${seekBy.rank} or (${rank} = ${seekBy.rank} and ${byName}))`
        : byName,
    );
  }
  const byName = back ? [desc(people.name), desc(people.id)] : [asc(people.name), asc(people.id)];
  const rows = await db
    .select({ ...personColumns, rank: rank ?? sql<number>`0` })
    .from(people)
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(...(rank ? [back ? asc(rank) : desc(rank)] : []), ...byName)
    .limit(limit + 1);
  const page = toPage(rows, {
    limit,
    cursor: usable,
    keyOf: (row) => ({ key: rank ? `${row.rank}:${row.name}` : row.name, id: row.id }),
  });
  return { ...page, items: page.items.map(({ rank: _rank, ...person }) => person) };
}

/** "rank:name" from a ranked page's cursor, or null when it is not one. */
function rankedKey(cursor: Cursor): { rank: number; name: string } | null {
  const key = String(cursor.key);
  const colon = key.indexOf(":");
  const rank = Number(key.slice(0, colon));
  if (colon < 1 || !Number.isInteger(rank)) return null;
  return { rank, name: key.slice(colon + 1) };
}
