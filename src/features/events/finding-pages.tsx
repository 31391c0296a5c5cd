import type { Context } from "hono";
import { Hono } from "hono";
import type { Child } from "hono/jsx";
import type { AppEnv } from "../../platform/http/context.js";
import { decodeCursor } from "../../platform/http/pagination.js";
import { can } from "../../platform/policy.js";
import { EmptyState, LiveFilters, PageHeader, Pagination } from "../../ui/components/common.js";
import { FilterSelect } from "../../ui/components/filters.js";
import { renderPage } from "../../ui/render.js";
import { loadCommunityView } from "../communities/load.js";
import { CommunityShell, communityCrumbs, communityTitle } from "../communities/views/shell.js";
import { MembersOnlyTab } from "../communities/views/tab-shared.js";
import { type FindingQuery, filtersOf, findingQuery, formatLabels, typeLabels } from "./finding-inputs.js";
import {
  archiveOf,
  communityEvents,
  type EventSummary,
  eventsBetween,
  filterCommunities,
  type HostLink,
  isTimeKey,
  isUpcomingKey,
  upcomingEvents,
} from "./finding-queries.js";
import { Archive } from "./views/archive.js";
import { EventsTab } from "./views/community-tab.js";
import { monthLabel } from "./views/event-card.js";
import { EventList } from "./views/event-list.js";
import { MonthCalendar, monthGrid } from "./views/month-calendar.js";
import { addDays, fromLocal, toLocal } from "./zoned-time.js";
import "../communities/policy.js";
import "./policy.js";

/** A cursor from the address bar: one we did not make (or of another list) starts from the top. */
function cursorOf(raw: string | undefined, valid: (key: string | number) => boolean) {
  const cursor = decodeCursor(raw);
  return cursor && valid(cursor.key) ? cursor : null;
}

/** The /events address with the given query, keeping only what is set. */
function eventsHref(query: FindingQuery, changes: Partial<FindingQuery>) {
  const merged = { ...query, cursor: undefined, ...changes };
  const params = new URLSearchParams();
  if (merged.view === "month") params.set("view", "month");
  if (merged.view === "month" && merged.month) params.set("month", merged.month);
  if (merged.community) params.set("community", merged.community);
  if (merged.type) params.set("type", merged.type);
  if (merged.format) params.set("format", merged.format);
  if (merged.cancelled) params.set("cancelled", "1");
  if (merged.cursor) params.set("cursor", merged.cursor);
  const search = params.toString();
  return search ? `/events?${search}` : "/events";
}

const isFiltered = (query: FindingQuery) =>
  Boolean(query.community || query.type || query.format || query.cancelled);

