import type { Db } from "../../../platform/db/client.js";

/**
 * Installs the starter toolkit the first time the database is prepared (owned by the toolkit work).
 * Idempotent: once installed, the programme team's edits are never overwritten.
 */
export async function installStarterToolkit(_db: Db): Promise<void> {}
