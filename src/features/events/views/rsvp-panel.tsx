import type { Child } from "hono/jsx";
import { type Decision, decide } from "../../../platform/policy.js";
import { CsrfField } from "../../../ui/components/form.js";
import type { PageContext } from "../../../ui/page-context.js";
import { eventTarget, type LoadedEvent } from "../load.js";
import { isOrganiser } from "../policy.js";
import { type MyRsvp, myRsvp } from "../rsvp-queries.js";
import type { SectionInput, SectionProps } from "./section.js";

// Owned by the RSVP work: going / not going, waitlist position, capacity, the online link for people going.

export interface RsvpPanelData {
  mine: MyRsvp | null;
  /** May the viewer answer (event.rsvp)? Its reason is shown when not. */
  decision: Decision;
  signedIn: boolean;
  /** Going people and organisers see the online link. */
  showOnlineLink: boolean;
  /** After an htmx answer: what just happened, announced to screen readers. */
  message?: string | null;
}

export const rsvpPanelId = "rsvp";
export const rsvpCountsId = "rsvp-counts";
export const rsvpPath = (eventId: string) => `/events/${eventId}/rsvp`;

export async function loadRsvpPanel(input: SectionInput): Promise<RsvpPanelData> {
  const { db, loaded, actor, now, canManage } = input;
  const signedIn = actor.kind === "person";
  const mine = signedIn ? await myRsvp(db, loaded.event.id, actor.id) : null;
  const target = eventTarget(loaded, now);
  return {
    mine,
    decision: decide(actor, "event.rsvp", target),
    signedIn,
    showOnlineLink: mine?.status === "going" || canManage || isOrganiser(actor, target),
  };
}

const people = (n: number) => (n === 1 ? "1 person" : `${n} people`);

/**
 * "12 going, 3 places left". The event page may show it with `live` (id `rsvp-counts`) anywhere;
 * after an htmx answer it is swapped out of band there too.
 */
export function RsvpCounts({ loaded, live, oob }: { loaded: LoadedEvent; live?: boolean; oob?: boolean }) {
  const { goingCount, waitlistCount, capacity } = loaded.event;
  const left = capacity === null ? null : Math.max(0, capacity - goingCount);
  return (
    <p id={live || oob ? rsvpCountsId : undefined} class="rsvp-counts" hx-swap-oob={oob ? "true" : undefined}>
      <strong>{people(goingCount)} going</strong>
      {left === null
        ? ". No limit on places."
        : left > 0
          ? `, ${left === 1 ? "1 place" : `${left} places`} left of ${capacity}.`
          : `. Full (${capacity} places)${waitlistCount > 0 ? `, ${people(waitlistCount)} on the waitlist` : ""}.`}
    </p>
  );
}

function AnswerButton({
  status,
  label,
  variant,
}: {
  status: "going" | "not_going";
  label: string;
  variant?: "secondary";
}) {
  return (
    <button
      type="submit"
      name="status"
      value={status}
      class={variant ? `button button-${variant}` : "button"}
    >
      {label}
    </button>
  );
}

/** One form per answer, posting normally or swapping the panel through htmx. */
function AnswerForm({ ctx, eventId, children }: { ctx: PageContext; eventId: string; children: Child }) {
  const action = rsvpPath(eventId);
  return (
    <form
      method="post"
      action={action}
      class="inline-form"
      hx-post={action}
      hx-target={`#${rsvpPanelId}`}
      hx-swap="outerHTML"
    >
      <CsrfField token={ctx.csrfToken} />
      {children}
    </form>
  );
}

/** Giving up a place or a waitlist position asks twice, and says what happens. */
function ConfirmLeave({
  ctx,
  eventId,
  summary,
  explanation,
  confirm,
}: {
  ctx: PageContext;
  eventId: string;
  summary: string;
  explanation: string;
  confirm: string;
}) {
  return (
    <details class="rsvp-confirm">
      <summary class="button button-secondary">{summary}</summary>
      <p>{explanation}</p>
      <AnswerForm ctx={ctx} eventId={eventId}>
        <AnswerButton status="not_going" label={confirm} variant="secondary" />
      </AnswerForm>
    </details>
  );
}

