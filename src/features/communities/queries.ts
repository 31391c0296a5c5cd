import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { activityEvents } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { memberships } from "../memberships/tables.js";
import { divisions } from "../organisation/tables.js";
import { people } from "../people/tables.js";
import { communities } from "./tables.js";

export async function findCommunityBySlug(db: Db, slug: string) {
  const rows = await db.select().from(communities).where(eq(communities.slug, slug));
  return rows[0] ?? null;
}

export type Community = NonNullable<Awaited<ReturnType<typeof findCommunityBySlug>>>;

/** Convenors, core members and sponsors: the people to contact, shown on the community page. */
export async function leadersOf(db: Db, communityId: string) {
  return db
    .select({
      handle: people.handle,
      name: people.name,
      jobTitle: people.jobTitle,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(people, eq(people.id, memberships.personId))
    .where(
      and(
        eq(memberships.communityId, communityId),
        sql`${memberships.state} in ('active', 'on_break')`,
        sql`${memberships.role} in ('convenor', 'core', 'sponsor')`,
      ),
    )
    .orderBy(
      sql`case ${memberships.role} when 'convenor' then 0 when 'sponsor' then 1 else 2 end`,
      asc(people.name),
    )
    .limit(40);
}

/** The most recent members, for the page's "who is here" strip. */
export async function recentMembers(db: Db, communityId: string, limit = 8) {
  return (
    db
      .select({
        handle: people.handle,
        name: people.name,
        jobTitle: people.jobTitle,
        divisionName: divisions.name,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(divisions, eq(divisions.id, people.divisionId))
      .where(
        and(eq(memberships.communityId, communityId), sql`${memberships.state} in ('active', 'on_break')`),
      )
      // Must match the index memberships_community_joined_idx (DESC NULLS LAST) to use it.
      .orderBy(sql`${memberships.joinedAt} desc nulls last`)
      .limit(limit)
  );
}

export async function membershipOf(db: Db, communityId: string, personId: string) {
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
  return rows[0] ?? null;
}

/** The verbs shown as "Recent activity" on a community's page; quieter acts (requests, leaving, breaks) stay private. */
export const publicActivityVerbs = [
  "community.created",
  "community.joined",
  "membership.invitation_accepted",
  "membership.role_changed",
  "charter.updated",
  "community.stage_changed",
  "community.updated",
  "lifecycle.item_ticked",
  "community.dormant",
  "community.revived",
  "community.reopened",
  "community.closed",
  "thread.created",
  "answer.accepted",
  "event.created",
  "resource.published",
  "resource.endorsed",
] as const;

/** The community's latest public activity, newest first, with who did it. */
export async function recentActivity(db: Db, communityId: string, limit = 10) {
  return db
    .select({
      id: activityEvents.id,
      verb: activityEvents.verb,
      objectId: activityEvents.objectId,
      data: activityEvents.data,
      occurredAt: activityEvents.occurredAt,
      actorName: people.name,
      actorHandle: people.handle,
    })
    .from(activityEvents)
    .leftJoin(people, eq(people.id, activityEvents.actorId))
    .where(
      and(
        eq(activityEvents.communityId, communityId),
        inArray(activityEvents.verb, [...publicActivityVerbs]),
      ),
    )
    .orderBy(desc(activityEvents.occurredAt), desc(activityEvents.id))
    .limit(limit);
}

export type ActivityLine = Awaited<ReturnType<typeof recentActivity>>[number];
