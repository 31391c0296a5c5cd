import type { Db } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";

/** Reminders a day and an hour before each event (owned by the RSVP work). */
export async function registerEventReminders(_jobs: Jobs, _db: Db): Promise<void> {}
