import type { Db } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";

/** Reminds owners when a resource passes its review date (owned by the resources core work). */
export async function registerReviewReminders(_jobs: Jobs, _db: Db): Promise<void> {}
