import { and, desc, eq, isNull, or, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { type ReactionKind, reactionKinds, reactions, replies, threadFollows, threads } from "./tables.js";

export interface PostReactions {
  counts: Record<ReactionKind, number>;
  /** The kinds the viewer has given this post. */
  mine: ReactionKind[];
}

export const noReactions = (): PostReactions => ({
  counts: Object.fromEntries(reactionKinds.map((kind) => [kind, 0])) as Record<ReactionKind, number>,
  mine: [],
});

/**
 * Reactions on every post (the thread and its replies) of one thread, in one query, by post id.
 * The thread page calls this once; posts with no reactions are absent from the map.
 */
export async function reactionsForThread(
  db: Db,
  threadId: string,
  viewerId: string | null,
): Promise<Map<string, PostReactions>> {
  const rows = await db
    .select({
      postId: reactions.postId,
      kind: reactions.kind,
      count: sql<number>`count(*)::int`,
      mine: viewerId ? sql<boolean>`bool_or(${reactions.personId} = ${viewerId})` : sql<boolean>`false`,
    })
    .from(reactions)
    .where(eq(reactions.threadId, threadId))
    .groupBy(reactions.postId, reactions.kind);
  return collect(rows);
}

/** Reactions on one post (for the API and the htmx swap after a toggle). */
export async function reactionsForPost(
  db: Db,
  postId: string,
  viewerId: string | null,
): Promise<PostReactions> {
  const rows = await db
    .select({
      postId: reactions.postId,
      kind: reactions.kind,
      count: sql<number>`count(*)::int`,
      mine: viewerId ? sql<boolean>`bool_or(${reactions.personId} = ${viewerId})` : sql<boolean>`false`,
    })
    .from(reactions)
    .where(eq(reactions.postId, postId))
    .groupBy(reactions.postId, reactions.kind);
  return collect(rows).get(postId) ?? noReactions();
}

function collect(rows: { postId: string; kind: ReactionKind; count: number; mine: boolean }[]) {
  const byPost = new Map<string, PostReactions>();
  for (const row of rows) {
    if (!reactionKinds.includes(row.kind)) continue;
    let post = byPost.get(row.postId);
    if (!post) {
      post = noReactions();
      byPost.set(row.postId, post);
    }
    post.counts[row.kind] = Number(row.count);
    if (row.mine) post.mine.push(row.kind);
  }
  for (const post of byPost.values())
    post.mine.sort((a, b) => reactionKinds.indexOf(a) - reactionKinds.indexOf(b));
  return byPost;
}

/** Whether the person follows the thread. */
export async function isFollowing(db: Db, threadId: string, personId: string): Promise<boolean> {
  const [row] = await db
    .select({ threadId: threadFollows.threadId })
    .from(threadFollows)
    .where(and(eq(threadFollows.threadId, threadId), eq(threadFollows.personId, personId)));
  return Boolean(row);
}

/** A thread with the facts of its community that the rules need. */
export async function findThreadWithCommunity(db: Db, threadId: string) {
  const [row] = await db
    .select({ thread: threads, community: communities })
    .from(threads)
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .where(eq(threads.id, threadId));
  return row ?? null;
}
export type ThreadWithCommunity = NonNullable<Awaited<ReturnType<typeof findThreadWithCommunity>>>;

/** A reply of a thread, or null when it belongs to another thread or does not exist. */
export async function findReplyIn(db: Db, threadId: string, replyId: string) {
  const [row] = await db
    .select()
    .from(replies)
    .where(and(eq(replies.id, replyId), eq(replies.threadId, threadId)));
  return row ?? null;
}

/** A post (thread opening post or reply) by id, with its thread and community. */
export async function findPost(db: Db, postId: string) {
  const asThread = await findThreadWithCommunity(db, postId);
  if (asThread) {
    const { thread } = asThread;
    return {
      ...asThread,
      post: {
        id: thread.id,
        authorId: thread.authorId,
        isThread: true,
        hiddenAt: thread.hiddenAt,
        deletedAt: thread.deletedAt,
      },
    };
  }
  const [reply] = await db
    .select({ id: replies.id, threadId: replies.threadId })
    .from(replies)
    .where(eq(replies.id, postId));
  if (!reply) return null;
  const found = await findThreadWithCommunity(db, reply.threadId);
  const full = await findReplyIn(db, reply.threadId, reply.id);
  if (!found || !full) return null;
  return {
    ...found,
    post: {
      id: full.id,
      authorId: full.authorId,
      isThread: false,
      hiddenAt: full.hiddenAt,
      deletedAt: full.deletedAt,
    },
  };
}
export type FoundPost = NonNullable<Awaited<ReturnType<typeof findPost>>>;

export interface FollowedThread {
  threadId: string;
  title: string;
  kind: string;
  replyCount: number;
  answered: boolean;
  lastActivityAt: Date;
  communitySlug: string;
  communityName: string;
}

/**
 * Threads the person follows, latest activity first, keyset-paginated. Threads they can no
 * longer read (hidden, deleted, or in a members-only community they have left) are left out.
 */
export async function followedThreads(
  db: Db,
  personId: string,
  cursor: Cursor | null,
  limit = 20,
): Promise<Page<FollowedThread>> {
  const readable = or(
    eq(communities.contentAccess, "staff"),
    sql`exists (select 1 from ${memberships} where ${memberships.communityId} = ${communities.id} and ${memberships.personId} = ${personId} and ${memberships.state} in ('active', 'on_break'))`,
  );
  let position: SQL | undefined;
  if (cursor && typeof cursor.key === "string") {
    const at = new Date(cursor.key);
    if (!Number.isNaN(at.getTime())) {
      const key = sql`(${threads.lastActivityAt}, ${threads.id})`;
      position =
        cursor.direction === "after"
          ? sql`${key} < (${at.toISOString()}::timestamptz, ${cursor.id})`
          : sql`${key} > (${at.toISOString()}::timestamptz, ${cursor.id})`;
    }
  }
  const backwards = cursor?.direction === "before";
  const rows = await db
    .select({
      threadId: threads.id,
      title: threads.title,
      kind: threads.kind,
      replyCount: threads.replyCount,
      acceptedReplyId: threads.acceptedReplyId,
      lastActivityAt: threads.lastActivityAt,
      communitySlug: communities.slug,
      communityName: communities.name,
    })
    .from(threadFollows)
    .innerJoin(threads, eq(threads.id, threadFollows.threadId))
    .innerJoin(communities, eq(communities.id, threads.communityId))
    .where(
      and(
        eq(threadFollows.personId, personId),
        isNull(threads.hiddenAt),
        isNull(threads.deletedAt),
        readable,
        position,
      ),
    )
    .orderBy(
      ...(backwards
        ? [threads.lastActivityAt, threads.id]
        : [desc(threads.lastActivityAt), desc(threads.id)]),
    )
    .limit(limit + 1);
  return toPage(
    rows.map(({ acceptedReplyId, ...row }) => ({ ...row, answered: acceptedReplyId !== null })),
    { limit, cursor, keyOf: (row) => ({ key: row.lastActivityAt.toISOString(), id: row.threadId }) },
  );
}
