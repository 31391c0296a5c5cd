import type { Db } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";
import { log } from "../../platform/log.js";
import { sweepDormancy } from "./service.js";

declare module "../../platform/jobs/jobs.js" {
  interface JobPayloads {
    "programme.dormancy": Record<string, never>;
  }
}

/** Every day at 06:10 in the organisation's time zone. */
export const dormancyCron = "10 6 * * *";

/** Registers the daily job that flags communities with no activity for 90 days as dormant. */
export async function registerDormancySweep(jobs: Jobs, db: Db): Promise<void> {
  await jobs.register(
    "programme.dormancy",
    async () => {
      const result = await sweepDormancy(db, new Date());
      log("info", "dormancy: swept communities", {
        dormant: result.dormant.length,
        revived: result.revived.length,
      });
      return result;
    },
    // The sweep is idempotent and runs again tomorrow: a couple of retries is plenty.
    { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
  );
  await jobs.schedule("programme.dormancy", dormancyCron, {});
}
