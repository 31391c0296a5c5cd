import { eq } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import { recordAudit } from "../../platform/audit.js";
import type { Db } from "../../platform/db/client.js";
import { activeRoleIn, authorize, type PersonActor } from "../../platform/policy.js";
import type { SettingsInput } from "./inputs.js";
import type { Community } from "./queries.js";
import { communities } from "./tables.js";
import "./policy.js";

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Changes a community's details and settings (any subset of them). Records `community.updated`
 * with the names of the fields that changed; when the programme team acts for a community they
 * do not convene, the change is also written to the audit log.
 */
export async function updateCommunity(
  db: Db,
  actor: PersonActor,
  community: Community,
  input: Partial<SettingsInput>,
  now = new Date(),
): Promise<{ community: Community; changed: string[] }> {
  authorize(actor, "community.manage", community);
  const changes: Partial<SettingsInput> = {};
  for (const [key, value] of Object.entries(input) as [keyof SettingsInput, unknown][]) {
    if (value === undefined) continue;
    if (!same(community[key], value)) (changes as Record<string, unknown>)[key] = value;
  }
  const changed = Object.keys(changes);
  if (changed.length === 0) return { community, changed };
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(communities)
      .set({ ...changes, updatedAt: now })
      .where(eq(communities.id, community.id))
      .returning();
    if (!row) throw new Error("update returned nothing");
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "community.updated",
      object: { type: "community", id: community.id },
      communityId: community.id,
      data: { fields: changed },
      at: now,
    });
    if (activeRoleIn(actor, community.id) !== "convenor") {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "community.updated",
        target: { type: "community", id: community.id },
        communityId: community.id,
        reason: "Changed by the programme team",
        data: { fields: changed },
      });
    }
    return row;
  });
  return { community: updated, changed };
}
