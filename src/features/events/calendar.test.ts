import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { actorFor, buildCommunity, buildPerson } from "../../../test/support/factories.js";
import { signInOnce } from "../../../test/support/signed-in.js";
import { activityEvents } from "../../platform/activity.js";
import { memberships } from "../memberships/tables.js";
import { hashToken } from "../tokens/secret.js";
import { createToken } from "../tokens/service.js";
import { createFeed, feedCalendar } from "./calendar-feeds.js";
import { calendarFeeds, eventRsvps } from "./tables.js";
import { fromLocal } from "./zoned-time.js";

const { app, db, config } = await createTestApp();
const site = { baseUrl: config.baseUrl, orgName: config.orgName };

const convenor = await buildPerson(db, { name: "Cara Convenor" });
const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [{ personId: convenor.id, role: "convenor" }, { personId: member.id }],
});
const wellbeing = await buildCommunity(db, {
  name: "Staff Wellbeing",
  slug: "wellbeing",
  contentAccess: "members",
  members: [{ personId: convenor.id, role: "convenor" }, { personId: member.id }],
});

const day = 86_400_000;
const inDays = (n: number) => new Date(Date.now() + n * day);

const meetup = await buildEvent(db, payroll.id, {
  title: "Year-end payroll: what we learned",
  description: "Bring **one** lesson.\n\nWe meet in the *usual* room; tea provided.",
  startsAt: inDays(10),
  endsAt: new Date(inDays(10).getTime() + 90 * 60_000),
  format: "hybrid",
  location: "Room 4, Library",
  onlineLink: "https://meet.example.org/payroll-secret",
  going: [member.id],
  sequence: 2,
});
const privateTalk = await buildEvent(db, wellbeing.id, {
  title: "Members-only wellbeing circle",
  startsAt: inDays(12),
  onlineLink: "https://meet.example.org/wellbeing-secret",
});
const cancelled = await buildEvent(db, payroll.id, {
  title: "Cancelled clinic",
  startsAt: inDays(20),
  status: "cancelled",
  cancelReason: "The speaker is ill",
  sequence: 1,
});
const longAgo = await buildEvent(db, payroll.id, { title: "Long-ago social", startsAt: inDays(-90) });

const signedIn = signInOnce(app);

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

const feedPattern = /http:\/\/localhost:3000\/calendar\/(cvncal_[A-Za-z0-9_-]{43})\.ics/g;
const fetchFeed = (token: string) => app.request(`/calendar/${token}.ics`);

test("an event's .ics: signed-in viewers only, one VEVENT with a stable UID, link only for people going", async () => {
  const anonymous = await new Visitor(app as never).get(`/events/${meetup.id}/calendar.ics`);
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get("location") ?? "", /^\/sign-in\?next=/);

  const going = await (await signedIn(member)).get(`/events/${meetup.id}/calendar.ics`);
  assert.equal(going.status, 200);
  assert.equal(going.headers.get("content-type"), "text/calendar; charset=utf-8");
  assert.equal(
    going.headers.get("content-disposition"),
    'attachment; filename="year-end-payroll-what-we-learned.ics"',
  );
  const [event] = parse(going.html);
  assert.equal(event?.uid, `${meetup.id}@localhost`);
  assert.equal(event?.summary, meetup.title);
  assert.equal(event?.sequence, 2);
  assert.equal(event?.component.getFirstPropertyValue("status"), "CONFIRMED");
  // iCalendar times have whole seconds.
  const seconds = (date: Date) => Math.floor(date.getTime() / 1000) * 1000;
  assert.equal(event?.startDate.toJSDate().getTime(), seconds(meetup.startsAt));
  assert.equal(event?.endDate.toJSDate().getTime(), seconds(meetup.endsAt));
  assert.equal(event?.component.getFirstPropertyValue("url"), `http://localhost:3000/events/${meetup.id}`);
  assert.match(event?.description ?? "", /Bring one lesson\.\n\nWe meet in the usual room; tea provided\./);
  assert.match(event?.description ?? "", /payroll-secret/);
  assert.match(going.html, /BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);

  const notGoing = await (await signedIn(outsider)).get(`/events/${meetup.id}/calendar.ics`);
  assert.equal(notGoing.status, 200, "staff-wide events are readable by every signed-in person");
  assert.doesNotMatch(notGoing.html, /payroll-secret/, "no online link for people not going");

  const organiser = await (await signedIn(convenor)).get(`/events/${meetup.id}/calendar.ics`);
  assert.match(organiser.html, /payroll-secret/, "organisers see the link");
});

