import { eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { communities } from "../communities/tables.js";

/**
 * Locks the community row for the rest of the transaction. Every change that could leave a
 * community without a convenor (leaving, demotion, removal) takes this lock first, so two such
 * changes run one after the other and the second sees the first.
 */
export async function lockCommunity(tx: Db, communityId: string): Promise<void> {
  await tx
    .select({ id: communities.id })
    .from(communities)
    .where(eq(communities.id, communityId))
    .for("update");
}
