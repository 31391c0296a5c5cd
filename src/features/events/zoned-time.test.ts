import assert from "node:assert/strict";
import { test } from "node:test";
import { addDays, fromLocal, isValidTimeZone, offsetMinutes, toLocal } from "./zoned-time.js";

const london = "Europe/London";

test("local times in London map to the right instants either side of the clock changes", () => {
  assert.equal(fromLocal("2026-03-28", "18:30", london).toISOString(), "2026-03-28T18:30:00.000Z");
  assert.equal(fromLocal("2026-03-30", "18:30", london).toISOString(), "2026-03-30T17:30:00.000Z");
  assert.equal(fromLocal("2026-10-24", "18:30", london).toISOString(), "2026-10-24T17:30:00.000Z");
  assert.equal(fromLocal("2026-10-26", "18:30", london).toISOString(), "2026-10-26T18:30:00.000Z");
});

test("a time skipped in spring moves past the gap; a repeated autumn time takes the first", () => {
  assert.equal(fromLocal("2026-03-29", "01:30", london).toISOString(), "2026-03-29T01:30:00.000Z");
  assert.equal(toLocal(fromLocal("2026-03-29", "01:30", london), london).time, "02:30");
  assert.equal(fromLocal("2026-10-25", "01:30", london).toISOString(), "2026-10-25T00:30:00.000Z");
});

test("round trips, offsets and day arithmetic", () => {
  const instant = fromLocal("2026-07-07", "09:15", "America/New_York");
  assert.deepEqual(toLocal(instant, "America/New_York"), {
    date: "2026-07-07",
    time: "09:15",
    weekday: 2,
    seconds: 0,
  });
  assert.equal(offsetMinutes(new Date("2026-07-01T12:00:00Z"), london), 60);
  assert.equal(offsetMinutes(new Date("2026-01-01T12:00:00Z"), london), 0);
  assert.equal(offsetMinutes(new Date("2026-01-01T12:00:00Z"), "Asia/Kolkata"), 330);
  assert.equal(addDays("2026-02-27", 2), "2026-03-01");
  assert.equal(isValidTimeZone(london), true);
  assert.equal(isValidTimeZone("Mars/Olympus"), false);
});
