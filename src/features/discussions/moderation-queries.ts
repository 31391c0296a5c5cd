import { and, asc, count, desc, eq, inArray, ne, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import type { PersonActor } from "../../platform/policy.js";
import { isProgrammeTeam } from "../../platform/policy.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { people } from "../people/tables.js";
import { type FlagReason, type FlagStatus, flags, replies, threads } from "./tables.js";

export type QueueStatus = "open" | "resolved";
/** Reported posts per page of a community's queue, and communities per page of the overview. */
export const queueLimit = 50;
export const overviewLimit = 50;

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

const postgresTimestamp = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:\d{2})?|Z)$/;

/**
 * A community's reported posts, grouped by post, a page at a time: open reports with the
 * longest-waiting post first (a queue), or dealt-with reports with the latest decision first.
 * Keyset paging on the post's key (its oldest open report, or its latest decision) and id; the key
 * travels as Postgres text so microseconds survive the round trip. A fixed number of queries.
 */
export async function moderationQueue(
  db: Db,
  communityId: string,
  status: QueueStatus,
  given: Cursor | null = null,
  limit = queueLimit,
): Promise<Page<QueueItem>> {
  // A cursor whose key is not a timestamp (made by hand) is the first page, never a failed query.
  const cursor = given && postgresTimestamp.test(String(given.key)) ? given : null;
  const open = status === "open";
  const keyOf = open
    ? sql`min(${flags.createdAt})`
    : sql`coalesce(max(${flags.resolvedAt}), max(${flags.createdAt}))`;
  // Forward through the open queue is ascending, through the dealt-with list descending; back is the reverse.
  const ascending = open === (cursor?.direction !== "before");
  let after: SQL | undefined;
  if (cursor) {
    const key = sql`${String(cursor.key)}::timestamptz`;
    after = ascending
      ? sql`(${keyOf} > ${key} or (${keyOf} = ${key} and ${flags.postId} > ${cursor.id}))`
      : sql`(${keyOf} < ${key} or (${keyOf} = ${key} and ${flags.postId} < ${cursor.id}))`;
  }
  const statusIs = open ? eq(flags.status, "open") : ne(flags.status, "open");
  const groups = await db
    .select({
      postId: flags.postId,
      threadId: sql<string>`min(${flags.threadId})`,
      key: sql<string>`(${keyOf})::text`,
    })
    .from(flags)
    .where(and(eq(flags.communityId, communityId), statusIs))
    .groupBy(flags.postId)
    .having(after)
    .orderBy(...(ascending ? [asc(keyOf), asc(flags.postId)] : [desc(keyOf), desc(flags.postId)]))
    .limit(limit + 1);
  const page = toPage(groups, { limit, cursor, keyOf: (group) => ({ key: group.key, id: group.postId }) });
  if (page.items.length === 0) return { ...page, items: [] };

  const postIds = page.items.map((group) => group.postId);
  const flagRows = await db
    .select({
      id: flags.id,
      postId: flags.postId,
      reason: flags.reason,
      note: flags.note,
      status: flags.status,
      createdAt: flags.createdAt,
      resolvedAt: flags.resolvedAt,
      reporterName: people.name,
    })
    .from(flags)
    .leftJoin(people, eq(people.id, flags.reporterId))
    .where(and(eq(flags.communityId, communityId), statusIs, inArray(flags.postId, postIds)))
    .orderBy(...(open ? [asc(flags.createdAt), asc(flags.id)] : [desc(flags.resolvedAt), desc(flags.id)]));
  const flagsByPost = new Map<string, QueueFlag[]>();
  for (const row of flagRows) {
    const list = flagsByPost.get(row.postId) ?? [];
    list.push(row);
    flagsByPost.set(row.postId, list);
  }

  const threadIds = [...new Set(page.items.map((group) => group.threadId))];
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
  for (const group of page.items) {
    const { postId } = group;
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
      flags: flagsByPost.get(postId) ?? [],
    });
  }
  return { ...page, items };
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

export interface OverviewRow {
  slug: string;
  name: string;
  open: number;
  posts: number;
  oldest: Date;
}

/**
 * Open reports per community for the programme team's overview, most reports first, a page at a
 * time: keyset on (number of open reports, slug).
 */
export async function openFlagsByCommunity(
  db: Db,
  given: Cursor | null = null,
  limit = overviewLimit,
): Promise<Page<OverviewRow>> {
  const cursor = given && Number.isInteger(given.key) ? given : null;
  const open = count(flags.id);
  // Forward is most reports first; back is the reverse.
  const forward = cursor?.direction !== "before";
  let after: SQL | undefined;
  if (cursor) {
    const key = Number(cursor.key);
    after = forward
      ? sql`(${open} < ${key} or (${open} = ${key} and ${communities.slug} > ${cursor.id}))`
      : sql`(${open} > ${key} or (${open} = ${key} and ${communities.slug} < ${cursor.id}))`;
  }
  const rows = await db
    .select({
      slug: communities.slug,
      name: communities.name,
      open: sql<number>`count(${flags.id})`.mapWith(Number),
      posts: sql<number>`count(distinct ${flags.postId})`.mapWith(Number),
      oldest: sql<Date>`min(${flags.createdAt})`.mapWith((value) => new Date(value)),
    })
    .from(flags)
    .innerJoin(communities, eq(communities.id, flags.communityId))
    .where(eq(flags.status, "open"))
    .groupBy(communities.id, communities.slug, communities.name)
    .having(after)
    .orderBy(...(forward ? [desc(open), asc(communities.slug)] : [asc(open), desc(communities.slug)]))
    .limit(limit + 1);
  return toPage(rows, { limit, cursor, keyOf: (row) => ({ key: row.open, id: row.slug }) });
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
