import assert from "node:assert/strict";
import { test } from "node:test";
import {
  describeRule,
  nthWeekdayOfMonth,
  occurrenceDates,
  occurrencesOf,
  weekdayPosition,
} from "./recurrence.js";
import { toLocal } from "./zoned-time.js";

test("weekly and fortnightly series step by whole days", () => {
  assert.deepEqual(occurrenceDates("2026-03-03", { frequency: "weekly", count: 4 }), [
    "2026-03-03",
    "2026-03-10",
    "2026-03-17",
    "2026-03-24",
  ]);
  assert.deepEqual(occurrenceDates("2026-12-22", { frequency: "fortnightly", count: 3 }), [
    "2026-12-22",
    "2027-01-05",
    "2027-01-19",
  ]);
});

test("monthly by date uses the last day of short months and returns to the day after", () => {
  assert.deepEqual(occurrenceDates("2026-01-31", { frequency: "monthly_date", count: 5, dayOfMonth: 31 }), [
    "2026-01-31",
    "2026-02-28",
    "2026-03-31",
    "2026-04-30",
    "2026-05-31",
  ]);
  assert.deepEqual(occurrenceDates("2027-11-30", { frequency: "monthly_date", count: 4, dayOfMonth: 30 }), [
    "2027-11-30",
    "2027-12-30",
    "2028-01-30",
    "2028-02-29",
  ]);
});

test("monthly on a weekday: first Tuesday and last Friday", () => {
  assert.deepEqual(
    occurrenceDates("2026-03-03", { frequency: "monthly_weekday", count: 4, weekOfMonth: 1, weekday: 2 }),
    ["2026-03-03", "2026-04-07", "2026-05-05", "2026-06-02"],
  );
  assert.deepEqual(
    occurrenceDates("2026-01-30", { frequency: "monthly_weekday", count: 4, weekOfMonth: -1, weekday: 5 }),
    ["2026-01-30", "2026-02-27", "2026-03-27", "2026-04-24"],
  );
  assert.equal(nthWeekdayOfMonth(2026, 3, 4, 4), "2026-03-26");
  assert.equal(
    describeRule({ frequency: "monthly_weekday", count: 2, weekOfMonth: -1, weekday: 5 }),
    "Every month on the last Friday",
  );
});

test("a date's position in its month", () => {
  assert.deepEqual(weekdayPosition("2026-03-03"), { nth: 1, isLast: false, weekday: 2 });
  assert.deepEqual(weekdayPosition("2026-03-31"), { nth: 5, isLast: true, weekday: 2 });
  assert.deepEqual(weekdayPosition("2026-02-24"), { nth: 4, isLast: true, weekday: 2 });
});

test("a weekly series keeps 18:30 local time across the March clock change in London", () => {
  const series = occurrencesOf("2026-03-17", "18:30", "20:00", "Europe/London", {
    frequency: "weekly",
    count: 4,
  });
  // 17 and 24 March are GMT (UTC+0); 31 March and 7 April are BST (UTC+1).
  assert.deepEqual(
    series.map((o) => o.startsAt.toISOString()),
    [
      "2026-03-17T18:30:00.000Z",
      "2026-03-24T18:30:00.000Z",
      "2026-03-31T17:30:00.000Z",
      "2026-04-07T17:30:00.000Z",
    ],
  );
  for (const o of series) {
    assert.equal(toLocal(o.startsAt, "Europe/London").time, "18:30");
    assert.equal(toLocal(o.endsAt, "Europe/London").time, "20:00");
    assert.equal(o.endsAt.getTime() - o.startsAt.getTime(), 90 * 60_000);
  }
  assert.deepEqual(
    series.map((o) => o.index),
    [1, 2, 3, 4],
  );
});

test("a monthly series keeps its local time across the October clock change in London", () => {
  const series = occurrencesOf("2026-09-01", "09:00", "10:30", "Europe/London", {
    frequency: "monthly_weekday",
    count: 3,
    weekOfMonth: 1,
    weekday: 2,
  });
  assert.deepEqual(
    series.map((o) => [o.date, o.startsAt.toISOString()]),
    [
      ["2026-09-01", "2026-09-01T08:00:00.000Z"],
      ["2026-10-06", "2026-10-06T08:00:00.000Z"],
      ["2026-11-03", "2026-11-03T09:00:00.000Z"],
    ],
  );
});

test("an occurrence on the night of a change keeps its wall-clock times", () => {
  // 25 October 2026: clocks go back at 02:00. An evening event that night is plain GMT.
  const [first, second] = occurrencesOf("2026-10-18", "23:00", "01:00", "Europe/London", {
    frequency: "weekly",
    count: 2,
  });
  assert.equal(toLocal(first!.startsAt, "Europe/London").time, "23:00");
  assert.equal(toLocal(second!.startsAt, "Europe/London").date, "2026-10-25");
  assert.equal(toLocal(second!.endsAt, "Europe/London").date, "2026-10-26");
  assert.equal(toLocal(second!.endsAt, "Europe/London").time, "01:00");
});
