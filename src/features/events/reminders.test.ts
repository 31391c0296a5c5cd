import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { buildCommunity, buildPerson } from "../../../test/support/factories.js";
import type { Jobs } from "../../platform/jobs/jobs.js";
import { allNotificationKinds } from "../notifications/kinds.js";
import { notificationPreferences, notifications } from "../notifications/tables.js";
import { registerEventReminders, remindersCron, sendEventReminders } from "./reminders.js";
import { eventRsvps } from "./tables.js";

const { db } = await createTestApp();

const HOUR = 3_600_000;
const going1 = await buildPerson(db, { name: "Gia Going" });
const going2 = await buildPerson(db, { name: "Gus Going" });
const waiting = await buildPerson(db, { name: "Wes Waiting" });
const declined = await buildPerson(db, { name: "Dee Declined" });
const quiet = await buildPerson(db, { name: "Quinn Quiet" });
const community = await buildCommunity(db, {
  members: [going1, going2, waiting, declined, quiet].map((p) => ({ personId: p.id })),
});

async function remindersOf(personId: string, kind: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, personId), eq(notifications.kind, kind)));
}

test("a reminder a day before and an hour before, once each, for people going only", async () => {
  const t0 = new Date("2031-03-10T09:00:00Z");
  const event = await buildEvent(db, community.id, {
    title: "Spring payroll clinic",
    startsAt: new Date(t0.getTime() + 30 * HOUR),
    going: [going1.id, going2.id],
  });
  await db.insert(eventRsvps).values([
    { eventId: event.id, personId: waiting.id, status: "waitlisted", waitlistedAt: t0 },
    { eventId: event.id, personId: declined.id, status: "declined" },
  ]);

  // 30 hours before: nothing yet.
  assert.deepEqual(await sendEventReminders(db, t0), { day: 0, hour: 0 });

  // 23 hours before: the day reminder, once.
  const dayBefore = new Date(t0.getTime() + 7 * HOUR);
  assert.deepEqual(await sendEventReminders(db, dayBefore), { day: 2, hour: 0 });
  assert.deepEqual(await sendEventReminders(db, new Date(dayBefore.getTime() + 15 * 60_000)), {
    day: 0,
    hour: 0,
  });
  const day = await remindersOf(going1.id, "event.reminder_day");
  assert.equal(day.length, 1);
  assert.equal(day[0]?.title, "Tomorrow: Spring payroll clinic");
  assert.equal(day[0]?.url, `/events/${event.id}`);
  assert.equal((await remindersOf(waiting.id, "event.reminder_day")).length, 0);
  assert.equal((await remindersOf(declined.id, "event.reminder_day")).length, 0);

  // 45 minutes before: the hour reminder, once.
  const hourBefore = new Date(t0.getTime() + 30 * HOUR - 45 * 60_000);
  assert.deepEqual(await sendEventReminders(db, hourBefore), { day: 0, hour: 2 });
  assert.deepEqual(await sendEventReminders(db, hourBefore), { day: 0, hour: 0 });
  assert.equal(
    (await remindersOf(going2.id, "event.reminder_hour"))[0]?.title,
    "In an hour: Spring payroll clinic",
  );
  const [row] = await db
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.personId, going1.id)));
  assert.deepEqual(row?.dayReminderSentAt, dayBefore);
  assert.deepEqual(row?.hourReminderSentAt, hourBefore);

  // After it has started: nothing more.
  assert.deepEqual(await sendEventReminders(db, new Date(t0.getTime() + 31 * HOUR)), { day: 0, hour: 0 });
});

test("no reminders for cancelled or past events; someone answering late gets only the hour one", async () => {
  const t0 = new Date("2031-06-01T12:00:00Z");
  const cancelled = await buildEvent(db, community.id, {
    startsAt: new Date(t0.getTime() + 2 * HOUR),
    status: "cancelled",
    going: [going1.id],
  });
  const past = await buildEvent(db, community.id, {
    startsAt: new Date(t0.getTime() - 2 * HOUR),
    going: [going1.id],
  });
  const soon = await buildEvent(db, community.id, {
    startsAt: new Date(t0.getTime() + 50 * 60_000),
    going: [going2.id],
  });
  const result = await sendEventReminders(db, t0);
  assert.deepEqual(result, { day: 0, hour: 1 });
  for (const id of [cancelled.id, past.id]) {
    const rows = await db.select().from(eventRsvps).where(eq(eventRsvps.eventId, id));
    assert.ok(rows.every((r) => r.dayReminderSentAt === null && r.hourReminderSentAt === null));
  }
  const [late] = await db.select().from(eventRsvps).where(eq(eventRsvps.eventId, soon.id));
  assert.equal(late?.dayReminderSentAt, null);
  assert.ok(late?.hourReminderSentAt);
});

test("people choose: reminders can be turned off, and the kinds appear in settings", async () => {
  const kinds = allNotificationKinds().map((k) => k.kind);
  for (const kind of ["event.reminder_day", "event.reminder_hour", "event.promoted"])
    assert.ok(kinds.includes(kind));

  await db
    .insert(notificationPreferences)
    .values({ personId: quiet.id, kind: "event.reminder_day", channel: "off" });
  const t0 = new Date("2031-09-01T08:00:00Z");
  await buildEvent(db, community.id, { startsAt: new Date(t0.getTime() + 20 * HOUR), going: [quiet.id] });
  await sendEventReminders(db, t0);
  assert.equal((await remindersOf(quiet.id, "event.reminder_day")).length, 0);

  // Someone who can no longer see a members-only event is not told about it.
  const secret = await buildCommunity(db, { contentAccess: "members" });
  const hidden = await buildEvent(db, secret.id, {
    startsAt: new Date(t0.getTime() + 20 * HOUR),
    going: [going1.id],
  });
  await sendEventReminders(db, t0);
  const told = await remindersOf(going1.id, "event.reminder_day");
  assert.ok(told.every((n) => n.url !== `/events/${hidden.id}`));
});

test("the job is registered and scheduled every 15 minutes", async () => {
  const calls: string[] = [];
  const jobs = {
    register: async (name: string) => {
      calls.push(`register ${name}`);
    },
    schedule: async (name: string, cron: string) => {
      calls.push(`schedule ${name} ${cron}`);
    },
  } as unknown as Jobs;
  await registerEventReminders(jobs, db);
  assert.equal(remindersCron, "*/15 * * * *");
  assert.deepEqual(calls, ["register events.send-reminders", "schedule events.send-reminders */15 * * * *"]);
});
