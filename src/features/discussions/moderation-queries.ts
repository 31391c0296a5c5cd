import { and, asc, count, desc, eq, inArray, ne, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { PersonActor } from "../../platform/policy.js";
import { isProgrammeTeam } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { people } from "../people/tables.js";
import { type FlagReason, type FlagStatus, flags, replies, threads } from "./tables.js";

export type QueueStatus = "open" | "resolved";
export const queueLimit = 50;

export interface QueueFlag {
  id: string;
  reason: FlagReason;
  note: string;
  status: FlagStatus;
  reporterName: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
}

/** One reported post in the queue with its reports. */
export interface QueueItem {
  postId: string;
  kind: "thread" | "reply";
  threadId: string;
  threadTitle: string;
  body: string;
  authorName: string | null;
  authorHandle: string | null;
  postedAt: Date;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  deleted: boolean;
  flags: QueueFlag[];
}

/**
 * A community's reported posts, grouped by post: open reports oldest first (a queue), or dealt-with
 * reports newest first. At most `queueLimit` posts; a fixed number of queries whatever the size.
 */
export async function moderationQueue(
  db: Db,
  communityId: string,
  status: QueueStatus,
): Promise<QueueItem[]> {
  const rows = await db
    .select({
      id: flags.id,
      postId: flags.postId,
      threadId: flags.threadId,
      reason: flags.reason,
      note: flags.note,
      status: flags.status,
      createdAt: flags.createdAt,
      resolvedAt: flags.resolvedAt,
      reporterName: people.name,
    })
    .from(flags)
    .leftJoin(people, eq(people.id, flags.reporterId))
    .where(
      and(
        eq(flags.communityId, communityId),
        status === "open" ? eq(flags.status, "open") : ne(flags.status, "open"),
      ),
    )
    .orderBy(
      ...(status === "open"
        ? [asc(flags.createdAt), asc(flags.id)]
        : [desc(flags.resolvedAt), desc(flags.id)]),
    )
    .limit(queueLimit * 10);

  const byPost = new Map<string, { threadId: string; flags: QueueFlag[] }>();
  for (const row of rows) {
    let group = byPost.get(row.postId);
    if (!group) {
      if (byPost.size >= queueLimit) continue;
      group = { threadId: row.threadId, flags: [] };
      byPost.set(row.postId, group);
    }
    group.flags.push(row);
  }
  if (byPost.size === 0) return [];

  const postIds = [...byPost.keys()];
  const threadIds = [...new Set([...byPost.values()].map((g) => g.threadId))];
  const threadRows = await db
    .select()
    .from(threads)
    .where(inArray(threads.id, [...new Set([...postIds, ...threadIds])]));
  const replyRows = await db.select().from(replies).where(inArray(replies.id, postIds));
  const authorIds = [
    ...new Set([...threadRows, ...replyRows].map((p) => p.authorId).filter((id): id is string => !!id)),
  ];
  const authors = authorIds.length
    ? await db
        .select({ id: people.id, name: people.name, handle: people.handle })
        .from(people)
        .where(inArray(people.id, authorIds))
    : [];
  const threadById = new Map(threadRows.map((t) => [t.id, t]));
  const replyById = new Map(replyRows.map((r) => [r.id, r]));
  const authorById = new Map(authors.map((a) => [a.id, a]));

  const items: QueueItem[] = [];
  for (const [postId, group] of byPost) {
    const thread = threadById.get(group.threadId);
    const post = threadById.get(postId) ?? replyById.get(postId);
    if (!thread || !post) continue;
    const author = post.authorId ? authorById.get(post.authorId) : undefined;
    items.push({
      postId,
      kind: threadById.has(postId) ? "thread" : "reply",
      threadId: thread.id,
      threadTitle: thread.title,
      body: post.body,
      authorName: author?.name ?? null,
      authorHandle: author?.handle ?? null,
      postedAt: post.createdAt,
      hiddenAt: post.hiddenAt,
      hiddenReason: post.hiddenReason,
      deleted: post.deletedAt !== null,
      flags: group.flags,
    });
  }
  return items;
}

/** A community's open reports, by id (the API), newest first. */
export async function flagsOf(db: Db, communityId: string, status: FlagStatus | "all", limit = 100) {
  return db
    .select()
    .from(flags)
    .where(and(eq(flags.communityId, communityId), status === "all" ? undefined : eq(flags.status, status)))
    .orderBy(desc(flags.createdAt), desc(flags.id))
    .limit(limit);
}

export async function findFlag(db: Db, flagId: string) {
  const [flag] = await db.select().from(flags).where(eq(flags.id, flagId));
  return flag ?? null;
}

/** Whether this person already has an open report on the post. */
export async function hasOpenFlag(db: Db, postId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: flags.id })
    .from(flags)
    .where(and(eq(flags.postId, postId), eq(flags.reporterId, personId), eq(flags.status, "open")))
    .limit(1);
  return !!row;
}

/** Open reports per community, for the programme team's overview. */
export async function openFlagsByCommunity(db: Db) {
  return db
    .select({
      slug: communities.slug,
      name: communities.name,
      open: count(flags.id),
      posts: sql<number>`count(distinct ${flags.postId})`.mapWith(Number),
      oldest: sql<Date>`min(${flags.createdAt})`.mapWith((value) => new Date(value)),
    })
    .from(flags)
    .innerJoin(communities, eq(communities.id, flags.communityId))
    .where(eq(flags.status, "open"))
    .groupBy(communities.id, communities.slug, communities.name)
    .orderBy(desc(count(flags.id)), asc(communities.name));
}

/** The communities, other than this one, a moderator may move a thread to (open ones they moderate). */
export async function moveTargets(db: Db, actor: PersonActor, excludeId: string) {
  const base = db
    .select({ id: communities.id, slug: communities.slug, name: communities.name })
    .from(communities);
  if (isProgrammeTeam(actor)) {
    return base
      .where(and(ne(communities.id, excludeId), ne(communities.status, "closed")))
      .orderBy(asc(communities.name));
  }
  return base
    .innerJoin(memberships, eq(memberships.communityId, communities.id))
    .where(
      and(
        ne(communities.id, excludeId),
        ne(communities.status, "closed"),
        eq(memberships.personId, actor.id),
        eq(memberships.role, "convenor"),
        eq(memberships.state, "active"),
      ),
    )
    .orderBy(asc(communities.name));
}
