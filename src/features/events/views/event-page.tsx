import { raw } from "hono/html";
import type { PageContext } from "../../../ui/page-context.js";
import type { LoadedEvent } from "../load.js";
import type { OccurrenceRow } from "../queries.js";
import { CalendarLinks } from "./calendar-links.js";
import { EventSummary, EventWhen, eventFormatLabels, eventTypeLabels, placesText } from "./event-summary.js";
import { OutputsSection } from "./outputs-section.js";
import { RsvpPanel, type RsvpPanelData } from "./rsvp-panel.js";
import { SessionBoard, type SessionBoardData } from "./session-board.js";

export interface EventPageProps {
  ctx: PageContext;
  loaded: LoadedEvent;
  now: Date;
  canManage: boolean;
  descriptionHtml: string;
  organisers: { handle: string; name: string }[];
  series: { before: OccurrenceRow[]; after: OccurrenceRow[]; rule: string | null } | null;
  rsvp: RsvpPanelData;
  /** Unconferences only. */
  board: { data: SessionBoardData } | null;
}

/** The event page: what, when, where, who hosts it, places; the sections of the other event work. */
export function EventPage(props: EventPageProps) {
  const { ctx, loaded, now, canManage } = props;
  const { event, hosts } = loaded;
  const cancelled = event.status === "cancelled";
  const section = { ctx, loaded, canManage, now };
  return (
    <article class={cancelled ? "event-page event-cancelled" : "event-page"}>
      <div class="page-header">
        <div class="page-header-row">
          <div>
            <p class="event-kicker">
              {eventTypeLabels[event.type]}
              {hosts[0] && (
                <>
                  {" · "}
                  <a href={`/communities/${hosts[0].slug}`}>{hosts[0].name}</a>
                </>
              )}
            </p>
            <h1>{event.title}</h1>
            <p class="lead">
              <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} />
            </p>
          </div>
          {canManage && !cancelled && (
            <div class="event-controls">
              <a class="button button-secondary" href={`/events/${event.id}/edit`}>
                Edit event
              </a>
              <a class="button button-danger" href={`/events/${event.id}/cancel`}>
                Cancel event
              </a>
            </div>
          )}
        </div>
      </div>
      {cancelled && (
        <div class="notice event-cancelled-banner" role="status">
          <h2>Cancelled</h2>
          <p>This event has been cancelled{event.cancelReason ? ":" : "."}</p>
          {event.cancelReason && <p class="event-cancel-reason">{event.cancelReason}</p>}
        </div>
      )}
      <div class="layout-sidebar">
        <div class="stack">
          <section class="panel" aria-labelledby="event-details">
            <h2 id="event-details">Details</h2>
            <dl class="facts">
              <dt>When</dt>
              <dd>
                <EventWhen startsAt={event.startsAt} endsAt={event.endsAt} timeZone={event.timeZone} />
              </dd>
              <dt>Format</dt>
              <dd>{eventFormatLabels[event.format]}</dd>
              {event.location && (
                <>
                  <dt>Where</dt>
                  <dd>{event.location}</dd>
                </>
              )}
              {event.format !== "in_person" && (
                <>
                  <dt>Online</dt>
                  <dd>
                    {canManage && event.onlineLink ? (
                      <a href={event.onlineLink}>{event.onlineLink}</a>
                    ) : (
                      "The link is shown to people going."
                    )}
                  </dd>
                </>
              )}
              <dt>{hosts.length > 1 ? "Hosts" : "Host"}</dt>
              <dd>
                {hosts.map((h, i) => (
                  <>
                    {i > 0 && ", "}
                    <a href={`/communities/${h.slug}`}>{h.name}</a>
                  </>
                ))}
              </dd>
              {props.organisers.length > 0 && (
                <>
                  <dt>Co-organisers</dt>
                  <dd>
                    {props.organisers.map((p, i) => (
                      <>
                        {i > 0 && ", "}
                        <a href={`/people/${p.handle}`}>{p.name}</a>
                      </>
                    ))}
                  </dd>
                </>
              )}
              <dt>Places</dt>
              <dd>{placesText(event.goingCount, event.capacity, event.waitlistCount)}</dd>
            </dl>
          </section>
          <section aria-labelledby="event-about">
            <h2 id="event-about">About this event</h2>
            {props.descriptionHtml ? (
              <div class="prose">{raw(props.descriptionHtml)}</div>
            ) : (
              <p class="muted">The organisers have not written a description yet.</p>
            )}
          </section>
          <section aria-labelledby="event-access">
            <h2 id="event-access">Accessibility</h2>
            {event.accessibility ? (
              <p class="event-accessibility">{event.accessibility}</p>
            ) : (
              <p class="muted">
                No accessibility information yet. Ask the organisers about anything you need.
              </p>
            )}
          </section>
          {props.board && <SessionBoard {...section} data={props.board.data} />}
          <OutputsSection {...section} data={null} />
        </div>
        <aside class="stack" aria-label="Taking part">
          <RsvpPanel {...section} data={props.rsvp} />
          <CalendarLinks {...section} data={null} />
          {props.series && (
            <section class="panel" aria-labelledby="event-series">
              <h2 id="event-series">Other dates in this series</h2>
              {props.series.rule && <p class="muted">{props.series.rule}</p>}
              {props.series.before.length + props.series.after.length === 0 ? (
                <p class="muted">This is the only date left in the series.</p>
              ) : (
                <ul class="event-series-list">
                  {props.series.before.map((o) => (
                    <EventSummary event={o} />
                  ))}
                  <EventSummary event={{ ...event }} current />
                  {props.series.after.map((o) => (
                    <EventSummary event={o} />
                  ))}
                </ul>
              )}
            </section>
          )}
        </aside>
      </div>
    </article>
  );
}