/** /events, the community Events tab and its archive. */
export function eventFindingPages() {
  const app = new Hono<AppEnv>();

  app.get("/events", async (c) => {
    const actor = c.get("actor");
    const query = findingQuery.parse(c.req.query());
    const lead = "Workshops, talks, roundtables and socials run by the communities.";
    if (actor.kind !== "person") {
      return renderPage(c, { title: "Events" }, () => (
        <>
          <PageHeader title="Events" lead={lead} />
          <EmptyState title="Sign in to see what is on">
            <p>
              Events belong to communities and are shared with the staff who take part.{" "}
              <a href={`/sign-in?next=${encodeURIComponent(eventsHref(query, {}))}`}>Sign in</a> to see the
              upcoming ones.
            </p>
          </EmptyState>
        </>
      ));
    }
    const db = c.get("db");
    const zone = c.get("config").timeZone;
    const filters = filtersOf(query);
    const now = new Date();
    const today = toLocal(now, zone).date;
    const month = query.month || today.slice(0, 7);
    const options = await filterCommunities(db, actor);
    const title = query.view === "month" ? `Events in ${monthLabel(month)}` : "Events";
    let results: Child;
    if (query.view === "month") {
      const weeks = monthGrid(month);
      const first = weeks[0]![0]!;
      const last = weeks[weeks.length - 1]![6]!;
      const events = await eventsBetween(
        db,
        actor,
        filters,
        fromLocal(first, "00:00", zone),
        fromLocal(addDays(last, 1), "00:00", zone),
      );
      const inMonth = events.some((event) => toLocal(event.startsAt, zone).date.startsWith(month));
      results = (
        <div id="results">
          <ViewSwitch query={query} />
          <MonthCalendar
            month={month}
            events={events}
            zone={zone}
            today={today}
            hrefFor={(m) => eventsHref(query, { view: "month", month: m })}
          />
          {!inMonth && (
            <p class="month-empty">
              {isFiltered(query) ? "No events match these filters" : "No events"} in {monthLabel(month)}. Try
              the previous or next month, or{" "}
              <a href={eventsHref(query, { view: "list", month: "" })}>see the list of upcoming events</a>.
            </p>
          )}
        </div>
      );
    } else {
      const page = await upcomingEvents(db, actor, filters, {
        now,
        cursor: cursorOf(query.cursor, isUpcomingKey),
        mineFirst: true,
      });
      const url = new URL(c.req.url);
      results = (
        <div id="results">
          <ViewSwitch query={query} />
          <UpcomingList
            items={page.items}
            zone={zone}
            firstPage={!query.cursor}
            query={query}
            hasCommunities={actor.memberships.size > 0}
          />
          <Pagination page={page} baseUrl={url} />
        </div>
      );
    }
    return renderPage(c, { title }, () => (
      <>
        <PageHeader title="Events" lead={lead} />
        <EventFilters query={query} communities={options} />
        {results}
      </>
    ));
  });

  app.get("/communities/:slug/events", async (c) => {
    const view = await loadCommunityView(c);
    const { community } = view;
    const actor = c.get("actor");
    // Members-only content is never described to outsiders: they learn who can see it and how to join.
    const mayRead = can(actor, "community.viewContent", community);
    const page = mayRead
      ? await communityEvents(c.get("db"), actor, community.id, {
          when: "upcoming",
          now: new Date(),
          cursor: cursorOf(c.req.query("cursor"), isTimeKey),
        })
      : null;
    return renderPage(
      c,
      { title: communityTitle(community, "Events"), breadcrumbs: communityCrumbs(community, "Events") },
      (ctx) => (
        <CommunityShell ctx={ctx} view={view} tab="events">
          {page ? (
            <EventsTab
              view={view}
              page={page}
              zone={c.get("config").timeZone}
              canCreate={can(actor, "event.create", community)}
              url={new URL(c.req.url)}
            />
          ) : (
            <MembersOnlyTab ctx={ctx} view={view} what="events" />
          )}
        </CommunityShell>
      ),
    );
  });

  app.get("/communities/:slug/events/archive", (c) => archivePage(c));
  return app;
}

async function archivePage(c: Context<AppEnv>) {
  const view = await loadCommunityView(c);
  const { community } = view;
  const actor = c.get("actor");
  const mayRead = can(actor, "community.viewContent", community);
  const page = mayRead
    ? await archiveOf(c.get("db"), actor, community.id, {
        now: new Date(),
        cursor: cursorOf(c.req.query("cursor"), isTimeKey),
        limit: 30,
      })
    : null;
  const zone = c.get("config").timeZone;
  const base = `/communities/${community.slug}/events`;
  return renderPage(
    c,
    {
      title: communityTitle(community, "Event archive"),
      breadcrumbs: [
        ...communityCrumbs(community, "Events").slice(0, -1),
        { label: "Events", href: base },
        { label: "Archive" },
      ],
    },
    (ctx) => (
      <CommunityShell ctx={ctx} view={view} tab="events">
        {page ? (
          <div class="stack">
            <div class="community-events-actions">
              <h2>Archive of past events</h2>
              <a href={base}>Upcoming events</a>
            </div>
            <p class="muted">
              What {community.name} has met about, newest first, with the notes, recordings and slides its
              organisers shared afterwards.
            </p>
            {page.items.length === 0 ? (
              <EmptyState title={c.req.query("cursor") ? "No more past events" : "No past events yet"}>
                <p>
                  Once an event has taken place it is listed here with its notes and recording.{" "}
                  <a href={base}>See what is coming up</a>.
                </p>
              </EmptyState>
            ) : (
              <>
                <Archive events={page.items} zone={zone} />
                <Pagination page={page} baseUrl={new URL(c.req.url)} />
              </>
            )}
          </div>
        ) : (
          <MembersOnlyTab ctx={ctx} view={view} what="past events" />
        )}
      </CommunityShell>
    ),
  );
}

