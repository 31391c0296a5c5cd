import { registerEventReminders } from "./features/events/reminders.js";
import { registerBreakReturns } from "./features/memberships/jobs.js";
import { registerDormancySweep } from "./features/programme/jobs.js";
import { registerReviewReminders } from "./features/resources/review-reminders.js";
import type { Db } from "./platform/db/client.js";
import type { Jobs } from "./platform/jobs/jobs.js";

/** The features' scheduled work, registered once the job service has started. */
export async function registerScheduledWork(jobs: Jobs, db: Db): Promise<void> {
  await registerBreakReturns(jobs, db);
  await registerDormancySweep(jobs, db);
  await registerEventReminders(jobs, db);
  await registerReviewReminders(jobs, db);
}
