import type { Db } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";
import { log } from "../../platform/log.js";
import { organisationTimeZone } from "../../platform/organisation-time-zone.js";
import { returnFromBreaks } from "./roster-service.js";

declare module "../../platform/jobs/jobs.js" {
  interface JobPayloads {
    "memberships.return-from-breaks": Record<string, never>;
  }
}

/** Five past midnight in the organisation's time zone (pg-boss schedules in that zone). */
export const breakReturnsCron = "5 0 * * *";

/** Registers the daily job that brings people back from a break whose date has passed. */
export async function registerBreakReturns(jobs: Jobs, db: Db): Promise<void> {
  const timeZone = organisationTimeZone();
  await jobs.register(
    "memberships.return-from-breaks",
    async () => {
      const result = await returnFromBreaks(db, new Date(), timeZone);
      if (result.returned > 0) log("info", "breaks: people are back", result);
      return result;
    },
    // It runs again tomorrow anyway, and each return is idempotent.
    { retryLimit: 3, retryDelay: 60, expireInSeconds: 900 },
  );
  await jobs.schedule("memberships.return-from-breaks", breakReturnsCron, {});
}
