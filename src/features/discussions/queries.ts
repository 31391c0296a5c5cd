import {
  type AnyColumn,
  aliasedTable,
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
} from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Cursor, Page } from "../../platform/http/pagination.js";
import { toPage } from "../../platform/http/pagination.js";
import { communities } from "../communities/tables.js";
import { people } from "../people/tables.js";
import type { ListFilter, ListSort } from "./inputs.js";
import { postRevisions, replies, threads } from "./tables.js";

/** Handles that a post's body mentions and that belong to real people, computed by the database in the same query. */
const mentionedIn = (column: typeof threads.body | typeof replies.body) =>
  sql<
    string[]
  >`(select coalesce(array_agg(mp.handle), '{}'::text[]) from people mp where mp.handle in (select lower(m[1]) from regexp_matches(${column}, '@([a-zA-Z0-9][a-zA-Z0-9-]{0,62})', 'g') as m))`;

const listColumns = {
  id: threads.id,
  communityId: threads.communityId,
  kind: threads.kind,
  title: threads.title,
  tags: threads.tags,
  replyCount: threads.replyCount,
  acceptedReplyId: threads.acceptedReplyId,
  lastActivityAt: threads.lastActivityAt,
  createdAt: threads.createdAt,
  pinnedAt: threads.pinnedAt,
  lockedAt: threads.lockedAt,
  hiddenAt: threads.hiddenAt,
  authorName: people.name,
  authorHandle: people.handle,
};

export type ThreadListItem = Awaited<ReturnType<typeof listThreads>>["items"][number];

// The list indexes are `desc nulls last` (Drizzle's default for .desc()); a plain `desc` sorts nulls
// first, so PostgreSQL could not read them in order and sorted every thread of the community.
const newestFirst = (...columns: AnyColumn[]) => columns.map((column) => sql`${column} desc nulls last`);
const oldestFirst = (...columns: AnyColumn[]) => columns.map((column) => sql`${column} asc nulls first`);

/**
 * A community's threads, newest or latest activity first, pinned threads on top of the first page.
 * Deleted threads are never listed; hidden ones only for moderators.
 */
export async function listThreads(
  db: Db,
  communityId: string,
  options: { show: ListFilter; sort: ListSort; cursor: Cursor | null; limit?: number; moderator: boolean },
) {
  const limit = options.limit ?? 20;
  const sortColumn = options.sort === "newest" ? threads.createdAt : threads.lastActivityAt;
  const conditions = [eq(threads.communityId, communityId), isNull(threads.deletedAt)];
  if (!options.moderator) conditions.push(isNull(threads.hiddenAt));
  if (options.show === "questions") conditions.push(eq(threads.kind, "question"));
  if (options.show === "discussions") conditions.push(eq(threads.kind, "discussion"));
  if (options.show === "announcements") conditions.push(eq(threads.kind, "announcement"));
  if (options.show === "unanswered")
    conditions.push(eq(threads.kind, "question"), isNull(threads.acceptedReplyId));
  const cursor = options.cursor;
  // Pinned threads sit above the others on the first page; the pages that follow hold the rest.
  const pinned =
    cursor === null
      ? await db
          .select(listColumns)
          .from(threads)
          .leftJoin(people, eq(people.id, threads.authorId))
          .where(and(...conditions, isNotNull(threads.pinnedAt)))
          .orderBy(sql`${threads.pinnedAt} desc nulls last`)
          .limit(10)
      : [];
  conditions.push(isNull(threads.pinnedAt));
  if (cursor) {
    const key = new Date(Number(cursor.key));
    const before = cursor.direction === "after";
    conditions.push(
      before
        ? or(lt(sortColumn, key), and(eq(sortColumn, key), lt(threads.id, cursor.id)))!
        : or(sql`${sortColumn} > ${key}`, and(eq(sortColumn, key), sql`${threads.id} > ${cursor.id}`))!,
    );
  }
  const goingBack = cursor?.direction === "before";
  const rows = await db
    .select(listColumns)
    .from(threads)
    .leftJoin(people, eq(people.id, threads.authorId))
    .where(and(...conditions))
    .orderBy(...(goingBack ? oldestFirst(sortColumn, threads.id) : newestFirst(sortColumn, threads.id)))
    .limit(limit + 1);
  const page = toPage(rows, {
    limit,
    cursor,
    keyOf: (row) => ({
      key: (options.sort === "newest" ? row.createdAt : row.lastActivityAt).getTime(),
      id: row.id,
    }),
  });
  return { ...page, items: [...pinned, ...page.items] };
}

