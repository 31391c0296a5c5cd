// Occurrences of a recurring series, worked out on local calendar dates (no time zone involved),
// then turned into instants one by one with `fromLocal`, so 18:30 stays 18:30 across clock changes.
import type { RecurrenceFrequency } from "./tables.js";
import { addDays, fromLocal } from "./zoned-time.js";

export interface RecurrenceRule {
  frequency: RecurrenceFrequency;
  /** How many occurrences, the first included. */
  count: number;
  /** monthly_date: the day of the month (1..31); short months use their last day. */
  dayOfMonth?: number | null;
  /** monthly_weekday: 1..4 ("first".."fourth") or -1 ("last"), and the weekday 0 (Sunday)..6. */
  weekOfMonth?: number | null;
  weekday?: number | null;
}

const parse = (date: string) => {
  const [year, month, day] = date.split("-").map(Number);
  return { year: year!, month: month!, day: day! };
};
const format = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

/** Days in a month (month 1..12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 0 (Sunday)..6 for a "YYYY-MM-DD" date. */
export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** Where a date sits in its month: the nth of its weekday (1..5) and whether it is the last one. */
export function weekdayPosition(date: string): { nth: number; isLast: boolean; weekday: number } {
  const { year, month, day } = parse(date);
  return {
    nth: Math.floor((day - 1) / 7) + 1,
    isLast: day + 7 > daysInMonth(year, month),
    weekday: weekdayOf(date),
  };
}

/** The date of the nth (1..4) or last (-1) `weekday` of a month. */
export function nthWeekdayOfMonth(year: number, month: number, weekOfMonth: number, weekday: number): string {
  if (weekOfMonth === -1) {
    const last = daysInMonth(year, month);
    const lastWeekday = weekdayOf(format(year, month, last));
    return format(year, month, last - ((lastWeekday - weekday + 7) % 7));
  }
  const firstWeekday = weekdayOf(format(year, month, 1));
  return format(year, month, 1 + ((weekday - firstWeekday + 7) % 7) + (weekOfMonth - 1) * 7);
}

/** The local dates of a series starting on `start` (which is always the first occurrence). */
export function occurrenceDates(start: string, rule: RecurrenceRule): string[] {
  const dates = [start];
  const { year, month } = parse(start);
  for (let i = 1; i < rule.count; i++) {
    if (rule.frequency === "weekly") dates.push(addDays(start, 7 * i));
    else if (rule.frequency === "fortnightly") dates.push(addDays(start, 14 * i));
    else {
      const monthIndex = month - 1 + i;
      const y = year + Math.floor(monthIndex / 12);
      const m = (monthIndex % 12) + 1;
      if (rule.frequency === "monthly_date") {
        const day = rule.dayOfMonth ?? parse(start).day;
        dates.push(format(y, m, Math.min(day, daysInMonth(y, m))));
      } else {
        const position = weekdayPosition(start);
        dates.push(
          nthWeekdayOfMonth(y, m, rule.weekOfMonth ?? position.nth, rule.weekday ?? position.weekday),
        );
      }
    }
  }
  return dates;
}

export interface Occurrence {
  index: number;
  date: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Instants of each occurrence: every one starts at `startTime` and ends at `endTime` local time on
 * its own date in `timeZone`. An end time at or before the start time ends on the next day.
 */
export function occurrencesOf(
  start: string,
  startTime: string,
  endTime: string,
  timeZone: string,
  rule: RecurrenceRule,
): Occurrence[] {
  return occurrenceDates(start, rule).map((date, i) => {
    const startsAt = fromLocal(date, startTime, timeZone);
    const endDate = endTime <= startTime ? addDays(date, 1) : date;
    return { index: i + 1, date, startsAt, endsAt: fromLocal(endDate, endTime, timeZone) };
  });
}

const ordinals: Record<number, string> = { 1: "first", 2: "second", 3: "third", 4: "fourth", [-1]: "last" };
export const weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Every week", "Every month on the first Tuesday", in words. */
export function describeRule(rule: RecurrenceRule): string {
  switch (rule.frequency) {
    case "weekly":
      return "Every week";
    case "fortnightly":
      return "Every two weeks";
    case "monthly_date":
      return `Every month on day ${rule.dayOfMonth ?? "?"}`;
    case "monthly_weekday":
      return `Every month on the ${ordinals[rule.weekOfMonth ?? 1] ?? "same"} ${weekdayNames[rule.weekday ?? 0]}`;
  }
}
