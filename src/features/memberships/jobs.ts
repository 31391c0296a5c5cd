import type { Db } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";

/** Registers the daily job that brings people back from a break whose date has passed. */
export async function registerBreakReturns(_jobs: Jobs, _db: Db): Promise<void> {}
