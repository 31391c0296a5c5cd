import { and, eq, ne, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import { authorize, decide, type PersonActor } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { notify } from "../notifications/service.js";
import type { ReplyInput, ThreadEditInput, ThreadInput } from "./inputs.js";
import { mentionedHandles, peopleByHandle } from "./mentions.js";
import { mentioned, newReply } from "./notifications.js";
import { postRevisions, replies, threadFollows, threads } from "./tables.js";
import "./notifications.js";
import "./policy.js";

type Thread = typeof threads.$inferSelect;
type Reply = typeof replies.$inferSelect;

export const threadUrl = (community: { slug: string }, threadId: string) =>
  `/communities/${community.slug}/discussions/${threadId}`;

/** Starts a thread; the author follows it. Announcements need a convenor or core member (422 otherwise). */
export async function startThread(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  input: ThreadInput,
  now = new Date(),
): Promise<Thread> {
  authorize(actor, "discussion.start", community);
  if (input.kind === "announcement") {
    const decision = decide(actor, "discussion.announce", community);
    if (!decision.allowed)
      throw new AppError(422, "announcement_refused", decision.reason, { field: "kind" });
  }
  return db.transaction(async (tx) => {
    const [thread] = await tx
      .insert(threads)
      .values({
        communityId: community.id,
        authorId: actor.id,
        kind: input.kind,
        title: input.title,
        body: input.body,
        tags: input.tags,
        lastActivityAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(threadFollows).values({ threadId: thread!.id, personId: actor.id }).onConflictDoNothing();
    await tx.update(communities).set({ lastActivityAt: now }).where(eq(communities.id, community.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "thread.created",
      object: { type: "thread", id: thread!.id },
      communityId: community.id,
      data: { kind: input.kind, title: input.title },
      at: now,
    });
    await notifyMentions(tx, actor, community, thread!, [input.title, input.body], []);
    return thread!;
  });
}

/** Adds a reply; counters and activity times change in the same transaction; followers hear of it. */
export async function replyToThread(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  thread: Thread,
  input: ReplyInput,
  now = new Date(),
): Promise<Reply> {
  authorize(actor, "discussion.reply", { community, locked: thread.lockedAt !== null });
  if (thread.deletedAt || thread.hiddenAt)
    throw new AppError(403, "forbidden", "This thread is no longer open for replies.");
  return db.transaction(async (tx) => {
    let inReplyToId: string | null = null;
    if (input.inReplyToId) {
      const [target] = await tx
        .select({ id: replies.id })
        .from(replies)
        .where(and(eq(replies.id, input.inReplyToId), eq(replies.threadId, thread.id)));
      if (!target)
        throw new AppError(422, "unknown_reply", "The reply you are answering is not in this thread.", {
          field: "inReplyToId",
        });
      inReplyToId = target.id;
    }
    const [reply] = await tx
      .insert(replies)
      .values({
        threadId: thread.id,
        communityId: community.id,
        authorId: actor.id,
        body: input.body,
        inReplyToId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx
      .update(threads)
      .set({
        replyCount: sql`${threads.replyCount} + 1`,
        lastActivityAt: now,
        firstReplyAt: sql`coalesce(${threads.firstReplyAt}, ${now})`,
      })
      .where(eq(threads.id, thread.id));
    await tx.update(communities).set({ lastActivityAt: now }).where(eq(communities.id, community.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "reply.created",
      object: { type: "reply", id: reply!.id },
      communityId: community.id,
      data: { threadId: thread.id },
      at: now,
    });
    const told = await notifyMentions(tx, actor, community, thread, [input.body], [], reply!.id);
    const followers = await tx
      .select({ personId: threadFollows.personId })
      .from(threadFollows)
      .where(and(eq(threadFollows.threadId, thread.id), ne(threadFollows.personId, actor.id)));
    for (const follower of followers) {
      if (told.has(follower.personId)) continue;
      await notify(tx, {
        recipientId: follower.personId,
        kind: newReply.kind,
        title: `${actor.name} replied in “${thread.title}”`,
        url: `${threadUrl(community, thread.id)}#reply-${reply!.id}`,
        dedupeKey: `${newReply.kind}:${thread.id}`,
        communityId: community.id,
        visibleIf: { action: "community.viewContent", target: community },
        data: { threadTitle: thread.title },
      });
    }
    return reply!;
  });
}

/** Edits the opening post: the earlier text is kept as a revision. */
export async function editThread(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  thread: Thread,
  input: ThreadEditInput,
  now = new Date(),
) {
  authorize(actor, "discussion.editOwn", { community, authorId: thread.authorId });
  if (thread.deletedAt) throw new AppError(409, "conflict", "This post was deleted and cannot be edited.");
  await db.transaction(async (tx) => {
    await tx.insert(postRevisions).values({
      postId: thread.id,
      title: thread.title,
      body: thread.body,
      editorId: actor.id,
      createdAt: now,
    });
    await tx
      .update(threads)
      .set({ title: input.title, body: input.body, tags: input.tags, editedAt: now, updatedAt: now })
      .where(eq(threads.id, thread.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "thread.edited",
      object: { type: "thread", id: thread.id },
      communityId: community.id,
      at: now,
    });
    await notifyMentions(
      tx,
      actor,
      community,
      thread,
      [input.title, input.body],
      [thread.title, thread.body],
    );
  });
}

/** Edits a reply: the earlier text is kept as a revision. */
export async function editReply(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  thread: Thread,
  reply: Reply,
  body: string,
  now = new Date(),
) {
  authorize(actor, "discussion.editOwn", { community, authorId: reply.authorId });
  if (reply.deletedAt) throw new AppError(409, "conflict", "This reply was deleted and cannot be edited.");
  await db.transaction(async (tx) => {
    await tx
      .insert(postRevisions)
      .values({ postId: reply.id, body: reply.body, editorId: actor.id, createdAt: now });
    await tx.update(replies).set({ body, editedAt: now, updatedAt: now }).where(eq(replies.id, reply.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "reply.edited",
      object: { type: "reply", id: reply.id },
      communityId: community.id,
      data: { threadId: thread.id },
      at: now,
    });
    await notifyMentions(tx, actor, community, thread, [body], [reply.body], reply.id);
  });
}

/** Deletes the author's own thread: it stays as a tombstone so its replies remain readable. */
export async function deleteThread(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  thread: Thread,
  now = new Date(),
) {
  authorize(actor, "discussion.deleteOwn", { community, authorId: thread.authorId });
  if (thread.deletedAt) return;
  await db.transaction(async (tx) => {
    await tx.update(threads).set({ deletedAt: now, updatedAt: now }).where(eq(threads.id, thread.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "thread.deleted",
      object: { type: "thread", id: thread.id },
      communityId: community.id,
      at: now,
    });
  });
}

/** Deletes the author's own reply, leaving a tombstone. */
export async function deleteReply(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  reply: Reply,
  now = new Date(),
) {
  authorize(actor, "discussion.deleteOwn", { community, authorId: reply.authorId });
  if (reply.deletedAt) return;
  await db.transaction(async (tx) => {
    await tx.update(replies).set({ deletedAt: now, updatedAt: now }).where(eq(replies.id, reply.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "reply.deleted",
      object: { type: "reply", id: reply.id },
      communityId: community.id,
      data: { threadId: reply.threadId },
      at: now,
    });
  });
}

/**
 * Tells people newly mentioned in a post, if they can see the community's discussions. Handles
 * already in the earlier text are not told again after an edit. Returns who was told.
 */
async function notifyMentions(
  tx: Db,
  actor: PersonActor,
  community: CommunityTarget,
  thread: Thread,
  texts: string[],
  earlier: string[],
  replyId?: string,
) {
  const before = new Set(mentionedHandles(...earlier));
  const handles = mentionedHandles(...texts).filter((handle) => !before.has(handle));
  const found = await peopleByHandle(tx, handles);
  const told = new Set<string>();
  for (const person of found.values()) {
    if (person.id === actor.id) continue;
    const result = await notify(tx, {
      recipientId: person.id,
      kind: mentioned.kind,
      title: `${actor.name} mentioned you in “${thread.title}”`,
      url: `${threadUrl(community, thread.id)}${replyId ? `#reply-${replyId}` : ""}`,
      dedupeKey: `${mentioned.kind}:${replyId ?? thread.id}`,
      communityId: community.id,
      visibleIf: { action: "community.viewContent", target: community },
    });
    if (result === "sent" || result === "collapsed") told.add(person.id);
  }
  return told;
}
