import type { Context } from "hono";
import { Hono } from "hono";
import { z } from "zod";
import { AppError, notFound } from "../../platform/errors.js";
import { requirePerson } from "../../platform/http/actor.js";
import type { AppEnv } from "../../platform/http/context.js";
import { setFlash } from "../../platform/http/flash.js";
import { type FieldErrors, type FormValues, parseForm } from "../../platform/http/form.js";
import { authorize, can, type PersonActor } from "../../platform/policy.js";
import { renderPage } from "../../ui/render.js";
import { findCommunityBySlug } from "../communities/queries.js";
import {
  type CalendarSite,
  calendarEtag,
  createFeed,
  eventCalendar,
  feedCalendar,
  feedUrl,
  icsFilename,
  revokeFeed,
} from "./calendar-feeds.js";
import { communityChoices, findActiveFeed, listFeeds } from "./calendar-queries.js";
import { loadEvent } from "./load.js";
import { type CommunityChoice, type CreatedFeed, FeedsPage, RevokeFeed } from "./views/feeds-page.js";
import "./calendar-policy.js";

const feedForm = z.object({
  scope: z.enum(["going", "communities", "community"], { message: "Choose what the feed shows" }),
  community: z.string().trim().max(200).optional(),
});

const site = (c: Context<AppEnv>): CalendarSite => ({
  baseUrl: c.get("config").baseUrl,
  orgName: c.get("config").orgName,
});

/** .ics downloads, the secret feed URLs, and /me/calendar where people manage their feeds. */
export function calendarPages() {
  const app = new Hono<AppEnv>();

  app.get("/events/:id/calendar.ics", async (c) => {
    const actor = requirePerson(c);
    const loaded = await loadEvent(c.get("db"), c.req.param("id"));
    const body = await eventCalendar(c.get("db"), site(c), loaded, actor);
    return c.body(body, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${icsFilename(loaded.event.title)}"`,
      "Cache-Control": "private, no-cache",
    });
  });

  // The token is the credential: no session, no CSRF (GET only). Unknown and revoked tokens get
  // the same plain 404, so the answer says nothing about which tokens once existed.
  app.get("/calendar/:file", async (c) => {
    const file = c.req.param("file");
    const body = file.endsWith(".ics") ? await feedCalendar(c.get("db"), site(c), file.slice(0, -4)) : null;
    if (body === null) {
      return c.text("No calendar here: the feed may have been revoked.", 404, {
        "Cache-Control": "no-store",
      });
    }
    const etag = calendarEtag(body);
    const headers = { "Cache-Control": "private, max-age=300", ETag: etag };
    if (c.req.header("if-none-match") === etag) return c.body(null, 304, headers);
    return c.body(body, 200, { ...headers, "Content-Type": "text/calendar; charset=utf-8" });
  });

  const choicesFor = async (c: Context<AppEnv>, actor: PersonActor, preselect?: string) => {
    const mine = [...actor.memberships]
      .filter(([, m]) => m.state === "active" || m.state === "on_break")
      .map(([id]) => id);
    const choices: CommunityChoice[] = await communityChoices(c.get("db"), mine);
    // A community reached from its Events tab is offered even to people who are not members,
    // as long as they may read what it shares.
    if (preselect && !choices.some((choice) => choice.slug === preselect)) {
      const community = await findCommunityBySlug(c.get("db"), preselect);
      if (community && can(actor, "calendarFeed.community", community)) {
        choices.unshift({ slug: community.slug, name: community.name });
      }
    }
    return choices;
  };

  const show = async (
    c: Context<AppEnv>,
    state: { values?: FormValues; errors?: FieldErrors; created?: CreatedFeed } = {},
  ) => {
    const actor = requirePerson(c);
    authorize(actor, "calendarFeed.manage", { personId: actor.id });
    const preselected = c.req.query("community")?.slice(0, 200);
    const chosen = typeof state.values?.community === "string" ? state.values.community : undefined;
    const [feeds, communities] = await Promise.all([
      listFeeds(c.get("db"), actor.id),
      choicesFor(c, actor, chosen || preselected),
    ]);
    // The page may hold a feed's secret address (just after creating one): no cache may keep it.
    c.header("Cache-Control", "no-store");
    return renderPage(c, { title: "Calendar feeds", status: state.errors ? 422 : 200 }, (ctx) => (
      <FeedsPage ctx={ctx} feeds={feeds} communities={communities} preselected={preselected} {...state} />
    ));
  };

  app.get("/me/calendar", (c) => show(c));

  // Answers with the page itself rather than a redirect: the secret address must never travel in
  // a URL or cookie, so this is the one place it is shown.
  app.post("/me/calendar", async (c) => {
    const actor = requirePerson(c);
    const form = await parseForm(c, feedForm);
    if (!form.ok) return show(c, { values: form.values, errors: form.errors });
    const { scope, community: slug } = form.data;
    try {
      if (scope === "community") {
        if (!slug) return show(c, { values: form.values, errors: { community: "Choose a community" } });
        const community = await findCommunityBySlug(c.get("db"), slug);
        if (!community) {
          return show(c, { values: form.values, errors: { community: "Choose a community from the list" } });
        }
        const { token } = await createFeed(c.get("db"), actor, { scope, community });
        return show(c, {
          created: { url: feedUrl(site(c).baseUrl, token), scope, communityName: community.name },
        });
      }
      const { token } = await createFeed(c.get("db"), actor, { scope });
      return show(c, { created: { url: feedUrl(site(c).baseUrl, token), scope, communityName: null } });
    } catch (error) {
      if (error instanceof AppError && (error.status === 403 || error.detail?.field)) {
        const field = scope === "community" ? "community" : "scope";
        return show(c, { values: form.values, errors: { [field]: error.userMessage } });
      }
      throw error;
    }
  });

  const target = async (c: Context<AppEnv>) => {
    const actor = requirePerson(c);
    const feed = await findActiveFeed(c.get("db"), c.req.param("id") ?? "");
    if (!feed) throw notFound("calendar feed");
    authorize(actor, "calendarFeed.manage", { personId: feed.personId });
    return { actor, feed };
  };

  app.get("/me/calendar/:id/revoke", async (c) => {
    const { feed } = await target(c);
    return renderPage(
      c,
      {
        title: "Revoke a calendar feed",
        breadcrumbs: [{ label: "Calendar feeds", href: "/me/calendar" }, { label: "Revoke" }],
      },
      (ctx) => <RevokeFeed ctx={ctx} feed={feed} />,
    );
  });

  app.post("/me/calendar/:id/revoke", async (c) => {
    const { actor, feed } = await target(c);
    await revokeFeed(c.get("db"), actor, feed);
    setFlash(c, "The feed has been revoked. Calendars subscribed to it will get no more updates.");
    return c.redirect("/me/calendar", 303);
  });

  return app;
}
