// Wall-clock times in a named time zone, using only Intl (no time zone database of our own).
// Events are planned in local time ("18:30 in Europe/London") and stored as instants.

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      weekday: "short",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone });
    return true;
  } catch {
    return false;
  }
}

export interface LocalDateTime {
  /** "2026-03-29" */
  date: string;
  /** "18:30" */
  time: string;
  /** 0 (Sunday) .. 6 */
  weekday: number;
  seconds: number;
}

const weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** The wall-clock date and time of an instant in a zone. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: weekdays.indexOf(String(parts.weekday)),
    seconds: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in minutes (London in summer: +60). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const local = toLocal(instant, timeZone);
  const asUtc = Date.parse(`${local.date}T${local.time}:00Z`) + local.seconds * 1000;
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant at which the zone's clocks show `date` `time`. A time skipped by a spring-forward
 * change (01:30 in London on the last Sunday of March) moves forward by the gap, as calendar
 * programs do; a time that happens twice in autumn takes the first (summer-time) occurrence.
 */
export function fromLocal(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(wall)) throw new RangeError(`Not a date and time: ${date} ${time}`);
  // Try the offsets in force just before and just after the wall time; keep the first that fits.
  const candidates = [
    offsetMinutes(new Date(wall - 86_400_000), timeZone),
    offsetMinutes(new Date(wall + 86_400_000), timeZone),
  ];
  for (const offset of candidates.sort((a, b) => b - a)) {
    const instant = new Date(wall - offset * 60_000);
    const back = toLocal(instant, timeZone);
    if (back.date === date && back.time === time) return instant;
  }
  // In a spring-forward gap: use the offset before the change, which lands after the gap.
  return new Date(wall - Math.min(...candidates) * 60_000);
}

/** Adds whole days to a "YYYY-MM-DD" date (calendar arithmetic, no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
