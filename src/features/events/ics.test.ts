import assert from "node:assert/strict";
import { test } from "node:test";
import ICAL from "ical.js";
import { escapeText, foldLine, type IcsEvent, writeCalendar } from "./ics.js";
import { transitionsBetween } from "./vtimezone.js";
import { fromLocal, offsetMinutes, toLocal } from "./zoned-time.js";

// Our writer checked by an independent parser (Mozilla's ical.js): what we write must read back as
// the same instants and the same local times, whatever the clocks do.

const created = new Date("2026-01-10T09:00:00Z");

function occurrence(date: string, overrides: Partial<IcsEvent> = {}): IcsEvent {
  const timeZone = overrides.timeZone ?? "Europe/London";
  return {
    uid: `event-${date}@convene.example.org`,
    start: fromLocal(date, "18:30", timeZone),
    end: fromLocal(date, "20:00", timeZone),
    timeZone,
    sequence: 0,
    status: "CONFIRMED",
    summary: "Practice evening",
    description: "",
    location: "Room 4, Library",
    url: "https://convene.example.org/events/abc",
    created,
    lastModified: created,
    ...overrides,
  };
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

const localOf = (time: ICAL.Time) => time.toString().slice(0, 16); // 2026-03-03T18:30

test("a monthly series across the March change reads 18:30 in London and the right UTC instant", () => {
  const dates = ["2026-02-03", "2026-03-03", "2026-04-07", "2026-05-05"];
  const text = writeCalendar({ now: created, events: dates.map((d) => occurrence(d)) });
  const events = parse(text);
  assert.equal(events.length, 4);
  const expectedUtc = ["2026-02-03T18:30", "2026-03-03T18:30", "2026-04-07T17:30", "2026-05-05T17:30"];
  events.forEach((event, i) => {
    assert.equal(localOf(event.startDate), `${dates[i]}T18:30`);
    assert.equal(event.startDate.zone?.tzid, "Europe/London", "the zone is resolved from our VTIMEZONE");
    assert.equal(event.startDate.toJSDate().toISOString().slice(0, 16), expectedUtc[i]);
    assert.equal(localOf(event.endDate), `${dates[i]}T20:00`);
  });
  assert.match(text, /DTSTART;TZID=Europe\/London:20260303T183000\r\n/);
});

test("weekly occurrences either side of 25 October 2026 keep 18:30 local as the offset changes", () => {
  const dates = ["2026-10-13", "2026-10-20", "2026-10-27", "2026-11-03"];
  const events = parse(writeCalendar({ now: created, events: dates.map((d) => occurrence(d)) }));
  const utc = events.map((e) => e.startDate.toJSDate().toISOString().slice(11, 16));
  assert.deepEqual(utc, ["17:30", "17:30", "18:30", "18:30"]);
  for (const [i, event] of events.entries()) assert.equal(localOf(event.startDate), `${dates[i]}T18:30`);
});

test("the VTIMEZONE lists the zone's real transitions for the covered years", () => {
  const text = writeCalendar({ now: created, events: [occurrence("2026-06-01")] });
  const zone = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent("vtimezone");
  assert.ok(zone);
  const daylight = zone
    .getAllSubcomponents("daylight")
    .map((c) => c.getFirstPropertyValue("dtstart")?.toString());
  const standard = zone
    .getAllSubcomponents("standard")
    .map((c) => c.getFirstPropertyValue("dtstart")?.toString());
  assert.deepEqual(daylight, ["2026-03-29T01:00:00"]);
  assert.ok(standard.includes("2026-10-25T02:00:00"));
  assert.match(text, /TZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0000/);

  const found = transitionsBetween("Europe/London", new Date("2026-01-01Z"), new Date("2027-01-01Z"));
  assert.deepEqual(
    found.map((t) => [t.at.toISOString(), t.from, t.to]),
    [
      ["2026-03-29T01:00:00.000Z", 0, 60],
      ["2026-10-25T01:00:00.000Z", 60, 0],
    ],
  );
});

test("other zones: southern hemisphere, half-hour offsets and zones without daylight saving", () => {
  const zones = ["Australia/Sydney", "Asia/Kolkata", "America/New_York", "UTC"];
  const dates = ["2026-03-01", "2026-04-10", "2026-07-01", "2026-11-05"];
  const events = zones.flatMap((timeZone) =>
    dates.map((d) => occurrence(d, { timeZone, uid: `${timeZone}-${d}@x` })),
  );
  const text = writeCalendar({ now: created, events });
  assert.equal((text.match(/BEGIN:VTIMEZONE/g) ?? []).length, zones.length, "one VTIMEZONE per zone");
  for (const [i, event] of parse(text).entries()) {
    const source = events[i]!;
    assert.equal(event.startDate.toJSDate().getTime(), source.start.getTime(), `${source.uid} instant`);
    assert.equal(localOf(event.startDate), `${toLocal(source.start, source.timeZone).date}T18:30`);
  }
});

test("cancelled events say STATUS:CANCELLED; an edit's higher SEQUENCE reads back", () => {
  const text = writeCalendar({
    now: created,
    events: [occurrence("2026-02-03", { status: "CANCELLED", sequence: 3 })],
  });
  const [event] = parse(text);
  assert.equal(event?.component.getFirstPropertyValue("status"), "CANCELLED");
  assert.equal(event?.sequence, 3);
});

test("hostile text round-trips: escapes, newlines, emoji, very long titles; lines folded at 75 octets", () => {
  const summary = `Breakfast; lunch, and \\ back-slashes "quoted" 🎉🧑🏽‍💻 ${"Ünïcödé ✓ ".repeat(50)}`.slice(
    0,
    500,
  );
  const description = "First line\nSecond; line, with commas\r\n\nThird after a blank line\\n literal";
  const location = "Room 1; Floor 2, <script>alert(1)</script>";
  const text = writeCalendar({
    now: created,
    events: [occurrence("2026-02-03", { summary, description, location })],
  });
  const [event] = parse(text);
  assert.equal(event?.summary, summary);
  assert.equal(event?.description, description.replace(/\r\n/g, "\n"));
  assert.equal(event?.location, location);

  assert.ok(text.endsWith("\r\n"));
  assert.doesNotMatch(text.replace(/\r\n/g, ""), /[\r\n]/, "every line ends in CRLF");
  for (const line of text.split("\r\n")) {
    assert.ok(Buffer.byteLength(line, "utf8") <= 75, `line over 75 octets: ${line}`);
    assert.doesNotMatch(line, /\uFFFD/);
  }
  // Folding never splits a character: each physical line is valid UTF-8 on its own.
  for (const line of text.split("\r\n")) {
    const bytes = Buffer.from(line, "utf8");
    assert.equal(new TextDecoder("utf-8", { fatal: true }).decode(bytes), line);
  }
});

test("escapeText and foldLine on their own", () => {
  assert.equal(escapeText("a;b,c\\d\ne"), "a\\;b\\,c\\\\d\\ne");
  assert.equal(escapeText("bell\u0007 tab\t"), "bell tab\t");
  const folded = foldLine(`SUMMARY:${"é".repeat(100)}`);
  const lines = folded.split("\r\n");
  assert.ok(lines.every((l) => Buffer.byteLength(l) <= 75));
  assert.ok(lines.slice(1).every((l) => l.startsWith(" ")));
  assert.equal(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join(""), `SUMMARY:${"é".repeat(100)}`);
});

test("transitions match an hour-by-hour scan in zones with unusual rules", () => {
  const from = new Date("2026-01-01T00:00:00Z");
  const to = new Date("2027-01-01T00:00:00Z");
  for (const zone of [
    "Europe/London",
    "Australia/Sydney",
    "America/Santiago",
    "Pacific/Chatham",
    "Asia/Tokyo",
  ]) {
    const expected: string[] = [];
    let previous = offsetMinutes(from, zone);
    for (let t = from.getTime() + 3_600_000; t <= to.getTime(); t += 3_600_000) {
      const offset = offsetMinutes(new Date(t), zone);
      if (offset !== previous) expected.push(`${new Date(t).toISOString()} ${previous}->${offset}`);
      previous = offset;
    }
    const found = transitionsBetween(zone, from, to).map((t) => `${t.at.toISOString()} ${t.from}->${t.to}`);
    assert.deepEqual(found, expected, zone);
  }
});

test("long ASCII lines fold at 75 octets and unfold to the original", () => {
  const line = `DESCRIPTION:${"abcdefghij".repeat(40)}`;
  const lines = foldLine(line).split("\r\n");
  assert.ok(lines.every((l) => l.length <= 75));
  assert.equal(lines[0]?.length, 75);
  assert.equal(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join(""), line);
});