test("the .ics refuses members-only events to outsiders, 404s unknown ids, and marks cancellations", async () => {
  assert.equal((await (await signedIn(outsider)).get(`/events/${privateTalk.id}/calendar.ics`)).status, 403);
  assert.equal((await (await signedIn(programme)).get(`/events/${privateTalk.id}/calendar.ics`)).status, 403);
  assert.equal((await (await signedIn(member)).get(`/events/${privateTalk.id}/calendar.ics`)).status, 200);
  for (const id of ["no-such-event", "%3Cscript%3E", "0".repeat(300)]) {
    assert.equal((await (await signedIn(member)).get(`/events/${id}/calendar.ics`)).status, 404, id);
  }
  const response = await (await signedIn(member)).get(`/events/${cancelled.id}/calendar.ics`);
  const [event] = parse(response.html);
  assert.equal(event?.component.getFirstPropertyValue("status"), "CANCELLED");
  assert.equal(event?.sequence, 1);
  assert.match(event?.description ?? "", /Cancelled: The speaker is ill/);
});

test("/me/calendar makes a personal feed whose address is shown once and stored only as a hash", async () => {
  const anonymous = await new Visitor(app as never).get("/me/calendar");
  assert.equal(anonymous.status, 303);

  const visitor = await signedIn(member);
  const empty = await visitor.get("/me/calendar");
  assert.equal(empty.status, 200);
  assert.equal(empty.headers.get("cache-control"), "no-store");
  assert.match(empty.html, /You have no calendar feeds/);
  assert.match(empty.html, /Outlook/);

  const missing = await visitor.post("/me/calendar", {});
  assert.equal(missing.status, 422);
  assert.match(missing.html, /Choose what the feed shows/);
  const bogus = await visitor.post("/me/calendar", { scope: "<script>alert(1)</script>" });
  assert.equal(bogus.status, 422);
  assert.doesNotMatch(bogus.html, /<script>alert/);

  const created = await visitor.post("/me/calendar", { scope: "going" });
  assert.equal(created.status, 200);
  const urls = [...new Set([...created.html.matchAll(feedPattern)].map((m) => m[1]))];
  assert.equal(urls.length, 1, "the feed address is on the page");
  const token = urls[0]!;
  assert.match(created.html, /this is the only time it is shown/);
  assert.match(created.html, /webcal:\/\/localhost:3000\/calendar\//);

  const [row] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.personId, member.id));
  assert.equal(row?.tokenHash, hashToken(token));
  assert.equal(row?.scope, "going");
  assert.ok(!JSON.stringify(row).includes(token));
  const [activity] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.actorId, member.id), eq(activityEvents.verb, "calendar_feed.created")));
  assert.ok(activity);

  const later = await visitor.get("/me/calendar");
  assert.doesNotMatch(later.html, /cvncal_/, "never shown again");
  assert.match(later.html, /Events you are going to/);
  assert.match(later.html, /Not yet/);

  // The feed needs no session: the token is the credential.
  const feed = await fetchFeed(token);
  assert.equal(feed.status, 200);
  assert.equal(feed.headers.get("content-type"), "text/calendar; charset=utf-8");
  assert.equal(feed.headers.get("cache-control"), "private, max-age=300");
  const events = parse(await feed.text());
  assert.deepEqual(
    events.map((e) => e.summary),
    [meetup.title],
  );
  assert.match(events[0]?.description ?? "", /payroll-secret/, "going: the online link is in the feed");

  const etag = feed.headers.get("etag") ?? "";
  const again = await app.request(`/calendar/${token}.ics`, { headers: { "if-none-match": etag } });
  assert.equal(again.status, 304, "an unchanged feed answers 304 to a conditional fetch");

  const [used] = await db.select().from(calendarFeeds).where(eq(calendarFeeds.id, row!.id));
  assert.ok(used?.lastUsedAt, "last use noted");
  assert.match((await visitor.get("/me/calendar")).html, /Last used/);
});

