import type { EventFormat } from "../tables.js";
import { toLocal } from "../zoned-time.js";

// The same words as the finding filters use.
export { typeLabels as eventTypeLabels } from "../finding-inputs.js";

export const eventFormatLabels: Record<EventFormat, string> = {
  in_person: "In person",
  online: "Online",
  hybrid: "Hybrid (in person and online)",
};

const dayFormatters = new Map<string, Intl.DateTimeFormat>();
function dayFormatter(timeZone: string) {
  let f = dayFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", {
      weekday: "long",
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone,
    });
    dayFormatters.set(timeZone, f);
  }
  return f;
}

/** "Tuesday 3 March 2026" in the zone (Intl puts a comma after the weekday; we do not). */
export function formatDay(instant: Date, timeZone: string): string {
  return dayFormatter(timeZone).format(instant).replace(",", "");
}

/** "Tuesday 3 March 2026, 18:30–20:00 (Europe/London)"; an event over midnight names both days. */
export function describeWhen(startsAt: Date, endsAt: Date, timeZone: string): string {
  const start = toLocal(startsAt, timeZone);
  const end = toLocal(endsAt, timeZone);
  if (start.date === end.date)
    return `${formatDay(startsAt, timeZone)}, ${start.time}–${end.time} (${timeZone})`;
  return `${formatDay(startsAt, timeZone)}, ${start.time} to ${formatDay(endsAt, timeZone)}, ${end.time} (${timeZone})`;
}

/** The time of an event for people and machines. */
export function EventWhen({
  startsAt,
  endsAt,
  timeZone,
}: {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
}) {
  return <time datetime={startsAt.toISOString()}>{describeWhen(startsAt, endsAt, timeZone)}</time>;
}

/** "12 going · 3 places left", "12 going · full, 2 waiting", "5 going". */
export function placesText(going: number, capacity: number | null, waiting = 0): string {
  const people = `${going} going`;
  if (capacity === null) return people;
  const left = capacity - going;
  if (left > 0) return `${people} · ${left} ${left === 1 ? "place" : "places"} left`;
  return waiting > 0 ? `${people} · full, ${waiting} waiting` : `${people} · full`;
}

/** One line of a list of events: the title linked, when, and a "Cancelled" mark in words. */
export function EventSummary({
  event,
  current = false,
}: {
  event: { id: string; title: string; startsAt: Date; endsAt: Date; timeZone: string; status: string };
  current?: boolean;
}) {
  return (
    <li class={event.status === "cancelled" ? "event-summary event-summary-cancelled" : "event-summary"}>
      {current ? (
        <strong aria-current="page">{event.title}</strong>
      ) : (
        <a href={`/events/${event.id}`}>{event.title}</a>
      )}{" "}
      {event.status === "cancelled" && <span class="badge badge-muted">Cancelled</span>}
      <br />
      <span class="muted">
        <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} />
      </span>
    </li>
  );
}
