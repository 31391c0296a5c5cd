import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { charterVersions } from "./tables.js";

/** The community's current charter (its latest version), or null when none has been written. */
export async function currentCharter(db: Db, communityId: string) {
  const rows = await db
    .select()
    .from(charterVersions)
    .where(eq(charterVersions.communityId, communityId))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return rows[0] ?? null;
}

export type CharterVersion = NonNullable<Awaited<ReturnType<typeof currentCharter>>>;