test("the going feed follows RSVPs: waitlisted events say so, declined ones are left out", async () => {
  const full = await buildEvent(db, payroll.id, {
    title: "Full workshop",
    startsAt: inDays(15),
    capacity: 1,
  });
  const declined = await buildEvent(db, payroll.id, { title: "Declined social", startsAt: inDays(16) });
  await db.insert(eventRsvps).values([
    { eventId: full.id, personId: member.id, status: "waitlisted", waitlistedAt: new Date() },
    { eventId: declined.id, personId: member.id, status: "declined" },
  ]);
  const { token } = await createFeed(db, await actorFor(db, member.id), { scope: "going" });
  const events = parse(await (await fetchFeed(token)).text());
  const titles = events.map((e) => e.summary);
  assert.ok(titles.includes("Full workshop"));
  assert.ok(!titles.includes("Declined social"));
  const waitlisted = events.find((e) => e.summary === "Full workshop");
  assert.match(waitlisted?.description ?? "", /waiting list/);
});

test("feeds read with the owner's current permissions: leaving a members-only community empties its feed", async () => {
  const visitor = await signedIn(member);
  const page = await visitor.get("/me/calendar?community=wellbeing");
  assert.match(page.html, /<option value="wellbeing" selected="">Staff Wellbeing<\/option>/);

  const created = await visitor.post("/me/calendar", { scope: "community", community: "wellbeing" });
  assert.equal(created.status, 200);
  const token = [...created.html.matchAll(feedPattern)][0]?.[1] ?? "";
  let events = parse(await (await fetchFeed(token)).text());
  assert.deepEqual(
    events.map((e) => e.summary),
    [privateTalk.title],
  );
  assert.doesNotMatch(events[0]?.description ?? "", /wellbeing-secret/, "not going: no online link");

  const all = await visitor.post("/me/calendar", { scope: "communities" });
  const allToken = [...all.html.matchAll(feedPattern)][0]?.[1] ?? "";
  const allTitles = parse(await (await fetchFeed(allToken)).text()).map((e) => e.summary);
  assert.ok(allTitles.includes(privateTalk.title) && allTitles.includes(meetup.title));
  assert.ok(allTitles.includes(cancelled.title), "cancelled events stay, marked cancelled");
  assert.ok(!allTitles.includes(longAgo.title), "events more than 60 days ago are left out");

  await db
    .update(memberships)
    .set({ state: "left" })
    .where(and(eq(memberships.communityId, wellbeing.id), eq(memberships.personId, member.id)));
  try {
    const response = await fetchFeed(token);
    assert.equal(response.status, 200);
    events = parse(await response.text());
    assert.equal(events.length, 0, "the members-only community's events vanish");
    const after = parse(await (await fetchFeed(allToken)).text()).map((e) => e.summary);
    assert.ok(!after.includes(privateTalk.title));
    assert.ok(after.includes(meetup.title));
  } finally {
    await db
      .update(memberships)
      .set({ state: "active" })
      .where(and(eq(memberships.communityId, wellbeing.id), eq(memberships.personId, member.id)));
  }
});

test("outsiders cannot make a feed of a members-only community, and see none of its events", async () => {
  const visitor = await signedIn(outsider);
  const page = await visitor.get("/me/calendar?community=wellbeing");
  assert.doesNotMatch(page.html, /Staff Wellbeing/, "not offered");
  const refused = await visitor.post("/me/calendar", { scope: "community", community: "wellbeing" });
  assert.equal(refused.status, 422);
  assert.match(refused.html, /Only people who can read what Staff Wellbeing shares/);
  const unknown = await visitor.post("/me/calendar", { scope: "community", community: "<b>nope</b>" });
  assert.equal(unknown.status, 422);
  assert.match(unknown.html, /Choose a community from the list/);

  // A staff-wide community may be subscribed to from its Events tab without joining.
  const page2 = await visitor.get("/me/calendar?community=payroll");
  assert.match(page2.html, /<option value="payroll" selected="">Payroll Practitioners<\/option>/);
  const ok = await visitor.post("/me/calendar", { scope: "community", community: "payroll" });
  assert.equal(ok.status, 200);

  const { token } = await createFeed(db, await actorFor(db, outsider.id), { scope: "communities" });
  assert.equal(parse(await (await fetchFeed(token)).text()).length, 0, "no communities, no events");
});