/** Unanswered questions, newest first, across the given communities (the person's own). */
export async function unansweredAcross(db: Db, communityIds: string[], cursor: Cursor | null, limit = 20) {
  if (communityIds.length === 0) return { items: [], next: null, previous: null } as Page<never>;
  const conditions = [
    inArray(threads.communityId, communityIds),
    eq(threads.kind, "question"),
    isNull(threads.acceptedReplyId),
    isNull(threads.deletedAt),
    isNull(threads.hiddenAt),
  ];
  if (cursor) {
    const key = new Date(Number(cursor.key));
    conditions.push(
      cursor.direction === "after"
        ? or(lt(threads.createdAt, key), and(eq(threads.createdAt, key), lt(threads.id, cursor.id)))!
        : or(
            sql`${threads.createdAt} > ${key}`,
            and(eq(threads.createdAt, key), sql`${threads.id} > ${cursor.id}`),
          )!,
    );
  }
  const goingBack = cursor?.direction === "before";
  const rows = await db
    .select({ ...listColumns, communityName: communities.name, communitySlug: communities.slug })
    .from(threads)
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .leftJoin(people, eq(people.id, threads.authorId))
    .where(and(...conditions))
    .orderBy(
      ...(goingBack
        ? oldestFirst(threads.createdAt, threads.id)
        : newestFirst(threads.createdAt, threads.id)),
    )
    .limit(limit + 1);
  return toPage(rows, { limit, cursor, keyOf: (row) => ({ key: row.createdAt.getTime(), id: row.id }) });
}

/**
 * One thread of a community, with its author, the handles it mentions, and whether the viewer
 * follows it. With `viewedAt`, the same statement records `thread.viewed` for the viewer, at most
 * once per person, thread and (UTC) day, through a data-modifying CTE, so reading costs one query.
 */
export async function findThread(
  db: Db,
  communityId: string,
  threadId: string,
  viewerId: string | null,
  viewedAt?: Date,
) {
  const columns = {
    thread: threads,
    authorName: people.name,
    authorHandle: people.handle,
    mentions: mentionedIn(threads.body),
    following: viewerId
      ? sql<boolean>`exists (select 1 from thread_follows f where f.thread_id = ${threads.id} and f.person_id = ${viewerId})`
      : sql<boolean>`false`,
  };
  const where = and(eq(threads.id, threadId), eq(threads.communityId, communityId));
  let query = db.select(columns).from(threads).leftJoin(people, eq(people.id, threads.authorId)).where(where);
  if (viewerId && viewedAt) {
    const dayStart = new Date(
      Date.UTC(viewedAt.getUTCFullYear(), viewedAt.getUTCMonth(), viewedAt.getUTCDate()),
    );
    const viewed = db.$with("viewed", { n: sql<number>`n` }).as(sql`
      insert into activity_events (actor_id, verb, object_type, object_id, community_id, occurred_at)
      select ${viewerId}, 'thread.viewed', 'thread', t.id, t.community_id, ${viewedAt}
      from threads t
      where t.id = ${threadId} and t.community_id = ${communityId} and t.deleted_at is null and t.hidden_at is null
        and not exists (
          select 1 from activity_events e
          where e.actor_id = ${viewerId} and e.verb = 'thread.viewed' and e.object_id = ${threadId}
            and e.occurred_at >= ${dayStart}
        )
      returning 1 as n`);
    query = db
      .with(viewed)
      .select(columns)
      .from(threads)
      .leftJoin(people, eq(people.id, threads.authorId))
      .where(where) as unknown as typeof query;
  }
  const rows = await query;
  return rows[0] ?? null;
}

export type ThreadRow = NonNullable<Awaited<ReturnType<typeof findThread>>>;

/** A thread by id alone (for the API), with its author. */
export async function threadById(db: Db, threadId: string) {
  const rows = await db
    .select({ thread: threads, authorName: people.name, authorHandle: people.handle })
    .from(threads)
    .leftJoin(people, eq(people.id, threads.authorId))
    .where(eq(threads.id, threadId));
  return rows[0] ?? null;
}

/** Replies of a thread in order, with their authors and mentioned handles, in one query. */
export async function repliesOf(db: Db, threadId: string, options: { after?: string; limit?: number } = {}) {
  const limit = options.limit ?? 1000;
  const conditions = [eq(replies.threadId, threadId)];
  if (options.after) {
    conditions.push(
      sql`(${replies.createdAt}, ${replies.id}) > (select r2.created_at, r2.id from replies r2 where r2.id = ${options.after})`,
    );
  }
  return db
    .select({
      reply: replies,
      authorName: people.name,
      authorHandle: people.handle,
      mentions: mentionedIn(replies.body),
    })
    .from(replies)
    .leftJoin(people, eq(people.id, replies.authorId))
    .where(and(...conditions))
    .orderBy(asc(replies.createdAt), asc(replies.id))
    .limit(limit);
}

export type ReplyRow = Awaited<ReturnType<typeof repliesOf>>[number];

/** One reply with its thread. */
export async function findReply(db: Db, replyId: string) {
  const rows = await db
    .select({ reply: replies, thread: threads })
    .from(replies)
    .innerJoin(threads, eq(threads.id, replies.threadId))
    .where(eq(replies.id, replyId));
  return rows[0] ?? null;
}

/** Earlier versions of a post, newest first, with who made each change. */
export async function revisionsOf(db: Db, postId: string) {
  const editors = aliasedTable(people, "editors");
  return db
    .select({
      id: postRevisions.id,
      title: postRevisions.title,
      body: postRevisions.body,
      createdAt: postRevisions.createdAt,
      editorName: editors.name,
      editorHandle: editors.handle,
    })
    .from(postRevisions)
    .leftJoin(editors, eq(editors.id, postRevisions.editorId))
    .where(eq(postRevisions.postId, postId))
    .orderBy(desc(postRevisions.createdAt), desc(postRevisions.id))
    .limit(200);
}