function UpcomingList({
  items,
  zone,
  firstPage,
  query,
  hasCommunities,
}: {
  items: EventSummary[];
  zone: string;
  firstPage: boolean;
  query: FindingQuery;
  hasCommunities: boolean;
}) {
  if (items.length === 0) {
    if (!firstPage)
      return (
        <EmptyState title="No more events">
          <p>
            <a href={eventsHref(query, {})}>Back to the first page</a>.
          </p>
        </EmptyState>
      );
    return isFiltered(query) ? (
      <EmptyState title="No upcoming events match these filters">
        <p>
          <a href="/events">Clear the filters</a>, or include cancelled events, to see more.
        </p>
      </EmptyState>
    ) : (
      <EmptyState title="No upcoming events">
        <p>
          {hasCommunities
            ? "None of the communities you can see has planned anything yet. "
            : "You have not joined a community yet. "}
          <a href="/communities">Find a community</a> to join, or{" "}
          <a href={eventsHref(query, { view: "month" })}>look through the month calendar</a> for past events.
        </p>
      </EmptyState>
    );
  }
  const mine = items.filter((event) => event.group === 0);
  const others = items.filter((event) => event.group !== 0);
  return (
    <>
      {(mine.length > 0 || firstPage) && (
        <section aria-labelledby="mine-heading" class="event-group">
          <h2 id="mine-heading">In your communities</h2>
          {mine.length > 0 ? (
            <EventList events={mine} zone={zone} />
          ) : (
            <p class="muted">
              {hasCommunities
                ? "Your communities have nothing planned that matches. "
                : "You have not joined a community yet. "}
              <a href="/communities">Find a community</a> to hear about its activities.
            </p>
          )}
        </section>
      )}
      {others.length > 0 && (
        <section aria-labelledby="others-heading" class="event-group">
          <h2 id="others-heading">Other events you can see</h2>
          <EventList events={others} zone={zone} />
        </section>
      )}
    </>
  );
}

function ViewSwitch({ query }: { query: FindingQuery }) {
  const month = query.view === "month";
  return (
    <nav class="view-switch" aria-label="How to show events">
      <a href={eventsHref(query, { view: "list", month: "" })} aria-current={month ? undefined : "page"}>
        List
      </a>
      <a href={eventsHref(query, { view: "month" })} aria-current={month ? "page" : undefined}>
        Month
      </a>
    </nav>
  );
}

function EventFilters({ query, communities }: { query: FindingQuery; communities: HostLink[] }) {
  return (
    <LiveFilters action="/events" label="Filter events">
      {query.view === "month" && <input type="hidden" name="view" value="month" />}
      {query.view === "month" && query.month && <input type="hidden" name="month" value={query.month} />}
      <FilterSelect
        id="events-community"
        name="community"
        label="Community"
        all="All communities"
        options={communities.map((community) => [community.slug, community.name] as const)}
        value={query.community}
      />
      <FilterSelect
        id="events-type"
        name="type"
        label="Type"
        all="All types"
        options={Object.entries(typeLabels)}
        value={query.type}
      />
      <FilterSelect
        id="events-format"
        name="format"
        label="Format"
        all="In person or online"
        options={Object.entries(formatLabels)}
        value={query.format}
      />
      <div class="choice">
        <input
          id="events-cancelled"
          type="checkbox"
          name="cancelled"
          value="1"
          checked={query.cancelled === "1"}
        />
        <label for="events-cancelled">Include cancelled events</label>
      </div>
      <div class="filter-actions">
        <button class="button" type="submit">
          Show events
        </button>
        {isFiltered(query) && (
          <a href={eventsHref({ ...query, community: "", type: "", format: "", cancelled: "" }, {})}>
            Clear filters
          </a>
        )}
      </div>
    </LiveFilters>
  );
}
