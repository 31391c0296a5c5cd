import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { PersonActor } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { currentCommunityIds, visibleThread } from "../discussions/similar-queries.js";
import { threads } from "../discussions/tables.js";
import { type EventSummary, upcomingForPerson } from "../events/finding-queries.js";

export interface HomeThread {
  id: string;
  title: string;
  kind: "discussion" | "question" | "announcement";
  replyCount: number;
  answered: boolean;
  createdAt: Date;
  communitySlug: string;
  communityName: string;
}

const columns = {
  id: threads.id,
  title: threads.title,
  kind: threads.kind,
  replyCount: threads.replyCount,
  answered: sql<boolean>`${threads.acceptedReplyId} is not null`,
  createdAt: threads.createdAt,
  communitySlug: communities.slug,
  communityName: communities.name,
};

/** The newest threads in the person's communities (members read their own communities). */
export async function newInMyCommunities(db: Db, actor: PersonActor, limit = 8): Promise<HomeThread[]> {
  const mine = currentCommunityIds(actor);
  if (mine.length === 0) return [];
  return db
    .select(columns)
    .from(threads)
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .where(and(inArray(threads.communityId, mine), visibleThread))
    .orderBy(desc(threads.createdAt), desc(threads.id))
    .limit(limit);
}

/**
 * Unanswered questions in the person's communities whose tags or words match one of their
 * declared skills, newest first, leaving out their own questions.
 */
export async function questionsYouMightAnswer(db: Db, actor: PersonActor, limit = 5): Promise<HomeThread[]> {
  const mine = currentCommunityIds(actor);
  if (mine.length === 0) return [];
  const skills = sql`(select p.skills from people p where p.id = ${actor.id})`;
  return db
    .select(columns)
    .from(threads)
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .where(
      and(
        inArray(threads.communityId, mine),
        visibleThread,
        eq(threads.kind, "question"),
        sql`${threads.acceptedReplyId} is null`,
        sql`${threads.authorId} is distinct from ${actor.id}`,
        sql`(${threads.tags} && ${skills} or exists (
          select 1 from unnest(${skills}) s where ${threads.search} @@ plainto_tsquery('english', s)
        ))`,
      ),
    )
    .orderBy(desc(threads.createdAt), desc(threads.id))
    .limit(limit);
}

/** The next events of the person's communities and those they are going to (one query). */
export function upcomingEventsForHome(db: Db, actor: PersonActor, now = new Date()): Promise<EventSummary[]> {
  return upcomingForPerson(db, actor, now, 5);
}
