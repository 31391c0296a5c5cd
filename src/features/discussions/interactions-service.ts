import { and, eq } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import { type Actor, authorize, can, type PersonActor } from "../../platform/policy.js";
import { notify } from "../notifications/service.js";
import { answerAccepted } from "./interactions-notifications.js";
import type { FoundPost, ThreadWithCommunity } from "./interactions-queries.js";
import { type ReactionKind, reactions, replies, threadFollows, threads } from "./tables.js";
import "./interactions-policy.js";
import "./moderation-policy.js";

export const threadPath = (slug: string, threadId: string) => `/communities/${slug}/discussions/${threadId}`;

/**
 * The thread must be readable by the actor: its community's content, and not hidden or deleted
 * (moderators still see those). Otherwise it does not exist as far as they know.
 */
export function assertThreadReadable(actor: Actor, found: ThreadWithCommunity): void {
  authorize(actor, "community.viewContent", found.community);
  const { thread } = found;
  if ((thread.hiddenAt || thread.deletedAt) && !can(actor, "discussion.moderate", found.community))
    throw notFound("thread");
}

/** Accepts one reply as the answer to a question, replacing any earlier one. Returns the earlier reply's id. */
export async function acceptAnswer(
  db: Db,
  actor: PersonActor,
  found: ThreadWithCommunity,
  replyId: string,
  now = new Date(),
): Promise<{ previousReplyId: string | null }> {
  const { thread, community } = found;
  assertThreadReadable(actor, found);
  authorize(actor, "discussion.accept", { community, authorId: thread.authorId, kind: thread.kind });
  return db.transaction(async (tx) => {
    const [reply] = await tx
      .select()
      .from(replies)
      .where(and(eq(replies.id, replyId), eq(replies.threadId, thread.id)));
    if (!reply) throw notFound("reply");
    if (reply.deletedAt || reply.hiddenAt)
      throw new AppError(
        422,
        "reply_unavailable",
        "This reply was deleted or hidden, so it cannot be the accepted answer.",
        { field: "replyId" },
      );
    const [current] = await tx
      .select({ acceptedReplyId: threads.acceptedReplyId })
      .from(threads)
      .where(eq(threads.id, thread.id))
      .for("update");
    const previousReplyId = current?.acceptedReplyId ?? null;
    if (previousReplyId === reply.id) return { previousReplyId: null };
    await tx
      .update(threads)
      .set({ acceptedReplyId: reply.id, acceptedAt: now })
      .where(eq(threads.id, thread.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "answer.accepted",
      object: { type: "reply", id: reply.id },
      communityId: community.id,
      data: {
        threadId: thread.id,
        replyId: reply.id,
        answererId: reply.authorId,
        tags: thread.tags,
        title: thread.title,
        ...(previousReplyId ? { replacedReplyId: previousReplyId } : {}),
      },
      at: now,
    });
    if (reply.authorId && reply.authorId !== actor.id) {
      await notify(tx, {
        recipientId: reply.authorId,
        kind: answerAccepted.kind,
        title: `Your answer was accepted: ${thread.title}`,
        url: `${threadPath(community.slug, thread.id)}#reply-${reply.id}`,
        communityId: community.id,
        visibleIf: { action: "community.viewContent", target: community },
        data: { threadId: thread.id, replyId: reply.id },
      });
    }
    return { previousReplyId };
  });
}

/** Clears the accepted answer of a question. Returns the reply that was accepted, if any. */
export async function unacceptAnswer(
  db: Db,
  actor: PersonActor,
  found: ThreadWithCommunity,
  now = new Date(),
): Promise<string | null> {
  const { thread, community } = found;
  assertThreadReadable(actor, found);
  authorize(actor, "discussion.accept", { community, authorId: thread.authorId, kind: thread.kind });
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ acceptedReplyId: threads.acceptedReplyId })
      .from(threads)
      .where(eq(threads.id, thread.id))
      .for("update");
    const previous = current?.acceptedReplyId ?? null;
    if (!previous) return null;
    await tx
      .update(threads)
      .set({ acceptedReplyId: null, acceptedAt: null })
      .where(eq(threads.id, thread.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "answer.unaccepted",
      object: { type: "reply", id: previous },
      communityId: community.id,
      data: { threadId: thread.id, replyId: previous },
      at: now,
    });
    return previous;
  });
}

function checkReact(actor: PersonActor, found: FoundPost) {
  assertThreadReadable(actor, found);
  if (found.post.deletedAt || found.post.hiddenAt)
    throw new AppError(
      422,
      "post_unavailable",
      "This post was deleted or hidden, so it cannot take reactions.",
    );
  authorize(actor, "discussion.react", { community: found.community, authorId: found.post.authorId });
}

/**
 * Adds (`on`) or removes a reaction; `"toggle"` flips it. Records `reaction.added` or
 * `reaction.removed` only when something changed. Returns whether the reaction is now given.
 */
export async function setReaction(
  db: Db,
  actor: PersonActor,
  found: FoundPost,
  kind: ReactionKind,
  on: boolean | "toggle",
  now = new Date(),
): Promise<boolean> {
  checkReact(actor, found);
  const { post, thread, community } = found;
  return db.transaction(async (tx) => {
    const mine = and(
      eq(reactions.postId, post.id),
      eq(reactions.personId, actor.id),
      eq(reactions.kind, kind),
    );
    const [existing] = await tx.select({ kind: reactions.kind }).from(reactions).where(mine);
    const want = on === "toggle" ? !existing : on;
    if (want === Boolean(existing)) return want;
    if (want) {
      const added = await tx
        .insert(reactions)
        .values({ postId: post.id, personId: actor.id, kind, threadId: thread.id, createdAt: now })
        .onConflictDoNothing()
        .returning({ kind: reactions.kind });
      if (added.length === 0) return true;
    } else {
      await tx.delete(reactions).where(mine);
    }
    await recordActivity(tx, {
      actorId: actor.id,
      verb: want ? "reaction.added" : "reaction.removed",
      object: { type: post.isThread ? "thread" : "reply", id: post.id },
      communityId: community.id,
      data: { kind, postId: post.id, threadId: thread.id, authorId: post.authorId, tags: thread.tags },
      at: now,
    });
    return want;
  });
}

/** Follows or unfollows a thread; records `thread.followed` / `thread.unfollowed` when it changed. */
export async function setFollowing(
  db: Db,
  actor: PersonActor,
  found: ThreadWithCommunity,
  follow: boolean,
  now = new Date(),
): Promise<boolean> {
  const { thread, community } = found;
  if (follow) {
    assertThreadReadable(actor, found);
    authorize(actor, "discussion.follow", community);
  }
  // Anyone may stop following, even a thread they can no longer read.
  return db.transaction(async (tx) => {
    const changed = follow
      ? await tx
          .insert(threadFollows)
          .values({ threadId: thread.id, personId: actor.id, createdAt: now })
          .onConflictDoNothing()
          .returning({ threadId: threadFollows.threadId })
      : await tx
          .delete(threadFollows)
          .where(and(eq(threadFollows.threadId, thread.id), eq(threadFollows.personId, actor.id)))
          .returning({ threadId: threadFollows.threadId });
    if (changed.length > 0) {
      await recordActivity(tx, {
        actorId: actor.id,
        verb: follow ? "thread.followed" : "thread.unfollowed",
        object: { type: "thread", id: thread.id },
        communityId: community.id,
        data: { threadId: thread.id },
        at: now,
      });
    }
    return follow;
  });
}
