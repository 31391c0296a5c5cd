const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en-GB", { numeric: "auto" });

export function relativeTime(date: Date, now = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

// Building an Intl.DateTimeFormat costs far more than using one; pages format many dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatDate(date: Date, timeZone = "Europe/London", withTime = false): string {
  const key = `${timeZone}|${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", {
      dateStyle: "long",
      timeStyle: withTime ? "short" : undefined,
      timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(date);
}

/** "3 days ago", with the exact date on hover and for machines. */
export function RelativeTime({ date, timeZone }: { date: Date; timeZone?: string }) {
  return (
    <time datetime={date.toISOString()} title={formatDate(date, timeZone, true)}>
      {relativeTime(date)}
    </time>
  );
}