test("revoking a feed asks first, then its address answers 404; others cannot revoke it", async () => {
  const owner = await actorFor(db, member.id);
  const { feed, token } = await createFeed(db, owner, { scope: "going" });
  assert.equal((await fetchFeed(token)).status, 200);

  assert.equal((await (await signedIn(outsider)).get(`/me/calendar/${feed.id}/revoke`)).status, 403);
  assert.equal((await (await signedIn(outsider)).post(`/me/calendar/${feed.id}/revoke`)).status, 403);
  assert.equal((await fetchFeed(token)).status, 200);

  const visitor = await signedIn(member);
  const confirm = await visitor.get(`/me/calendar/${feed.id}/revoke`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /Revoke this calendar feed\?/);
  assert.match(confirm.html, /You cannot undo this/);
  const done = await visitor.post(`/me/calendar/${feed.id}/revoke`);
  assert.equal(done.status, 303);
  assert.equal(done.location, "/me/calendar");
  assert.match((await visitor.get("/me/calendar")).html, /The feed has been revoked/);

  const gone = await fetchFeed(token);
  assert.equal(gone.status, 404);
  assert.equal((await visitor.get(`/me/calendar/${feed.id}/revoke`)).status, 404, "already revoked");
  for (const id of ["nonsense", "%3Cscript%3E", "9".repeat(500)]) {
    assert.equal((await visitor.get(`/me/calendar/${id}/revoke`)).status, 404, id);
  }
  const odd = await visitor.get(
    `/me/calendar?community=${encodeURIComponent("<script>x</script>".repeat(40))}`,
  );
  assert.equal(odd.status, 200);
  assert.doesNotMatch(odd.html, /<script>x/);
  for (const path of ["/calendar/nonsense.ics", `/calendar/${token}`, "/calendar/cvncal_%3Cscript%3E.ics"]) {
    assert.equal((await app.request(path)).status, 404, path);
  }
});

test("last use is noted at most once an hour", async () => {
  const { feed, token } = await createFeed(db, await actorFor(db, member.id), { scope: "going" });
  const t0 = new Date("2027-01-01T10:00:00Z");
  const lastUsed = async () =>
    (
      await db.select().from(calendarFeeds).where(eq(calendarFeeds.id, feed.id))
    )[0]?.lastUsedAt?.toISOString();
  await feedCalendar(db, site, token, t0);
  assert.equal(await lastUsed(), t0.toISOString());
  await feedCalendar(db, site, token, new Date(t0.getTime() + 30 * 60_000));
  assert.equal(await lastUsed(), t0.toISOString(), "not again within the hour");
  const t2 = new Date(t0.getTime() + 61 * 60_000);
  await feedCalendar(db, site, token, t2);
  assert.equal(await lastUsed(), t2.toISOString());
});

test("a monthly series at 18:30 London across 29 March and 25 October reads right in a feed", async () => {
  const series = await buildCommunity(db, {
    name: "Series Club",
    slug: "series-club",
    members: [{ personId: member.id }],
  });
  const dates = ["2026-02-03", "2026-03-03", "2026-04-07", "2026-05-05", "2026-10-06", "2026-11-03"];
  for (const [i, date] of dates.entries()) {
    await buildEvent(db, series.id, {
      title: `Series evening ${i + 1}`,
      timeZone: "Europe/London",
      startsAt: fromLocal(date, "18:30", "Europe/London"),
      endsAt: fromLocal(date, "20:00", "Europe/London"),
      seriesIndex: i + 1,
      sequence: i === 2 ? 4 : 0,
    });
  }
  const { token } = await createFeed(db, await actorFor(db, member.id), {
    scope: "community",
    community: series,
  });
  const text = await feedCalendar(db, site, token, new Date("2026-01-15T12:00:00Z"));
  assert.ok(text);
  const events = parse(text);
  assert.deepEqual(
    events.map((e) => e.startDate.toString().slice(0, 16)),
    dates.map((d) => `${d}T18:30`),
  );
  assert.deepEqual(
    events.map((e) => e.startDate.toJSDate().toISOString().slice(11, 16)),
    ["18:30", "18:30", "17:30", "17:30", "17:30", "18:30"],
  );
  assert.equal(events[2]?.sequence, 4, "an edited occurrence carries its higher SEQUENCE");
  assert.match(text, /DTSTART:20260329T010000\r\nTZOFFSETFROM:\+0000\r\nTZOFFSETTO:\+0100/);
  assert.match(text, /DTSTART:20261025T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0000/);
});

