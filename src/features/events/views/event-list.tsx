import type { EventSummary } from "../finding-queries.js";
import { dayLabel, EventCard, localDate } from "./event-card.js";

/** Events grouped under one heading per local day, in the order given. */
export function EventList({
  events,
  zone,
  headingLevel = 3,
  showHosts = true,
}: {
  events: EventSummary[];
  zone: string;
  headingLevel?: 2 | 3;
  showHosts?: boolean;
}) {
  const days: { date: string; events: EventSummary[] }[] = [];
  for (const event of events) {
    const date = localDate(event, zone);
    const last = days[days.length - 1];
    if (last && last.date === date) last.events.push(event);
    else days.push({ date, events: [event] });
  }
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div class="event-days">
      {days.map((day) => (
        <section class="event-day">
          <Heading class="event-day-heading">
            <time datetime={day.date}>{dayLabel(day.date)}</time>
          </Heading>
          <ul class="event-cards">
            {day.events.map((event) => (
              <EventCard
                event={event}
                zone={zone}
                showHosts={showHosts}
                titleLevel={headingLevel === 2 ? 3 : 4}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
