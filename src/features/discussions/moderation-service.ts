import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, conflict, forbidden, notFound } from "../../platform/errors.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { memberships } from "../memberships/tables.js";
import { notify } from "../notifications/service.js";
import type { FlagInput } from "./moderation-inputs.js";
import { postFlagged, postHidden, postUnhidden, threadMoved } from "./moderation-notifications.js";
import { flags, replies, threads } from "./tables.js";
import "./moderation-policy.js";

/** A thread's opening post or a reply, as moderation sees it. */
export interface ModeratedPost {
  kind: "thread" | "reply";
  id: string;
  threadId: string;
  communityId: string;
  authorId: string | null;
  title: string;
  body: string;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  deletedAt: Date | null;
}

export const threadPath = (slug: string, threadId: string) => `/communities/${slug}/discussions/${threadId}`;
export const queuePath = (slug: string) => `/communities/${slug}/moderation`;

/** The thread or reply with this id, or null. */
export async function findPost(db: Db, postId: string): Promise<ModeratedPost | null> {
  const [thread] = await db.select().from(threads).where(eq(threads.id, postId));
  if (thread) return { ...thread, kind: "thread", threadId: thread.id };
  const [reply] = await db
    .select({ reply: replies, title: threads.title })
    .from(replies)
    .innerJoin(threads, eq(threads.id, replies.threadId))
    .where(eq(replies.id, postId));
  if (!reply) return null;
  return { ...reply.reply, kind: "reply", title: reply.title };
}

/**
 * The post, checked to belong to the thread and the community in the address. Deleted posts and
 * (for people who are not moderators) hidden ones are not found.
 */
export async function postIn(
  db: Db,
  community: { id: string },
  threadId: string,
  postId: string,
  options: { includeHidden: boolean },
): Promise<ModeratedPost> {
  const post = await findPost(db, postId);
  if (!post || post.threadId !== threadId || post.communityId !== community.id || post.deletedAt)
    throw notFound("post");
  if (post.hiddenAt && !options.includeHidden) throw notFound("post");
  return post;
}

export async function threadIn(db: Db, community: { id: string }, threadId: string) {
  const [thread] = await db.select().from(threads).where(eq(threads.id, threadId));
  if (!thread || thread.communityId !== community.id || thread.deletedAt) throw notFound("thread");
  return thread;
}

function assertWritable(community: CommunityTarget) {
  if (community.status === "closed")
    throw forbidden(`${community.name} has closed. Its pages stay readable but nothing can be changed.`);
}

async function activeConvenors(tx: Db, communityId: string) {
  const rows = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.role, "convenor"),
        eq(memberships.state, "active"),
      ),
    );
  return rows.map((row) => row.personId);
}

/**
 * Reports a post to the community's moderators. Anyone who can read it may, except its author;
 * one open report per person per post. The convenors are told (reports collapse per community).
 */
export async function flagPost(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  post: ModeratedPost,
  input: FlagInput,
  now = new Date(),
) {
  authorize(actor, "discussion.flag", community);
  if (post.communityId !== community.id || post.deletedAt) throw notFound("post");
  if (post.authorId === actor.id)
    throw forbidden("You cannot report your own post. Edit or delete it instead.");
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: flags.id })
      .from(flags)
      .where(and(eq(flags.postId, post.id), eq(flags.reporterId, actor.id), eq(flags.status, "open")));
    if (existing) throw conflict("You have already reported this post. The moderators will look at it.");
    const [flag] = await tx
      .insert(flags)
      .values({
        postId: post.id,
        threadId: post.threadId,
        communityId: community.id,
        reporterId: actor.id,
        reason: input.reason,
        note: input.note,
        createdAt: now,
      })
      .returning();
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "post.flagged",
      object: { type: post.kind, id: post.id },
      communityId: community.id,
      data: { reason: input.reason, flagId: flag!.id },
      at: now,
    });
    for (const convenorId of await activeConvenors(tx, community.id)) {
      if (convenorId === actor.id) continue;
      await notify(tx, {
        recipientId: convenorId,
        kind: postFlagged.kind,
        title: `A post was reported in ${community.name}`,
        url: queuePath(community.slug),
        communityId: community.id,
        dedupeKey: `${postFlagged.kind}:${community.id}`,
        data: { communityName: community.name },
      });
    }
    return flag!;
  });
}

function tableOf(post: ModeratedPost) {
  return post.kind === "thread" ? threads : replies;
}

