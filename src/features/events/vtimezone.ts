// VTIMEZONE components built from the zone's real transitions, found through Intl (via
// zoned-time.ts), so Convene carries no time zone database of its own. Each transition in the
// covered years becomes an explicitly dated STANDARD or DAYLIGHT observance (valid RFC 5545,
// and exact for past rule changes, unlike a guessed RRULE).

import { offsetMinutes, toLocal } from "./zoned-time.js";

const MINUTE = 60_000;
const DAY = 86_400_000;

export interface Transition {
  /** The first instant (to the minute) at which the new offset applies. */
  at: Date;
  from: number;
  to: number;
}

const WEEK = 7 * DAY;

/**
 * The zone's offset changes between `from` and `to`: sampled weekly (no zone changes its clocks
 * and back within a week), each change then narrowed down to the minute by bisection.
 */
export function transitionsBetween(timeZone: string, from: Date, to: Date): Transition[] {
  const found: Transition[] = [];
  let previous = from.getTime();
  let previousOffset = offsetMinutes(from, timeZone);
  for (let t = previous + WEEK; previous < to.getTime(); t += WEEK) {
    const sample = Math.min(t, to.getTime());
    const offset = offsetMinutes(new Date(sample), timeZone);
    if (offset !== previousOffset) {
      // Bisect on whole minutes: lo has the old offset, hi the new one.
      let lo = Math.floor(previous / MINUTE);
      let hi = Math.ceil(sample / MINUTE);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetMinutes(new Date(mid * MINUTE), timeZone) === previousOffset) lo = mid;
        else hi = mid;
      }
      found.push({ at: new Date(hi * MINUTE), from: previousOffset, to: offset });
    }
    previous = sample;
    previousOffset = offset;
  }
  return found;
}

/** +0100, -0330 */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** The wall-clock time at `instant` as seen with `offset` (the observance's TZOFFSETFROM). */
function wallClock(instant: Date, offset: number): string {
  const shifted = new Date(instant.getTime() + offset * MINUTE);
  return shifted.toISOString().slice(0, 19).replace(/[-:]/g, "");
}

/**
 * The VTIMEZONE lines for a zone over the whole calendar years from `from` to `to`: a first
 * observance for the offset in force at the start, then one per transition.
 */
export function vtimezoneLines(timeZone: string, from: Date, to: Date): string[] {
  const firstYear = Number(toLocal(from, timeZone).date.slice(0, 4));
  const lastYear = Number(toLocal(to, timeZone).date.slice(0, 4));
  // A day's margin either side: the local new year differs from the UTC one by the offset.
  const start = new Date(Date.UTC(firstYear, 0, 1) - DAY);
  const end = new Date(Date.UTC(lastYear + 1, 0, 1) + DAY);
  const transitions = cachedTransitions(timeZone, firstYear, lastYear, start, end);
  const initial = offsetMinutes(start, timeZone);
  const standardOffset = Math.min(initial, ...transitions.map((t) => t.to));
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const observance = (at: Date, fromOffset: number, toOffset: number) => {
    const kind = toOffset > standardOffset ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${wallClock(at, fromOffset)}`,
      `TZOFFSETFROM:${formatOffset(fromOffset)}`,
      `TZOFFSETTO:${formatOffset(toOffset)}`,
      `END:${kind}`,
    );
  };
  observance(start, initial, initial);
  for (const transition of transitions) observance(transition.at, transition.from, transition.to);
  lines.push("END:VTIMEZONE");
  return lines;
}

// A year's transitions never change while the process runs, and feeds are fetched again and
// again, so each (zone, years) answer is kept. The key space is small: zones in use × year spans.
const cache = new Map<string, Transition[]>();

function cachedTransitions(timeZone: string, firstYear: number, lastYear: number, start: Date, end: Date) {
  const key = `${timeZone} ${firstYear} ${lastYear}`;
  let found = cache.get(key);
  if (!found) {
    found = transitionsBetween(timeZone, start, end);
    if (cache.size > 500) cache.clear();
    cache.set(key, found);
  }
  return found;
}
