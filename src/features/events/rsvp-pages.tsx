import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { isHtmx, redirectAfterPost } from "../../platform/http/htmx.js";
import { type Actor, authorize, can } from "../../platform/policy.js";
import { pageContext } from "../../ui/page-context.js";
import { renderPage } from "../../ui/render.js";
import { toCsv } from "../programme/csv.js";
import { eventTarget, type LoadedEvent, loadEvent } from "./load.js";
import { attendanceInput, rsvpInput } from "./rsvp-inputs.js";
import { attendeeList, peopleByHandle } from "./rsvp-queries.js";
import { eventPath, type RsvpOutcome, recordAttendance, respond } from "./rsvp-service.js";
import { AttendeesPage } from "./views/attendees.js";
import { loadRsvpPanel, RsvpCounts, RsvpPanel } from "./views/rsvp-panel.js";
import "./policy.js";

/** What the person is told after answering (flash, or the panel's status line under htmx). */
export function outcomeMessage(outcome: RsvpOutcome, title: string): string {
  switch (outcome.status) {
    case "going":
      return outcome.previous === "going"
        ? `You are already going to “${title}”.`
        : `You are going to “${title}”. It is in your events.`;
    case "waitlisted":
      return outcome.previous === "waitlisted"
        ? `You are already on the waitlist, number ${outcome.position}.`
        : `“${title}” is full, so you are on the waitlist: number ${outcome.position}. If a place comes up it is yours, and we will tell you.`;
    default:
      if (outcome.previous === "going")
        return outcome.promoted.length > 0
          ? "You have given up your place. It has gone to the next person on the waitlist."
          : "You have told the organisers you cannot go.";
      if (outcome.previous === "waitlisted") return "You have left the waitlist.";
      return "You have told the organisers you cannot go.";
  }
}

const crumbs = (loaded: LoadedEvent, last: string) => {
  const host = loaded.hosts[0];
  return [
    ...(host ? [{ label: host.name, href: `/communities/${host.slug}` }] : []),
    { label: loaded.event.title, href: eventPath(loaded.event.id) },
    { label: last },
  ];
};

async function managedEvent(c: Context<AppEnv>, now: Date) {
  const loaded = await loadEvent(c.get("db"), c.req.param("id") ?? "");
  authorize(c.get("actor"), "event.manage", eventTarget(loaded, now));
  return loaded;
}

async function showAttendees(
  c: Context<AppEnv>,
  loaded: LoadedEvent,
  now: Date,
  form?: { errors: FieldErrors; values: FormValues },
) {
  const lists = await attendeeList(c.get("db"), loaded.event.id);
  return renderPage(
    c,
    {
      title: `Attendees: ${loaded.event.title}`,
      breadcrumbs: crumbs(loaded, "Attendees"),
      status: form ? 422 : 200,
    },
    (ctx) => (
      <AttendeesPage
        ctx={ctx}
        loaded={loaded}
        lists={lists}
        now={now}
        errors={form?.errors}
        values={form?.values}
      />
    ),
  );
}

const statusLabels = { going: "Going", waitlisted: "Waitlist", declined: "Not going" } as const;

function canManage(actor: Actor, loaded: LoadedEvent, now: Date) {
  return can(actor, "event.manage", eventTarget(loaded, now));
}

/** RSVP, the waitlist, the attendee list and attendance (owned by the RSVP work). */
export function rsvpPages() {
  const app = new Hono<AppEnv>();

  app.post("/events/:id/rsvp", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const loaded = await loadEvent(db, c.req.param("id"));
    const form = await parseForm(c, rsvpInput);
    if (!form.ok)
      throw new AppError(422, "invalid_rsvp", "Choose whether you are going.", { field: "status" });
    const now = new Date();
    const outcome = await respond(db, actor, loaded, form.data.status, now);
    const message = outcomeMessage(outcome, loaded.event.title);
    if (isHtmx(c)) {
      const fresh = await loadEvent(db, loaded.event.id);
      const manage = canManage(actor, fresh, now);
      const data = await loadRsvpPanel({ db, loaded: fresh, actor, now, canManage: manage });
      return c.html(
        <>
          <RsvpPanel
            ctx={pageContext(c)}
            loaded={fresh}
            data={{ ...data, message }}
            canManage={manage}
            now={now}
          />
          <RsvpCounts loaded={fresh} oob />
        </>,
      );
    }
    setFlash(c, message);
    return redirectAfterPost(c, `${eventPath(loaded.event.id)}#rsvp`);
  });

  app.get("/events/:id/attendees", async (c) => {
    const now = new Date();
    return showAttendees(c, await managedEvent(c, now), now);
  });

  app.get("/events/:id/attendees.csv", async (c) => {
    const now = new Date();
    const loaded = await managedEvent(c, now);
    const lists = await attendeeList(c.get("db"), loaded.event.id, 1_000_000);
    const zone = loaded.event.timeZone;
    const local = (d: Date | null) =>
      d
        ? new Intl.DateTimeFormat("sv-SE", { timeZone: zone, dateStyle: "short", timeStyle: "short" }).format(
            d,
          )
        : "";
    const rows = [
      ["Name", "Handle", "Status", "Waitlist position", "Answered", "Attended"],
      ...[...lists.going, ...lists.waitlisted, ...lists.declined].map((p) => [
        p.name,
        p.handle,
        statusLabels[p.status],
        p.status === "waitlisted" ? lists.waitlisted.indexOf(p) + 1 : "",
        local(p.respondedAt),
        p.attended === null ? "" : p.attended,
      ]),
    ];
    const day = local(loaded.event.startsAt).slice(0, 10);
    return c.body(toCsv(rows), 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="attendees-${day}-${loaded.event.id}.csv"`,
      "Cache-Control": "no-store",
    });
  });

  app.post("/events/:id/attendance", async (c) => {
    const actor = requirePerson(c);
    const db = c.get("db");
    const now = new Date();
    const loaded = await managedEvent(c, now);
    const form = await parseForm(c, attendanceInput);
    if (!form.ok) return showAttendees(c, loaded, now, form);
    const found = await peopleByHandle(db, form.data.handles);
    const missing = form.data.handles.filter((h) => !found.has(h));
    if (missing.length > 0) {
      const errors = {
        handles: `We could not find ${missing.length === 1 ? "anyone with the handle" : "people with the handles"} ${missing.join(", ")}. Check the spelling in their profile address.`,
      };
      return showAttendees(c, loaded, now, { errors, values: form.values });
    }
    const attended = [...form.data.attended, ...[...found.values()].map((p) => p.id)];
    const outcome = await recordAttendance(db, actor, loaded, { attended }, now);
    setFlash(
      c,
      outcome.attended === 1
        ? "Attendance saved: 1 person came."
        : `Attendance saved: ${outcome.attended} people came.`,
    );
    return redirectAfterPost(c, `/events/${loaded.event.id}/attendees`);
  });

  return app;
}
