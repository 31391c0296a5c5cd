import type { Context } from "hono";
import { Hono } from "hono";
import { AppError } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, fieldValue, parseForm } from "../../platform/http/form.js";
import { redirectAfterPost } from "../../platform/http/htmx.js";
import { renderMarkdown } from "../../platform/markdown.js";
import { authorize, can, decide } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { type CommunityView, loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { cancelInput, eventEditInput, eventInput } from "./inputs.js";
import { eventTarget, type LoadedEvent, loadEvent } from "./load.js";
import { coHostChoices, nearbyOccurrences, peopleByIds, seriesOccurrences } from "./queries.js";
import { describeRule } from "./recurrence.js";
import { cancelEvent, createEvent, eventUrl, updateEvent } from "./service.js";
import { eventSeries } from "./tables.js";
import { EventCancelForm } from "./views/event-cancel.js";
import { EventForm } from "./views/event-form.js";
import { EventPage } from "./views/event-page.js";
import { loadRsvpPanel } from "./views/rsvp-panel.js";
import type { SectionInput } from "./views/section.js";
import { loadSessionBoard } from "./views/session-board.js";
import { toLocal } from "./zoned-time.js";
import "./policy.js";
import { eq } from "drizzle-orm";

/** Event ids are uuidv7; anything else under /events/ belongs to another page or is a 404. */
const ID = "{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}}";
const EVENT = `/events/:id${ID}`;

const eventCrumbs = (loaded: LoadedEvent, last?: string) => {
  const host = loaded.hosts[0]!;
  return [
    { label: "Communities", href: "/communities" },
    { label: host.name, href: `/communities/${host.slug}` },
    { label: "Events", href: `/communities/${host.slug}/events` },
    last ? { label: loaded.event.title, href: eventUrl(loaded.event.id) } : { label: loaded.event.title },
    ...(last ? [{ label: last }] : []),
  ];
};
const eventTitle = (loaded: LoadedEvent, page?: string) =>
  [page, loaded.event.title, loaded.hosts[0]?.name].filter(Boolean).join(" – ");

/** An AppError naming a field becomes that field's error; anything else goes on. */
function fieldErrorOf(error: unknown): FieldErrors | null {
  if (error instanceof AppError && error.status === 422 && error.detail?.field)
    return { [String(error.detail.field)]: error.userMessage };
  return null;
}

/** The form's values for an existing event, in its own zone. */
async function valuesOf(c: Context<AppEnv>, loaded: LoadedEvent): Promise<FormValues> {
  const e = loaded.event;
  const start = toLocal(e.startsAt, e.timeZone);
  const end = toLocal(e.endsAt, e.timeZone);
  const organisers = await peopleByIds(c.get("db"), loaded.organiserIds);
  return {
    type: e.type,
    title: e.title,
    description: e.description,
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    timeZone: e.timeZone,
    format: e.format,
    location: e.location,
    onlineLink: e.onlineLink,
    capacity: e.capacity === null ? "" : String(e.capacity),
    accessibility: e.accessibility,
    coHosts: loaded.hosts.slice(1).map((h) => h.id),
    organisers: organisers.map((p) => `@${p.handle}`).join(", "),
    scope: "this",
  };
}

/** Creating, editing and cancelling events and series; the event page (owned by the events core work). */
export function eventPages() {
  const app = new Hono<AppEnv>();

  // Creating an event or a series.
  async function renderNew(
    c: Context<AppEnv>,
    view: CommunityView,
    values?: FormValues,
    errors?: FieldErrors,
    preview: string | null = null,
  ) {
    const { community } = view;
    const choices = await coHostChoices(c.get("db"), c.get("actor"), community.id);
    return renderPage(
      c,
      {
        title: communityTitle(community, "Plan an event"),
        breadcrumbs: [
          ...communityCrumbs(community, "Events").slice(0, 2),
          { label: "Events", href: `/communities/${community.slug}/events` },
          { label: "Plan an event" },
        ],
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="events">
          <div class="event-narrow">
            <h2>Plan an event</h2>
            <EventForm
              ctx={ctx}
              action={`/communities/${community.slug}/events/new`}
              values={values}
              errors={errors}
              preview={preview}
              orgTimeZone={c.get("config").timeZone}
              coHostChoices={choices}
              mode="create"
              inSeries={false}
              cancelHref={`/communities/${community.slug}/events`}
            />
          </div>
        </CommunityShell>
      ),
    );
  }

  app.get("/communities/:slug/events/new", async (c) => {
    const view = await loadCommunityView(c);
    authorize(requirePerson(c), "event.create", view.community);
    return renderNew(c, view, {
      timeZone: "Europe/London",
      format: "in_person",
      repeat: "none",
      type: "meeting",
    });
  });

  app.post("/communities/:slug/events/new", async (c) => {
    const view = await loadCommunityView(c);
    const actor = requirePerson(c);
    authorize(actor, "event.create", view.community);
    const form = await parseForm(c, eventInput);
    if (fieldValue(form.values, "action") === "preview")
      return renderNew(
        c,
        view,
        form.values,
        undefined,
        renderMarkdown(fieldValue(form.values, "description")),
      );
    if (!form.ok) return renderNew(c, view, form.values, form.errors);
    try {
      const created = await createEvent(c.get("db"), actor, view.community, form.data);
      setFlash(
        c,
        created.occurrences.length > 1
          ? `Your series of ${created.occurrences.length} events is planned. This is the first.`
          : "Your event is planned.",
      );
      return redirectAfterPost(c, eventUrl(created.event.id));
    } catch (error) {
      const errors = fieldErrorOf(error);
      if (errors) return renderNew(c, view, form.values, errors);
      throw error;
    }
  });

  // The event page.
  app.get(EVENT, async (c) => {
    const db = c.get("db");
    const actor = c.get("actor");
    const now = new Date();
    const loaded = await loadEvent(db, c.req.param("id"));
    const target = eventTarget(loaded, now);
    const view = decide(actor, "event.view", target);
    if (!view.allowed) {
      if (actor.kind === "anonymous") throw new AppError(401, "sign_in_required", "Sign in to continue.");
      const host = loaded.hosts[0]!;
      return renderPage(c, { title: "This event is for members", status: 403 }, () => (
        <div class="error-page">
          <h1>This event is for members</h1>
          <p class="lead">{view.reason}</p>
          <p>
            It is planned by <a href={`/communities/${host.slug}`}>{host.name}</a>, whose activities only its
            members can see. Join the community to see its events.
          </p>
        </div>
      ));
    }
    const canManage = can(actor, "event.manage", target);
    const input: SectionInput = { db, loaded, actor, now, canManage };
    const e = loaded.event;
    const [rsvp, board, organisers, series] = await Promise.all([
      loadRsvpPanel(input),
      e.type === "unconference" ? loadSessionBoard(input).then((data) => ({ data })) : Promise.resolve(null),
      peopleByIds(db, loaded.organiserIds),
      e.seriesId && e.seriesIndex !== null
        ? Promise.all([
            nearbyOccurrences(db, e.seriesId, e.seriesIndex),
            db.select().from(eventSeries).where(eq(eventSeries.id, e.seriesId)),
          ])
        : Promise.resolve(null),
    ]);
    const rule = series?.[1][0];
    return renderPage(c, { title: eventTitle(loaded), breadcrumbs: eventCrumbs(loaded) }, (ctx) => (
      <EventPage
        ctx={ctx}
        loaded={loaded}
        now={now}
        canManage={canManage}
        descriptionHtml={renderMarkdown(e.description)}
        organisers={organisers}
        series={
          series
            ? { ...series[0], rule: rule ? describeRule({ ...rule, count: rule.occurrenceCount }) : null }
            : null
        }
        rsvp={rsvp}
        board={board}
      />
    ));
  });

  // Editing.
  async function renderEdit(
    c: Context<AppEnv>,
    loaded: LoadedEvent,
    values: FormValues,
    errors?: FieldErrors,
    preview: string | null = null,
  ) {
    const choices = await coHostChoices(
      c.get("db"),
      c.get("actor"),
      loaded.hosts[0]!.id,
      loaded.hosts.slice(1).map((h) => h.id),
    );
    return renderPage(
      c,
      {
        title: eventTitle(loaded, "Edit"),
        breadcrumbs: eventCrumbs(loaded, "Edit"),
        status: errors ? 422 : 200,
      },
      (ctx) => (
        <div class="event-narrow">
          <h1>Edit “{loaded.event.title}”</h1>
          <EventForm
            ctx={ctx}
            action={`/events/${loaded.event.id}/edit`}
            values={values}
            errors={errors}
            preview={preview}
            orgTimeZone={c.get("config").timeZone}
            coHostChoices={choices}
            mode="edit"
            inSeries={loaded.event.seriesId !== null}
            cancelHref={eventUrl(loaded.event.id)}
          />
        </div>
      ),
    );
  }

  async function manageable(c: Context<AppEnv>) {
    const actor = requirePerson(c);
    const loaded = await loadEvent(c.get("db"), c.req.param("id") ?? "");
    authorize(actor, "event.manage", eventTarget(loaded));
    if (loaded.event.status === "cancelled")
      throw new AppError(409, "conflict", "This event was cancelled, so it can no longer be changed.");
    return { actor, loaded };
  }

  app.get(`${EVENT}/edit`, async (c) => {
    const { loaded } = await manageable(c);
    return renderEdit(c, loaded, await valuesOf(c, loaded));
  });

  app.post(`${EVENT}/edit`, async (c) => {
    const { actor, loaded } = await manageable(c);
    const form = await parseForm(c, eventEditInput);
    if (fieldValue(form.values, "action") === "preview")
      return renderEdit(
        c,
        loaded,
        form.values,
        undefined,
        renderMarkdown(fieldValue(form.values, "description")),
      );
    if (!form.ok) return renderEdit(c, loaded, form.values, form.errors);
    try {
      const result = await updateEvent(c.get("db"), actor, loaded, form.data);
      setFlash(
        c,
        result.changedIds.length > 1
          ? `Saved. ${result.changedIds.length} events in the series were changed.`
          : "Your changes are saved.",
      );
      return redirectAfterPost(c, eventUrl(loaded.event.id));
    } catch (error) {
      const errors = fieldErrorOf(error);
      if (errors) return renderEdit(c, loaded, form.values, errors);
      throw error;
    }
  });

  // Cancelling.
  async function renderCancel(
    c: Context<AppEnv>,
    loaded: LoadedEvent,
    values?: FormValues,
    errors?: FieldErrors,
  ) {
    const e = loaded.event;
    const later =
      e.seriesId && e.seriesIndex !== null
        ? (await seriesOccurrences(c.get("db"), e.seriesId)).filter(
            (o) => (o.seriesIndex ?? 0) > (e.seriesIndex ?? 0) && o.status === "scheduled",
          ).length
        : 0;
    return renderPage(
      c,
      {
        title: eventTitle(loaded, "Cancel"),
        breadcrumbs: eventCrumbs(loaded, "Cancel"),
        status: errors ? 422 : 200,
      },
      (ctx) => <EventCancelForm ctx={ctx} event={e} laterCount={later} values={values} errors={errors} />,
    );
  }

  app.get(`${EVENT}/cancel`, async (c) => {
    const { loaded } = await manageable(c);
    return renderCancel(c, loaded);
  });

  app.post(`${EVENT}/cancel`, async (c) => {
    const { actor, loaded } = await manageable(c);
    const form = await parseForm(c, cancelInput);
    if (!form.ok) return renderCancel(c, loaded, form.values, form.errors);
    const result = await cancelEvent(c.get("db"), actor, loaded, form.data);
    setFlash(
      c,
      result.cancelledIds.length > 1
        ? `${result.cancelledIds.length} events are cancelled. People going have been told.`
        : "The event is cancelled. People going have been told.",
    );
    return redirectAfterPost(c, eventUrl(loaded.event.id));
  });

  return app;
}