test("hostile titles and descriptions round-trip through the .ics", async () => {
  const title = `Lunch; talks, \\ "quotes" <script>alert(1)</script> 🎉 ${"Ünïcödé ".repeat(70)}`.slice(
    0,
    500,
  );
  const hostile = await buildEvent(db, payroll.id, {
    title,
    description: "Line one; with, commas\nLine two\n\n- a list item",
    location: "Room 1; floor 2, east",
    startsAt: inDays(30),
  });
  const response = await (await signedIn(member)).get(`/events/${hostile.id}/calendar.ics`);
  assert.equal(response.status, 200);
  assert.match(
    response.headers.get("content-disposition") ?? "",
    /^attachment; filename="lunch-talks-quotes-script/,
  );
  const [event] = parse(response.html);
  assert.equal(event?.summary, title);
  assert.equal(event?.location, "Room 1; floor 2, east");
  assert.match(event?.description ?? "", /Line one; with, commas/);
  for (const line of response.html.split("\r\n")) assert.ok(Buffer.byteLength(line) <= 75);
});

test("API: list, create (the URL once), revoke; someone else's feed is not found", async () => {
  const token = (await createToken(db, await actorFor(db, member.id), { name: "calendar test" })).secret;
  const other = (await createToken(db, await actorFor(db, outsider.id), { name: "other" })).secret;
  const call = (method: string, path: string, secret: string, body?: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  assert.equal((await app.request("/api/v1/me/calendar-feeds")).status, 401);

  const created = await call("POST", "/me/calendar-feeds", token, {
    scope: "community",
    community: "payroll",
  });
  assert.equal(created.status, 201);
  const feed = (await created.json()) as {
    id: string;
    url: string;
    scope: string;
    community: { slug: string };
  };
  assert.equal(feed.scope, "community");
  assert.equal(feed.community.slug, "payroll");
  assert.match(feed.url, /^http:\/\/localhost:3000\/calendar\/cvncal_[A-Za-z0-9_-]{43}\.ics$/);
  assert.equal((await app.request(new URL(feed.url).pathname)).status, 200);

  const list = (await (await call("GET", "/me/calendar-feeds", token)).json()) as { data: { id: string }[] };
  assert.ok(list.data.some((f) => f.id === feed.id));
  assert.ok(!JSON.stringify(list).includes("cvncal_"), "the list never carries addresses");

  assert.equal(
    (await call("POST", "/me/calendar-feeds", other, { scope: "community", community: "wellbeing" })).status,
    403,
  );
  assert.equal((await call("POST", "/me/calendar-feeds", token, { scope: "community" })).status, 422);
  assert.equal((await call("POST", "/me/calendar-feeds", token, { scope: "everything" })).status, 422);
  assert.equal(
    (await call("POST", "/me/calendar-feeds", token, { scope: "community", community: "nope" })).status,
    404,
  );

  assert.equal((await call("DELETE", `/me/calendar-feeds/${feed.id}`, other)).status, 404);
  assert.equal((await call("DELETE", `/me/calendar-feeds/${feed.id}`, token)).status, 204);
  assert.equal((await call("DELETE", `/me/calendar-feeds/${feed.id}`, token)).status, 404);
  assert.equal((await app.request(new URL(feed.url).pathname)).status, 404);
});

test("the feed operations are documented under Events; the .ics download is a page, not an API route", async () => {
  const spec = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, { tags?: string[] }>>;
  };
  assert.deepEqual(spec.paths["/api/v1/me/calendar-feeds"]?.get?.tags, ["Events"]);
  assert.deepEqual(spec.paths["/api/v1/me/calendar-feeds"]?.post?.tags, ["Events"]);
  assert.deepEqual(spec.paths["/api/v1/me/calendar-feeds/{id}"]?.delete?.tags, ["Events"]);
});

test("the event page offers the download and the subscriptions to signed-in people", async () => {
  const page = await (await signedIn(member)).get(`/events/${meetup.id}`);
  assert.equal(page.status, 200);
  assert.match(page.html, new RegExp(`href="/events/${meetup.id}/calendar.ics"`));
  assert.match(page.html, /Add to my calendar \(\.ics\)/);
  assert.match(page.html, /href="\/me\/calendar">Subscribe to all your events/);
  assert.match(page.html, /href="\/me\/calendar\?community=payroll"/);
});
