import { and, eq, ne, sql } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError, notFound } from "../../platform/errors.js";
import { authorize, type PersonActor } from "../../platform/policy.js";
import type { CommunityTarget } from "../communities/policy.js";
import { communities, type Stage } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { notify } from "../notifications/service.js";
import { type ChecklistItem, checklistItem, stageLabel } from "./checklists.js";
import type { MoveInput } from "./inputs.js";
import { stageChanged } from "./notifications.js";
import { checklistTicks, stageChanges } from "./tables.js";
import "./policy.js";

/** The checklist item with this key, or a 404 that says so (an old link, a mistyped address). */
export function itemOr404(key: string): ChecklistItem {
  const item = checklistItem(key);
  if (!item) throw notFound("checklist item");
  return item;
}

/**
 * Ticks or unticks a checklist item. Setting it to what it already is changes nothing (a double
 * click, two convenors at once), and the first tick's author and date are kept.
 * Returns whether anything changed.
 */
export async function setTick(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  itemKey: string,
  ticked: boolean,
  now = new Date(),
): Promise<boolean> {
  authorize(actor, "lifecycle.tick", community);
  const item = itemOr404(itemKey);
  return db.transaction(async (tx) => {
    const changed = ticked
      ? await tx
          .insert(checklistTicks)
          .values({ communityId: community.id, itemKey: item.key, tickedById: actor.id, tickedAt: now })
          .onConflictDoNothing()
          .returning({ itemKey: checklistTicks.itemKey })
      : await tx
          .delete(checklistTicks)
          .where(and(eq(checklistTicks.communityId, community.id), eq(checklistTicks.itemKey, item.key)))
          .returning({ itemKey: checklistTicks.itemKey });
    if (changed.length === 0) return false;
    await tx.update(communities).set({ lastActivityAt: now }).where(eq(communities.id, community.id));
    await recordActivity(tx, {
      actorId: actor.id,
      verb: ticked ? "lifecycle.item_ticked" : "lifecycle.item_unticked",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { item: item.key, stage: item.stage },
      at: now,
    });
    return true;
  });
}

/** Refused when the community is already at the stage asked for, with words to show beside the field. */
export function sameStageError(community: { name: string }, stage: Stage) {
  return new AppError(
    422,
    "same_stage",
    `${community.name} is already at the ${stageLabel(stage)} stage. Choose a different stage.`,
    { field: "stage" },
  );
}

/**
 * Moves the community to another stage (forward or back), records the change with its date and
 * note, and tells the convenors and core members other than the person who moved it.
 */
export async function moveStage(
  db: Db,
  actor: PersonActor,
  community: CommunityTarget,
  input: MoveInput,
  now = new Date(),
) {
  authorize(actor, "lifecycle.move", community);
  return db.transaction(async (tx) => {
    // Locked, so two convenors moving at once record two true changes rather than one lost one.
    const [current] = await tx
      .select({ stage: communities.stage })
      .from(communities)
      .where(eq(communities.id, community.id))
      .for("update");
    if (!current) throw notFound("community");
    if (current.stage === input.stage) throw sameStageError(community, input.stage);
    await tx
      .update(communities)
      .set({ stage: input.stage, stageChangedAt: now, lastActivityAt: now })
      .where(eq(communities.id, community.id));
    const [change] = await tx
      .insert(stageChanges)
      .values({
        communityId: community.id,
        fromStage: current.stage,
        toStage: input.stage,
        note: input.note,
        changedById: actor.id,
        createdAt: now,
      })
      .returning();
    if (!change) throw new Error("insert returned nothing");
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.stage_changed",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { from: current.stage, to: input.stage, ...(input.note ? { note: input.note } : {}) },
      at: now,
    });
    await tellTheTeam(tx, actor, community, current.stage, input.stage);
    return change;
  });
}

/** Convenors and core members other than the actor; notify() skips anyone on a break. */
async function tellTheTeam(tx: Db, actor: PersonActor, community: CommunityTarget, from: Stage, to: Stage) {
  const team = await tx
    .select({ personId: memberships.personId })
    .from(memberships)
    .where(
      and(
        eq(memberships.communityId, community.id),
        sql`${memberships.role} in ('convenor', 'core')`,
        sql`${memberships.state} in ('active', 'on_break')`,
        ne(memberships.personId, actor.id),
      ),
    )
    .limit(200);
  for (const { personId } of team) {
    await notify(tx, {
      recipientId: personId,
      kind: stageChanged.kind,
      title: `${community.name} moved from ${stageLabel(from)} to ${stageLabel(to)}`,
      body: `${actor.name} moved it.`,
      url: `/communities/${community.slug}/lifecycle`,
      communityId: community.id,
      visibleIf: { action: "lifecycle.view", target: community },
      data: { communityName: community.name, from, to },
    });
  }
}
