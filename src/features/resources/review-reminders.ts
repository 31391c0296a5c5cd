import { and, eq, inArray, isNotNull, isNull, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";
import { log } from "../../platform/log.js";
import { organisationTimeZone } from "../../platform/organisation-time-zone.js";
import { toLocal } from "../events/zoned-time.js";
import { notify } from "../notifications/service.js";
import { resourceNow } from "./clock.js";
import { findResource, resourceTarget } from "./load.js";
import { reviewDue } from "./notifications.js";
import { resourceUrl } from "./service.js";
import { resources } from "./tables.js";

declare module "../../platform/jobs/jobs.js" {
  interface JobPayloads {
    "resources.review-reminders": Record<string, never>;
  }
}

/** Every day at 07:20 in the organisation's time zone. */
export const reviewRemindersCron = "20 7 * * *";

/**
 * Tells each owner once that a published or endorsed resource has passed its review date. The
 * reminder is recorded on the row (`reviewReminderSentAt`), and marking it reviewed clears it, so
 * each review date gets one reminder however often the job runs.
 */
export async function sendReviewReminders(
  db: Db,
  now: Date,
  timeZone = "Europe/London",
): Promise<{ reminded: number }> {
  const today = toLocal(now, timeZone).date;
  const due = await db
    .select({ id: resources.id })
    .from(resources)
    .where(
      and(
        inArray(resources.status, ["published", "endorsed"]),
        isNotNull(resources.reviewBy),
        lt(resources.reviewBy, today),
        isNotNull(resources.ownerId),
        isNull(resources.reviewReminderSentAt),
      ),
    )
    .limit(500);
  let reminded = 0;
  for (const { id } of due) {
    const sent = await db.transaction(async (tx) => {
      // Claim the row first: a second run at the same time finds it already claimed.
      const [claimed] = await tx
        .update(resources)
        .set({ reviewReminderSentAt: now })
        .where(and(eq(resources.id, id), isNull(resources.reviewReminderSentAt)))
        .returning({ id: resources.id });
      if (!claimed) return false;
      const loaded = await findResource(tx, id);
      if (!loaded?.resource.ownerId) return false;
      const { resource, community } = loaded;
      await notify(tx, {
        recipientId: resource.ownerId!,
        kind: reviewDue.kind,
        title: `“${resource.title}” is due for review`,
        body: `Its review date was ${resource.reviewBy}. Check it is still right, then mark it as reviewed.`,
        url: resourceUrl(resource.id),
        dedupeKey: `${reviewDue.kind}:${resource.id}`,
        communityId: community?.id ?? null,
        visibleIf: { action: "resource.curate", target: resourceTarget(loaded) },
        data: { resourceTitle: resource.title, reviewBy: resource.reviewBy },
      });
      return true;
    });
    if (sent) reminded += 1;
  }
  return { reminded };
}

/** Registers the daily job that reminds owners of resources past their review date. */
export async function registerReviewReminders(jobs: Jobs, db: Db): Promise<void> {
  const timeZone = organisationTimeZone();
  await jobs.register(
    "resources.review-reminders",
    async () => {
      const result = await sendReviewReminders(db, resourceNow(), timeZone);
      if (result.reminded > 0) log("info", "resources: owners reminded of reviews", result);
      return result;
    },
    // Each reminder is claimed on its row, so a retry never sends one twice.
    { retryLimit: 3, retryDelay: 60, expireInSeconds: 900 },
  );
  await jobs.schedule("resources.review-reminders", reviewRemindersCron, {});
}