async function resolveFlags(
  tx: Db,
  actor: PersonActor,
  postId: string,
  status: "resolved" | "dismissed",
  now: Date,
) {
  return tx
    .update(flags)
    .set({ status, resolvedById: actor.id, resolvedAt: now })
    .where(and(eq(flags.postId, postId), eq(flags.status, "open")))
    .returning({ id: flags.id });
}

/** Hides a post from everyone but moderators, resolves its open reports and tells its author why. */
export async function hidePost(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  post: ModeratedPost,
  reason: string,
  now = new Date(),
) {
  authorize(actor, "discussion.moderate", community);
  assertWritable(community);
  if (post.communityId !== community.id || post.deletedAt) throw notFound("post");
  if (post.hiddenAt) throw conflict("This post is already hidden.");
  await db.transaction(async (tx) => {
    const table = tableOf(post);
    await tx
      .update(table)
      .set({ hiddenAt: now, hiddenById: actor.id, hiddenReason: reason })
      .where(eq(table.id, post.id));
    const resolved = await resolveFlags(tx, actor, post.id, "resolved", now);
    await logModeration(tx, actor, "post.hidden", { type: post.kind, id: post.id }, community.id, now, {
      reason,
      auditData: { threadId: post.threadId, flagsResolved: resolved.length },
    });
    if (post.authorId && post.authorId !== actor.id) {
      await notify(tx, {
        recipientId: post.authorId,
        kind: postHidden.kind,
        title:
          post.kind === "thread"
            ? `A moderator hid your thread “${post.title}” in ${community.name}`
            : `A moderator hid your reply in “${post.title}” in ${community.name}`,
        body: `The reason given: ${reason}`,
        url: threadPath(community.slug, post.threadId),
        dedupeKey: `${postHidden.kind}:${post.id}`,
        data: { reason },
      });
    }
  });
}

/** Shows a hidden post again and tells its author, if they can still read the community. */
export async function unhidePost(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  post: ModeratedPost,
  now = new Date(),
) {
  authorize(actor, "discussion.moderate", community);
  assertWritable(community);
  if (post.communityId !== community.id || post.deletedAt) throw notFound("post");
  if (!post.hiddenAt) throw conflict("This post is not hidden.");
  await db.transaction(async (tx) => {
    const table = tableOf(post);
    await tx
      .update(table)
      .set({ hiddenAt: null, hiddenById: null, hiddenReason: null })
      .where(eq(table.id, post.id));
    await logModeration(tx, actor, "post.unhidden", { type: post.kind, id: post.id }, community.id, now, {
      auditData: { threadId: post.threadId },
    });
    if (post.authorId && post.authorId !== actor.id) {
      await notify(tx, {
        recipientId: post.authorId,
        kind: postUnhidden.kind,
        title:
          post.kind === "thread"
            ? `A moderator showed your thread “${post.title}” in ${community.name} again`
            : `A moderator showed your reply in “${post.title}” in ${community.name} again`,
        url:
          post.kind === "thread"
            ? threadPath(community.slug, post.threadId)
            : `${threadPath(community.slug, post.threadId)}#reply-${post.id}`,
        dedupeKey: `${postUnhidden.kind}:${post.id}`,
        visibleIf: { action: "community.viewContent", target: community },
      });
    }
  });
}

/** Closes a post's open reports without acting on the post. Returns how many were dismissed. */
export async function dismissFlags(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  postId: string,
  now = new Date(),
): Promise<number> {
  authorize(actor, "discussion.moderate", community);
  assertWritable(community);
  return db.transaction(async (tx) => {
    const dismissed = await tx
      .update(flags)
      .set({ status: "dismissed", resolvedById: actor.id, resolvedAt: now })
      .where(and(eq(flags.postId, postId), eq(flags.communityId, community.id), eq(flags.status, "open")))
      .returning({ id: flags.id });
    if (dismissed.length === 0) return 0;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "flags.dismissed",
      target: { type: "post", id: postId },
      communityId: community.id,
      data: { flags: dismissed.map((row) => row.id) },
    });
    return dismissed.length;
  });
}

/** Dismisses one report by its id (the API). */
export async function dismissFlag(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  flagId: string,
  now = new Date(),
) {
  authorize(actor, "discussion.moderate", community);
  assertWritable(community);
  return db.transaction(async (tx) => {
    const [flag] = await tx
      .update(flags)
      .set({ status: "dismissed", resolvedById: actor.id, resolvedAt: now })
      .where(and(eq(flags.id, flagId), eq(flags.communityId, community.id), eq(flags.status, "open")))
      .returning();
    if (!flag) throw conflict("This report has already been dealt with.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "flags.dismissed",
      target: { type: "post", id: flag.postId },
      communityId: community.id,
      data: { flags: [flag.id] },
    });
    return flag;
  });
}

