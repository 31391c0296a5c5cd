import { typeLabels } from "../finding-inputs.js";
import type { ArchivedEvent } from "../finding-queries.js";
import { toLocal } from "../zoned-time.js";
import { monthLabel } from "./event-card.js";

const dateFormatter = new Intl.DateTimeFormat("en-GB", {
  weekday: "short",
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});

/** Links organisers paste are shown as links only when they are web addresses. */
const isWebAddress = (url: string) => /^https?:\/\/[^\s]+$/i.test(url);

/** Past events grouped by month (in the order given: newest first), each with its outputs. */
export function Archive({ events, zone }: { events: ArchivedEvent[]; zone: string }) {
  const months: { month: string; events: ArchivedEvent[] }[] = [];
  for (const event of events) {
    const month = toLocal(event.startsAt, zone).date.slice(0, 7);
    const last = months[months.length - 1];
    if (last && last.month === month) last.events.push(event);
    else months.push({ month, events: [event] });
  }
  return (
    <div class="archive">
      {months.map((block) => (
        <section class="archive-month" aria-labelledby={`month-${block.month}`}>
          <h2 id={`month-${block.month}`}>
            <time datetime={block.month}>{monthLabel(block.month)}</time>
          </h2>
          <ol class="archive-events">
            {block.events.map((event) => (
              <ArchiveItem event={event} zone={zone} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function ArchiveItem({ event, zone }: { event: ArchivedEvent; zone: string }) {
  const date = toLocal(event.startsAt, zone).date;
  const outputs = [
    event.hasNotes && (
      <a href={`/events/${event.id}#outputs`} class="archive-output">
        Notes
      </a>
    ),
    event.recordingUrl ? (
      isWebAddress(event.recordingUrl) ? (
        <a href={event.recordingUrl} class="archive-output" rel="noopener noreferrer">
          Recording
        </a>
      ) : (
        <a href={`/events/${event.id}#outputs`} class="archive-output">
          Recording
        </a>
      )
    ) : (
      event.recordingExpected && <span class="archive-output archive-pending">Recording coming soon</span>
    ),
    event.slidesUrl &&
      (isWebAddress(event.slidesUrl) ? (
        <a href={event.slidesUrl} class="archive-output" rel="noopener noreferrer">
          Slides
        </a>
      ) : (
        <a href={`/events/${event.id}#outputs`} class="archive-output">
          Slides
        </a>
      )),
  ].filter(Boolean);
  return (
    <li class="archive-event">
      <p class="archive-date">
        <time datetime={event.startsAt.toISOString()}>
          {dateFormatter.format(new Date(`${date}T12:00:00Z`))}
        </time>
      </p>
      <div class="archive-body">
        <h3 class="archive-title">
          <a href={`/events/${event.id}`}>{event.title}</a>{" "}
          <span class="badge badge-muted">{typeLabels[event.type]}</span>
        </h3>
        {event.topics.length > 0 && (
          <p class="archive-topics">
            <span class="visually-hidden">Topics: </span>
            {event.topics.join(" · ")}
          </p>
        )}
        {outputs.length > 0 ? (
          <p class="archive-outputs">
            <span class="visually-hidden">Outputs: </span>
            {outputs}
          </p>
        ) : (
          <p class="archive-outputs muted">No notes or recording yet.</p>
        )}
      </div>
    </li>
  );
}
