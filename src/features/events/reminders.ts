import { and, eq, gt, isNull, lte } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import type { Jobs } from "../../platform/jobs/jobs.js";
import { log } from "../../platform/log.js";
import { formatDate } from "../../ui/components/time.js";
import { notify } from "../notifications/service.js";
import { eventTarget, findEvent } from "./load.js";
import { reminderDay, reminderHour } from "./rsvp-notifications.js";
import { eventPath } from "./rsvp-service.js";
import { eventRsvps, events } from "./tables.js";
import "./policy.js";

declare module "../../platform/jobs/jobs.js" {
  interface JobPayloads {
    "events.send-reminders": Record<string, never>;
  }
}

/** Every quarter of an hour: reminders go out up to 15 minutes early, never late. */
export const remindersCron = "*/15 * * * *";

const HOUR = 3_600_000;

/**
 * Reminds people going to an event, a day before (start within 24 hours) and an hour before
 * (start within the hour). Each reminder is claimed by setting its "sent" time in the same
 * transaction as the notification, so a repeated or overlapping run sends nothing twice. Nothing
 * for cancelled or past events; someone who answers late gets only the reminder still due.
 */
export async function sendEventReminders(db: Db, now: Date): Promise<{ day: number; hour: number }> {
  const upcoming = await db
    .select({ id: events.id, startsAt: events.startsAt })
    .from(events)
    .where(
      and(
        eq(events.status, "scheduled"),
        gt(events.startsAt, now),
        lte(events.startsAt, new Date(now.getTime() + 24 * HOUR)),
      ),
    );
  const sent = { day: 0, hour: 0 };
  for (const { id, startsAt } of upcoming) {
    const which = startsAt.getTime() - now.getTime() <= HOUR ? "hour" : "day";
    sent[which] += await remindFor(db, id, which, now);
  }
  return sent;
}

async function remindFor(db: Db, eventId: string, which: "day" | "hour", now: Date): Promise<number> {
  const column = which === "day" ? eventRsvps.dayReminderSentAt : eventRsvps.hourReminderSentAt;
  const field = which === "day" ? "dayReminderSentAt" : "hourReminderSentAt";
  return db.transaction(async (tx) => {
    const loaded = await findEvent(tx, eventId);
    if (loaded?.event.status !== "scheduled") return 0;
    const claimed = await tx
      .update(eventRsvps)
      .set({ [field]: now })
      .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.status, "going"), isNull(column)))
      .returning({ personId: eventRsvps.personId });
    const { event } = loaded;
    const when = formatDate(event.startsAt, event.timeZone, true);
    const target = eventTarget(loaded, now);
    for (const { personId } of claimed) {
      await notify(tx, {
        recipientId: personId,
        kind: which === "day" ? reminderDay.kind : reminderHour.kind,
        title: which === "day" ? `Tomorrow: ${event.title}` : `In an hour: ${event.title}`,
        body: `${when}${event.location ? `, ${event.location}` : ""}. If you cannot go after all, say so on the event page so someone on the waitlist can have your place.`,
        url: eventPath(event.id),
        visibleIf: { action: "event.view", target },
        data: { eventId: event.id },
      });
    }
    return claimed.length;
  });
}

/** Registers the reminder job and its quarter-hourly schedule. */
export async function registerEventReminders(jobs: Jobs, db: Db): Promise<void> {
  await jobs.register(
    "events.send-reminders",
    async () => {
      const result = await sendEventReminders(db, new Date());
      if (result.day + result.hour > 0) log("info", "events: reminders sent", result);
      return result;
    },
    // The next run picks up anything missed, and each reminder is claimed once.
    { retryLimit: 2, retryDelay: 60, expireInSeconds: 600 },
  );
  await jobs.schedule("events.send-reminders", remindersCron, {});
}
