import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
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

export interface PendingRow {
  personId: string;
  handle: string;
  name: string;
  jobTitle: string;
  divisionName: string | null;
  role: CommunityRole;
  involvement: Involvement;
  /** The answer to the joining question (requests) or the inviter's message (invitations). */
  text: string;
  at: Date;
  invitedByName: string | null;
}

const inviter = alias(people, "inviter");

/**
 * A community's pending requests (oldest first, so nobody waits longest) or outstanding
 * invitations, keyset-paginated by date and person id.
 */
export async function pendingOf(
  db: Db,
  communityId: string,
  state: "requested" | "invited",
  cursor: Cursor | null,
  limit: number,
): Promise<Page<PendingRow>> {
  const at = state === "requested" ? memberships.requestedAt : memberships.invitedAt;
  const atOrJoined = sql<Date>`coalesce(${at}, ${memberships.joinedAt})`;
  const conditions = [eq(memberships.communityId, communityId), eq(memberships.state, state)];
  if (cursor) {
    const key = new Date(Number(cursor.key));
    conditions.push(
      or(
        sql`${atOrJoined} > ${key.toISOString()}::timestamptz`,
        and(sql`${atOrJoined} = ${key.toISOString()}::timestamptz`, gt(memberships.personId, cursor.id)),
      )!,
    );
  }
  const rows = await db
    .select({
      personId: people.id,
      handle: people.handle,
      name: people.name,
      jobTitle: people.jobTitle,
      divisionName: divisions.name,
      role: memberships.role,
      involvement: memberships.involvement,
      text: state === "requested" ? memberships.requestAnswer : memberships.decisionMessage,
      at: atOrJoined,
      invitedByName: inviter.name,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .leftJoin(inviter, eq(inviter.id, memberships.invitedById))
    .where(and(...conditions))
    .orderBy(asc(atOrJoined), asc(memberships.personId))
    .limit(limit + 1);
  const items = rows.map((row) => ({ ...row, text: row.text ?? "", at: new Date(row.at) }));
  return toPage(items, {
    limit,
    cursor: cursor ? { ...cursor, direction: "after" } : null,
    keyOf: (row) => ({ key: row.at.getTime(), id: row.personId }),
  });
}

export async function countPending(db: Db, communityId: string) {
  const [row] = await db
    .select({
      requests: sql<number>`count(*) filter (where ${memberships.state} = 'requested')::int`,
      invitations: sql<number>`count(*) filter (where ${memberships.state} = 'invited')::int`,
    })
    .from(memberships)
    .where(
      and(eq(memberships.communityId, communityId), sql`${memberships.state} in ('requested', 'invited')`),
    );
  return { requests: row?.requests ?? 0, invitations: row?.invitations ?? 0 };
}

export interface MyPendingRow {
  communityId: string;
  slug: string;
  communityName: string;
  tagline: string;
  state: MembershipState;
  role: CommunityRole;
  at: Date;
  message: string;
  invitedByName: string | null;
}

/** The person's own invitations and requests still waiting for an answer, newest first. */
export async function myPending(db: Db, personId: string, limit = 100): Promise<MyPendingRow[]> {
  const rows = await db
    .select({
      communityId: communities.id,
      slug: communities.slug,
      communityName: communities.name,
      tagline: communities.tagline,
      state: memberships.state,
      role: memberships.role,
      at: sql<Date>`coalesce(${memberships.invitedAt}, ${memberships.requestedAt}, ${memberships.joinedAt})`,
      message: memberships.decisionMessage,
      invitedByName: inviter.name,
    })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .leftJoin(inviter, eq(inviter.id, memberships.invitedById))
    .where(and(eq(memberships.personId, personId), sql`${memberships.state} in ('invited', 'requested')`))
    .orderBy(sql`case ${memberships.state} when 'invited' then 0 else 1 end`, asc(communities.name))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    at: new Date(row.at),
    // A request's decisionMessage is a convenor's old answer, not something to show with it.
    message: row.state === "invited" ? (row.message ?? "") : "",
  }));
}

export interface PersonChoice {
  id: string;
  handle: string;
  name: string;
  jobTitle: string;
  divisionName: string | null;
}

/** A person named exactly by handle or email address (case-insensitive), for invitations. */
export async function findPersonByHandleOrEmail(db: Db, term: string): Promise<PersonChoice | null> {
  const value = term.trim().replace(/^@/, "").toLowerCase();
  if (!value) return null;
  const rows = await db
    .select({
      id: people.id,
      handle: people.handle,
      name: people.name,
      jobTitle: people.jobTitle,
      divisionName: divisions.name,
    })
    .from(people)
    .innerJoin(authUsers, eq(authUsers.id, people.id))
    .leftJoin(divisions, eq(divisions.id, people.divisionId))
    .where(or(eq(people.handle, value), sql`lower(${authUsers.email}) = ${value}`))
    .limit(1);
  return rows[0] ?? null;
}

/** States of the given people in a community, to mark search results ("already a member"). */
export async function statesIn(db: Db, communityId: string, personIds: string[]) {
  if (personIds.length === 0) return new Map<string, MembershipState>();
  const rows = await db
    .select({ personId: memberships.personId, state: memberships.state })
    .from(memberships)
    .where(
      and(
        eq(memberships.communityId, communityId),
        sql`${memberships.personId} in (${sql.join(
          personIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      ),
    );
  return new Map(rows.map((row) => [row.personId, row.state]));
}