const safeLink = (url: string) => /^https?:\/\//i.test(url.trim());

export function RsvpPanel({ ctx, loaded, data, now, canManage }: SectionProps<RsvpPanelData>) {
  const { event } = loaded;
  const { mine, decision } = data;
  const full = event.capacity !== null && event.goingCount >= event.capacity;
  const ended = event.endsAt.getTime() <= now.getTime();
  const link = event.format !== "in_person" && safeLink(event.onlineLink) ? event.onlineLink.trim() : "";
  return (
    <section id={rsvpPanelId} class="panel rsvp-panel" aria-labelledby="rsvp-title">
      <h2 id="rsvp-title">{ended ? "Attendance" : "Are you going?"}</h2>
      <RsvpCounts loaded={loaded} />
      {data.message && (
        <p class="notice notice-success" role="status">
          {data.message}
        </p>
      )}
      {mine?.status === "going" && (
        <p class="rsvp-answer">
          <strong>
            {ended ? (mine.attended ? "You went." : "You said you were going.") : "You are going."}
          </strong>
        </p>
      )}
      {mine?.status === "waitlisted" && (
        <p class="rsvp-answer">
          <strong>You are number {mine.position ?? 1} on the waitlist.</strong>{" "}
          {!ended && "If a place comes up it is yours, and we will tell you."}
        </p>
      )}
      {mine?.status === "declined" && (
        <p class="rsvp-answer">
          <strong>You said you cannot go.</strong>
        </p>
      )}

      {!decision.allowed ? (
        <p class="rsvp-refusal">
          {decision.reason}
          {!data.signedIn && (
            <>
              {" "}
              <a href={`/sign-in?next=${encodeURIComponent(`/events/${event.id}`)}`}>Sign in</a>
            </>
          )}
        </p>
      ) : mine?.status === "going" ? (
        full || event.waitlistCount > 0 ? (
          <ConfirmLeave
            ctx={ctx}
            eventId={event.id}
            summary="I can't go"
            explanation="Your place will go to the first person on the waitlist. If you change your mind later, you may have to wait for a place."
            confirm="Give up my place"
          />
        ) : (
          <AnswerForm ctx={ctx} eventId={event.id}>
            <AnswerButton status="not_going" label="I can't go" variant="secondary" />
          </AnswerForm>
        )
      ) : mine?.status === "waitlisted" ? (
        <ConfirmLeave
          ctx={ctx}
          eventId={event.id}
          summary="Leave the waitlist"
          explanation="You will lose your place in the queue. If you join again, you go to the back."
          confirm="Leave the waitlist"
        />
      ) : (
        <div class="rsvp-actions">
          {full ? (
            <AnswerForm ctx={ctx} eventId={event.id}>
              <p class="hint">
                The event is full. Join the waitlist and you will be told if a place comes up.
              </p>
              <AnswerButton status="going" label="Join the waitlist" />
            </AnswerForm>
          ) : (
            <AnswerForm ctx={ctx} eventId={event.id}>
              <AnswerButton status="going" label="I'm going" />
            </AnswerForm>
          )}
          {mine?.status !== "declined" && (
            <AnswerForm ctx={ctx} eventId={event.id}>
              <AnswerButton status="not_going" label="I can't go" variant="secondary" />
            </AnswerForm>
          )}
        </div>
      )}

      {data.showOnlineLink && link && (
        <p class="rsvp-online">
          Online link:{" "}
          <a href={link} rel="noopener noreferrer">
            {link}
          </a>
        </p>
      )}
      {!data.showOnlineLink && event.format !== "in_person" && !ended && (
        <p class="hint">The online link is shown here to people going.</p>
      )}
      {canManage && (
        <p>
          <a href={`/events/${event.id}/attendees`}>See who is coming</a>
        </p>
      )}
    </section>
  );
}