type ThreadRow = typeof threads.$inferSelect;

/** Locks (no new replies) or unlocks a thread. Returns whether anything changed. */
export async function setLocked(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  thread: ThreadRow,
  locked: boolean,
  now = new Date(),
): Promise<boolean> {
  return setThreadMark(db, actor, community, thread, "lock", locked, now);
}

/** Pins (shown first in lists) or unpins a thread. Returns whether anything changed. */
export async function setPinned(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  thread: ThreadRow,
  pinned: boolean,
  now = new Date(),
): Promise<boolean> {
  return setThreadMark(db, actor, community, thread, "pin", pinned, now);
}

async function setThreadMark(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  thread: ThreadRow,
  mark: "lock" | "pin",
  on: boolean,
  now: Date,
) {
  authorize(actor, "discussion.moderate", community);
  assertWritable(community);
  if (thread.communityId !== community.id || thread.deletedAt) throw notFound("thread");
  const column = mark === "lock" ? threads.lockedAt : threads.pinnedAt;
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(threads)
      .set(mark === "lock" ? { lockedAt: on ? now : null } : { pinnedAt: on ? now : null })
      .where(and(eq(threads.id, thread.id), on ? isNull(column) : isNotNull(column)))
      .returning({ id: threads.id });
    if (changed.length === 0) return false;
    const verb = `thread.${on ? "" : "un"}${mark === "lock" ? "locked" : "pinned"}`;
    await logModeration(tx, actor, verb, { type: "thread", id: thread.id }, community.id, now);
    return true;
  });
}

/**
 * Moves a thread, its replies and its reports to another community the moderator also moderates,
 * in one transaction, and tells the author where it went.
 */
export async function moveThread(
  db: Db,
  actor: PersonActor,
  from: CommunityTarget,
  thread: ThreadRow,
  to: CommunityTarget,
  now = new Date(),
) {
  authorize(actor, "discussion.moderate", from);
  assertWritable(from);
  if (thread.communityId !== from.id || thread.deletedAt) throw notFound("thread");
  if (to.id === from.id)
    throw new AppError(
      422,
      "same_community",
      `The thread is already in ${from.name}. Choose another community.`,
      {
        field: "community",
      },
    );
  authorize(actor, "discussion.moderate", to);
  if (to.status === "closed")
    throw new AppError(422, "closed_community", `${to.name} has closed and cannot take new threads.`, {
      field: "community",
    });
  await db.transaction(async (tx) => {
    await tx.update(threads).set({ communityId: to.id }).where(eq(threads.id, thread.id));
    await tx.update(replies).set({ communityId: to.id }).where(eq(replies.threadId, thread.id));
    await tx.update(flags).set({ communityId: to.id }).where(eq(flags.threadId, thread.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "thread.moved",
      object: { type: "thread", id: thread.id },
      communityId: to.id,
      data: { from: from.id, to: to.id },
      at: now,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "thread.moved",
      target: { type: "thread", id: thread.id },
      communityId: from.id,
      data: { from: from.slug, to: to.slug },
    });
    if (thread.authorId && thread.authorId !== actor.id) {
      await notify(tx, {
        recipientId: thread.authorId,
        kind: threadMoved.kind,
        title: `A moderator moved your thread “${thread.title}” from ${from.name} to ${to.name}`,
        url: threadPath(to.slug, thread.id),
        dedupeKey: `${threadMoved.kind}:${thread.id}`,
        communityId: to.id,
      });
    }
  });
}

/** Ids of the posts among these that have open reports (for marking them on the thread page). */
export async function postsWithOpenFlags(db: Db, postIds: string[]): Promise<Set<string>> {
  if (postIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ postId: flags.postId })
    .from(flags)
    .where(and(inArray(flags.postId, postIds), eq(flags.status, "open")));
  return new Set(rows.map((row) => row.postId));
}

/** A moderation act goes to both logs: the activity log (metrics) and the audit log (accountability). */
async function logModeration(
  tx: Db,
  actor: PersonActor,
  verb: string,
  object: { type: string; id: string },
  communityId: string,
  now: Date,
  extra: { reason?: string; auditData?: Record<string, unknown> } = {},
) {
  await recordActivity(tx, { actorId: actor.id, verb, object, communityId, at: now });
  await recordAudit(tx, {
    actorId: actor.id,
    action: verb,
    target: object,
    communityId,
    reason: extra.reason,
    data: extra.auditData,
  });
}
