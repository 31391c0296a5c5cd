import { formatLabels, typeLabels } from "../finding-inputs.js";
import type { EventSummary } from "../finding-queries.js";
import { toLocal } from "../zoned-time.js";

const dayFormatter = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});
const monthFormatter = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "Thursday 3 December 2026" for a "2026-12-03" date. */
export const dayLabel = (date: string) => dayFormatter.format(new Date(`${date}T12:00:00Z`));
/** "December 2026" for "2026-12" (or any date in it). */
export const monthLabel = (month: string) =>
  monthFormatter.format(new Date(`${month.slice(0, 7)}-15T12:00:00Z`));

/** The viewer's local date of an event's start ("2026-12-03"): events belong to their local day. */
export const localDate = (event: { startsAt: Date }, zone: string) => toLocal(event.startsAt, zone).date;

/** "18:30–20:30" in the viewer's zone, with the organiser's own times when they planned in another zone. */
export function EventTime({
  event,
  zone,
  withDate,
}: {
  event: EventSummary;
  zone: string;
  withDate?: boolean;
}) {
  const start = toLocal(event.startsAt, zone);
  const end = toLocal(event.endsAt, zone);
  const endText = end.date === start.date ? end.time : `${dayLabel(end.date)}, ${end.time}`;
  const own = event.timeZone !== zone ? toLocal(event.startsAt, event.timeZone) : null;
  return (
    <span class="event-time">
      <time datetime={event.startsAt.toISOString()}>
        {withDate ? `${dayLabel(start.date)}, ` : ""}
        {start.time}
      </time>
      {"–"}
      <time datetime={event.endsAt.toISOString()}>{endText}</time>
      {own && (
        <span class="muted">
          {" "}
          ({own.time} {event.timeZone})
        </span>
      )}
    </span>
  );
}

export function placesText(event: Pick<EventSummary, "capacity" | "goingCount" | "status">): string {
  const going = event.goingCount === 1 ? "1 going" : `${event.goingCount} going`;
  if (event.status === "cancelled" || event.capacity === null) return going;
  const left = Math.max(0, event.capacity - event.goingCount);
  return `${going}, ${left === 0 ? "full (waiting list open)" : left === 1 ? "1 place left" : `${left} places left`}`;
}

export function HostNames({ hosts }: { hosts: EventSummary["hosts"] }) {
  if (hosts.length === 0) return null;
  return (
    <span class="event-hosts">
      {hosts.map((host, i) => (
        <>
          {i > 0 && (i === hosts.length - 1 ? " and " : ", ")}
          <a href={`/communities/${host.slug}`}>{host.name}</a>
        </>
      ))}
    </span>
  );
}

/** One event in a list: time, title, type, format, hosts and places. */
export function EventCard({
  event,
  zone,
  withDate,
  showHosts = true,
  titleLevel = 3,
}: {
  event: EventSummary;
  zone: string;
  withDate?: boolean;
  showHosts?: boolean;
  titleLevel?: 3 | 4;
}) {
  const cancelled = event.status === "cancelled";
  const Title = titleLevel === 4 ? "h4" : "h3";
  return (
    <li class={cancelled ? "event-card event-cancelled" : "event-card"}>
      <p class="event-card-when">
        <EventTime event={event} zone={zone} withDate={withDate} />
      </p>
      <Title class="event-card-title">
        {cancelled && <span class="badge badge-cancelled">Cancelled</span>}{" "}
        <a href={`/events/${event.id}`}>{event.title}</a>
      </Title>
      <p class="event-card-meta">
        <span class="badge badge-muted">{typeLabels[event.type]}</span>
        <span>{formatLabels[event.format]}</span>
        {event.location && event.format !== "online" && <span>{event.location}</span>}
        {showHosts && <HostNames hosts={event.hosts} />}
        <span>{placesText(event)}</span>
      </p>
    </li>
  );
}
