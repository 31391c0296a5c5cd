import { and, eq, ne, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import type { PersonActor } from "../../platform/policy.js";
import { authorize } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import "../communities/policy.js";
import { communities } from "../communities/tables.js";
import { memberJoined } from "../notifications/kinds.js";
import { notify } from "../notifications/service.js";
import type { Involvement } from "./tables.js";
import { memberships } from "./tables.js";

/** Joins an open community. Re-joining reuses the old row, so the history of the person stays. */
export async function joinCommunity(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  involvement: Involvement = "take_part",
): Promise<void> {
  authorize(actor, "community.join", community);
  await db.transaction(async (tx) => {
    const now = new Date();
    const changed = await tx
      .insert(memberships)
      .values({
        communityId: community.id,
        personId: actor.id,
        role: "member",
        state: "active",
        involvement,
        joinedAt: now,
      })
      .onConflictDoUpdate({
        target: [memberships.communityId, memberships.personId],
        set: { role: "member", state: "active", involvement, joinedAt: now, leftAt: null, leaveReason: null },
        // Only a person who had left is brought back; an existing active row is left alone.
        setWhere: eq(memberships.state, "left"),
      })
      .returning({ personId: memberships.personId });
    if (changed.length === 0) return; // already a member: a double-submitted form changes nothing
    await tx
      .update(communities)
      .set({ memberCount: sql`${communities.memberCount} + 1`, lastActivityAt: now })
      .where(eq(communities.id, community.id));
    await tellConvenors(tx, actor, community);
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.joined",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { involvement },
    });
  });
}

/** The community's current convenors other than `exceptPersonId` (at most `limit`). */
function otherConvenors(tx: Db, communityId: string, exceptPersonId: string, limit = 100) {
  return tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.communityId, communityId),
        eq(memberships.role, "convenor"),
        sql`${memberships.state} in ('active', 'on_break')`,
        ne(memberships.personId, exceptPersonId),
      ),
    )
    .limit(limit);
}

/** Convenors hear who joined (collapsed while unread), unless they are on a break. */
async function tellConvenors(tx: Db, actor: PersonActor, community: CommunityTarget) {
  const convenors = await otherConvenors(tx, community.id, actor.id);
  for (const { personId } of convenors) {
    await notify(tx, {
      recipientId: personId,
      kind: memberJoined.kind,
      title: `${actor.name} joined ${community.name}`,
      url: `/communities/${community.slug}`,
      dedupeKey: `${memberJoined.kind}:${community.id}`,
      communityId: community.id,
      visibleIf: { action: "community.viewMembers", target: community },
      data: { communityName: community.name },
    });
  }
}

/** Leaves a community, keeping the reason for the convenors' aggregate view. */
export async function leaveCommunity(db: Db, actor: PersonActor, community: CommunityTarget, reason: string) {
  authorize(actor, "community.leave", community);
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ role: memberships.role, state: memberships.state })
      .from(memberships)
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)))
      .for("update");
    const membership = rows[0];
    if (!membership || membership.state === "left") return;
    if (membership.role === "convenor") {
      if ((await otherConvenors(tx, community.id, actor.id, 1)).length === 0) {
        throw new AppError(
          422,
          "last_convenor",
          `You are the only convenor of ${community.name}. Name another convenor before you leave.`,
        );
      }
    }
    const now = new Date();
    await tx
      .update(memberships)
      .set({ state: "left", leftAt: now, leaveReason: reason || null })
      .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, actor.id)));
    await tx
      .update(communities)
      .set({ memberCount: sql`greatest(${communities.memberCount} - 1, 0)` })
      .where(eq(communities.id, community.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.left",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: reason ? { reason } : undefined,
    });
  });
}
