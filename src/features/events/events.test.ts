import assert from "node:assert/strict";
import { test } from "node:test";
import { and, asc, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { buildCommunity, buildPerson } from "../../../test/support/factories.js";
import { apiClient, signInOnce } from "../../../test/support/signed-in.js";
import { activityEvents } from "../../platform/activity.js";
import { notifications } from "../notifications/tables.js";
import { eventHosts, eventOrganisers, eventRsvps, eventSeries, events } from "./tables.js";
import { toLocal } from "./zoned-time.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cara Convenor" });
const core = await buildPerson(db, { name: "Cole Core" });
const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const helper = await buildPerson(db, { name: "Hal Helper" });
const waiter = await buildPerson(db, { name: "Wyn Waiting" });

const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: core.id, role: "core" },
    { personId: member.id },
    { personId: waiter.id },
  ],
});
const wellbeing = await buildCommunity(db, {
  name: "Staff Wellbeing",
  slug: "wellbeing",
  contentAccess: "members",
  members: [{ personId: convenor.id, role: "convenor" }, { personId: member.id }],
});
const research = await buildCommunity(db, {
  name: "Research Data",
  slug: "research",
  contentAccess: "members",
  members: [{ personId: helper.id, role: "convenor" }],
});

const signedIn = signInOnce(app);

const { tokenFor, call } = apiClient(app, db, "events");

const baseFields = {
  type: "workshop",
  title: "Year-end payroll clinic",
  description: "Bring **your** questions.",
  date: "2027-03-02",
  startTime: "18:30",
  endTime: "20:00",
  timeZone: "Europe/London",
  format: "in_person",
  location: "Room 4.12, Main Building",
  onlineLink: "",
  capacity: "",
  accessibility: "Step-free access by the east lift.",
  organisers: "",
  repeat: "none",
  occurrences: "",
};

async function createThroughForm(
  who: { email: string },
  slug: string,
  fields: Record<string, string | string[]> = {},
) {
  const response = await (await signedIn(who)).post(`/communities/${slug}/events/new`, {
    ...baseFields,
    ...fields,
  });
  assert.equal(response.status, 303, response.html.slice(0, 4000));
  const id = /\/events\/([0-9a-f-]{36})$/.exec(response.location ?? "")?.[1];
  assert.ok(id, `redirected to the event: ${response.location}`);
  return id;
}

const eventRow = async (id: string) => (await db.select().from(events).where(eq(events.id, id)))[0]!;

test("a convenor plans an event with a co-host and a co-organiser; the page shows it", async () => {
  const id = await createThroughForm(convenor, "payroll", {
    capacity: "12",
    coHosts: wellbeing.id,
    organisers: `@${helper.handle}`,
  });
  const row = await eventRow(id);
  assert.equal(row.startsAt.toISOString(), "2027-03-02T18:30:00.000Z");
  assert.equal(row.capacity, 12);
  const hosts = await db.select().from(eventHosts).where(eq(eventHosts.eventId, id));
  assert.deepEqual(
    hosts.map((h) => [h.communityId, h.isHost]).sort(),
    [
      [payroll.id, true],
      [wellbeing.id, false],
    ].sort(),
  );
  const organisers = await db.select().from(eventOrganisers).where(eq(eventOrganisers.eventId, id));
  assert.deepEqual(
    organisers.map((o) => o.personId),
    [helper.id],
  );
  const activity = await db.select().from(activityEvents).where(eq(activityEvents.objectId, id));
  assert.deepEqual(
    activity.map((a) => a.verb),
    ["event.created"],
  );

  const page = await (await signedIn(member)).get(`/events/${id}`);
  assert.equal(page.status, 200);
  assert.equal(page.html.match(/<h1[ >]/g)?.length, 1, "one h1");
  assert.match(page.html, /<title>Year-end payroll clinic – Payroll Practitioners – /);
  assert.match(page.html, /Tuesday 2 March 2027, 18:30–20:00 \(Europe\/London\)/);
  assert.match(page.html, /<strong>your<\/strong>/);
  assert.match(page.html, /0 going · 12 places left/);
  assert.match(page.html, /Step-free access by the east lift\./);
  assert.match(page.html, /href="\/communities\/wellbeing"/);
  assert.match(page.html, /Hal Helper/);
  assert.match(page.html, /href="\/communities\/payroll\/events"/, "breadcrumb to the community's events");
  assert.doesNotMatch(page.html, /Edit event/, "members see no organiser controls");
  assert.match((await (await signedIn(convenor)).get(`/events/${id}`)).html, /Edit event/);

  // The named co-organiser may edit even without a role in the community.
  assert.equal((await (await signedIn(helper)).get(`/events/${id}/edit`)).status, 200);
  assert.equal((await (await signedIn(member)).get(`/events/${id}/edit`)).status, 403);
  assert.equal((await (await signedIn(outsider)).get(`/events/${id}/cancel`)).status, 403);
});

test("who may plan events: core, convenors and the programme team, not members or outsiders", async () => {
  const path = "/communities/payroll/events/new";
  assert.equal((await (await signedIn(outsider)).get(path)).status, 403);
  assert.equal((await (await signedIn(member)).get(path)).status, 403);
  assert.equal((await (await signedIn(core)).get(path)).status, 200);
  assert.equal((await (await signedIn(convenor)).get(path)).status, 200);
  const asProgramme = await (await signedIn(programme)).get(path);
  assert.equal(asProgramme.status, 200);
  assert.match(asProgramme.html, /Research Data/, "the programme team may pick any community as co-host");
  assert.doesNotMatch((await (await signedIn(convenor)).get(path)).html, /Research Data/);
  const anonymous = await new Visitor(app as never).get(path);
  assert.equal(anonymous.status, 303);
  const refused = await (await signedIn(member)).post(path, baseFields);
  assert.equal(refused.status, 403);
  // A convenor may not add a community they do not lead as co-host.
  const sneaky = await (await signedIn(convenor)).post(path, { ...baseFields, coHosts: research.id });
  assert.equal(sneaky.status, 422);
  assert.match(sneaky.html, /You cannot add Research Data as a co-host/);
});

test("validation errors answer 422 with the typed values kept; the preview needs no script", async () => {
  const visitor = await signedIn(convenor);
  const path = "/communities/payroll/events/new";
  const response = await visitor.post(path, {
    ...baseFields,
    title: "Kept title",
    date: "2027-02-30",
    startTime: "25:00",
    format: "hybrid",
    location: "",
    onlineLink: "http://example.org/call",
    capacity: "0",
    timeZone: "Mars/Olympus",
  });
  assert.equal(response.status, 422);
  assert.match(response.html, /There is a problem/);
  assert.match(response.html, /value="Kept title"/);
  assert.match(response.html, /Enter a real date/);
  assert.match(response.html, /Enter the start time as hours and minutes/);
  assert.match(response.html, /Enter a whole number|whole number from 1/);
  assert.match(response.html, /id="field-date-error"/);

  const second = await visitor.post(path, {
    ...baseFields,
    format: "hybrid",
    location: "",
    onlineLink: "http://x.org",
    timeZone: "Mars/Olympus",
  });
  assert.equal(second.status, 422);
  assert.match(second.html, /Enter where it takes place/);
  assert.match(second.html, /Enter a link starting with https:\/\//);
  assert.match(second.html, /Choose a time zone from the list/);

  const series = await visitor.post(path, { ...baseFields, repeat: "weekly", occurrences: "30" });
  assert.equal(series.status, 422);
  assert.match(series.html, /from 2 to 24/);
  const fifth = await visitor.post(path, {
    ...baseFields,
    date: "2027-03-30",
    repeat: "monthly_weekday",
    occurrences: "3",
  });
  assert.equal(fifth.status, 422);
  assert.match(fifth.html, /fifth of its weekday/);

  const unknown = await visitor.post(path, { ...baseFields, organisers: "@nobody-at-all" });
  assert.equal(unknown.status, 422);
  assert.match(unknown.html, /@nobody-at-all/);

  const before = (await db.select().from(events)).length;
  const preview = await visitor.post(path, {
    ...baseFields,
    description: "A _preview_ <script>alert(1)</script>",
    action: "preview",
  });
  assert.equal(preview.status, 200);
  assert.match(preview.html, /<em>preview<\/em>/);
  assert.doesNotMatch(preview.html, /<script>alert/);
  assert.equal((await db.select().from(events)).length, before, "previewing saves nothing");
});

test("hostile input is inert; bad ids are 404s", async () => {
  const id = await createThroughForm(convenor, "payroll", {
    title: `<script>alert("t")</script> Ωmega ‮test`,
    description: `<img src=x onerror=alert(1)> [x](javascript:alert(1))`,
    accessibility: "<b>bold?</b>",
    location: "<i>room</i>",
  });
  const page = await (await signedIn(member)).get(`/events/${id}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.html, /<script>alert\("t"\)/);
  assert.doesNotMatch(page.html, /<img/);
  assert.doesNotMatch(page.html, /href="javascript/);
  assert.match(page.html, /&lt;b&gt;bold\?&lt;\/b&gt;/);
  const long = await (await signedIn(convenor)).post("/communities/payroll/events/new", {
    ...baseFields,
    title: "x".repeat(5000),
  });
  assert.equal(long.status, 422);

  const visitor = await signedIn(member);
  assert.equal((await visitor.get("/events/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b")).status, 404);
  assert.equal((await visitor.get("/events/not-an-id")).status, 404);
  assert.equal((await visitor.get("/events/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b/edit")).status, 404);
  assert.equal((await (await signedIn(convenor)).get("/communities/no-such/events/new")).status, 404);
  const token = await tokenFor(member);
  assert.equal((await call("/events/nope", { token })).status, 404);
  assert.equal(
    (await call("/events/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b/occurrences", { token })).status,
    404,
  );
});

test("members-only events are refused kindly; co-hosted events are visible to members of either host", async () => {
  const hidden = await buildEvent(db, wellbeing.id, { title: "Quiet hour" });
  const refused = await (await signedIn(outsider)).get(`/events/${hidden.id}`);
  assert.equal(refused.status, 403);
  assert.match(refused.html, /This event is for members/);
  assert.match(refused.html, /href="\/communities\/wellbeing"/);
  assert.equal((await (await signedIn(member)).get(`/events/${hidden.id}`)).status, 200);
  assert.equal((await call(`/events/${hidden.id}`, { token: await tokenFor(outsider) })).status, 403);

  const shared = await buildEvent(db, wellbeing.id, {
    title: "Shared data clinic",
    coHostIds: [research.id],
  });
  assert.equal((await (await signedIn(member)).get(`/events/${shared.id}`)).status, 200);
  assert.equal((await (await signedIn(helper)).get(`/events/${shared.id}`)).status, 200);
  assert.equal((await (await signedIn(outsider)).get(`/events/${shared.id}`)).status, 403);
  // The research convenor organises it too, as a co-host's convenor.
  assert.equal((await (await signedIn(helper)).get(`/events/${shared.id}/edit`)).status, 200);
});

test("a weekly series keeps 18:30 across the March change and lists its other dates", async () => {
  const id = await createThroughForm(core, "payroll", {
    title: "Spring lunch and learn",
    date: "2027-03-16",
    repeat: "weekly",
    occurrences: "4",
  });
  const first = await eventRow(id);
  assert.ok(first.seriesId);
  const [series] = await db.select().from(eventSeries).where(eq(eventSeries.id, first.seriesId));
  assert.equal(series!.frequency, "weekly");
  assert.equal(series!.occurrenceCount, 4);
  assert.equal(series!.localStartTime, "18:30");
  const all = await db
    .select()
    .from(events)
    .where(eq(events.seriesId, first.seriesId))
    .orderBy(asc(events.seriesIndex));
  assert.deepEqual(
    all.map((e) => e.startsAt.toISOString()),
    [
      "2027-03-16T18:30:00.000Z",
      "2027-03-23T18:30:00.000Z",
      "2027-03-30T17:30:00.000Z",
      "2027-04-06T17:30:00.000Z",
    ],
  );
  for (const e of all) assert.equal(toLocal(e.startsAt, "Europe/London").time, "18:30");
  const page = await (await signedIn(member)).get(`/events/${all[1]!.id}`);
  assert.match(page.html, /Other dates in this series/);
  assert.match(page.html, /Every week/);
  assert.match(page.html, new RegExp(`href="/events/${all[2]!.id}"`));

  const monthly = await createThroughForm(convenor, "payroll", {
    title: "Last Friday social",
    type: "social",
    date: "2027-01-29",
    repeat: "monthly_last_weekday",
    occurrences: "3",
  });
  const monthlyRows = await db
    .select()
    .from(events)
    .where(eq(events.seriesId, (await eventRow(monthly)).seriesId!))
    .orderBy(asc(events.seriesIndex));
  assert.deepEqual(
    monthlyRows.map((e) => toLocal(e.startsAt, "Europe/London").date),
    ["2027-01-29", "2027-02-26", "2027-03-26"],
  );
});

test("editing one occurrence or this and following; people going are told and sequence goes up", async () => {
  const id = await createThroughForm(convenor, "payroll", {
    title: "Weekly stand-up",
    date: "2027-03-16",
    repeat: "weekly",
    occurrences: "4",
    capacity: "5",
  });
  const seriesId = (await eventRow(id)).seriesId!;
  const ordered = async () =>
    db.select().from(events).where(eq(events.seriesId, seriesId)).orderBy(asc(events.seriesIndex));
  const [one, two, three, four] = await ordered();
  await db.insert(eventRsvps).values({ eventId: three!.id, personId: member.id, status: "going" });
  await db.update(events).set({ goingCount: 1 }).where(eq(events.id, three!.id));

  const visitor = await signedIn(convenor);
  const form = await visitor.get(`/events/${two!.id}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.html, /This and following events/);
  assert.match(form.html, /value="Weekly stand-up"/);

  const edited = await visitor.post(`/events/${two!.id}/edit`, {
    ...baseFields,
    title: "Weekly stand-up (new time)",
    date: "2027-03-23",
    startTime: "09:00",
    endTime: "09:30",
    capacity: "5",
    scope: "following",
  });
  assert.equal(edited.status, 303, edited.html.slice(0, 3000));
  const after = await ordered();
  assert.equal(after[0]!.title, "Weekly stand-up", "the earlier occurrence is untouched");
  assert.equal(after[0]!.sequence, one!.sequence);
  for (const [i, row] of after.slice(1).entries()) {
    assert.equal(row.title, "Weekly stand-up (new time)");
    assert.equal(toLocal(row.startsAt, "Europe/London").time, "09:00");
    assert.equal(toLocal(row.endsAt, "Europe/London").time, "09:30");
    assert.equal(
      toLocal(row.startsAt, "Europe/London").date,
      toLocal([two, three, four][i]!.startsAt, "Europe/London").date,
      "each keeps its own date",
    );
    assert.equal(row.sequence, 1);
  }
  const told = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, member.id), eq(notifications.kind, "event.changed")));
  assert.equal(told.length, 1);
  assert.equal(told[0]!.url, `/events/${three!.id}`);

  // Only this event.
  const single = await visitor.post(`/events/${four!.id}/edit`, {
    ...baseFields,
    title: "Final stand-up",
    date: "2027-04-06",
    startTime: "09:00",
    endTime: "09:30",
    capacity: "5",
    scope: "this",
  });
  assert.equal(single.status, 303);
  const last = await ordered();
  assert.equal(last[3]!.title, "Final stand-up");
  assert.equal(last[2]!.title, "Weekly stand-up (new time)");

  // Capacity may not fall below the number going.
  const tooSmall = await visitor.post(`/events/${three!.id}/edit`, {
    ...baseFields,
    title: "Weekly stand-up (new time)",
    date: "2027-03-30",
    startTime: "09:00",
    endTime: "09:30",
    capacity: "0",
  });
  assert.equal(tooSmall.status, 422);
  await db.update(events).set({ goingCount: 3 }).where(eq(events.id, three!.id));
  const below = await visitor.post(`/events/${three!.id}/edit`, {
    ...baseFields,
    title: "Weekly stand-up (new time)",
    date: "2027-03-30",
    startTime: "09:00",
    endTime: "09:30",
    capacity: "2",
  });
  assert.equal(below.status, 422);
  assert.match(below.html, /3 people are already going/);
  assert.match(below.html, /value="2"/);

  const activity = await db.select().from(activityEvents).where(eq(activityEvents.verb, "event.updated"));
  assert.ok(activity.length >= 2);
});

test("cancelling tells people going and waiting; the page stays, marked", async () => {
  const id = await createThroughForm(convenor, "payroll", {
    title: "Monthly roundtable",
    type: "roundtable",
    date: "2027-03-02",
    repeat: "monthly_weekday",
    occurrences: "3",
  });
  const seriesId = (await eventRow(id)).seriesId!;
  const rows = await db
    .select()
    .from(events)
    .where(eq(events.seriesId, seriesId))
    .orderBy(asc(events.seriesIndex));
  assert.deepEqual(
    rows.map((e) => toLocal(e.startsAt, "Europe/London").date),
    ["2027-03-02", "2027-04-06", "2027-05-04"],
  );
  await db.insert(eventRsvps).values([
    { eventId: rows[0]!.id, personId: member.id, status: "going" },
    { eventId: rows[0]!.id, personId: waiter.id, status: "waitlisted", waitlistedAt: new Date() },
    { eventId: rows[2]!.id, personId: member.id, status: "going" },
  ]);
  await db.update(events).set({ goingCount: 1, waitlistCount: 1 }).where(eq(events.id, rows[0]!.id));

  const visitor = await signedIn(convenor);
  const confirm = await visitor.get(`/events/${rows[0]!.id}/cancel`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /1 person going and 1 person on the waiting list will be told/);
  assert.match(confirm.html, /This and the 2 following events/);

  const done = await visitor.post(`/events/${rows[0]!.id}/cancel`, {
    reason: "The room flooded.",
    scope: "this",
  });
  assert.equal(done.status, 303);
  const cancelled = await eventRow(rows[0]!.id);
  assert.equal(cancelled.status, "cancelled");
  assert.ok(cancelled.cancelledAt);
  assert.equal(cancelled.sequence, rows[0]!.sequence + 1);
  assert.equal((await eventRow(rows[1]!.id)).status, "scheduled");
  const told = await db.select().from(notifications).where(eq(notifications.kind, "event.cancelled"));
  assert.deepEqual(told.map((n) => n.personId).sort(), [member.id, waiter.id].sort());

  const page = await (await signedIn(member)).get(`/events/${rows[0]!.id}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /Cancelled/);
  assert.match(page.html, /The room flooded\./);
  assert.equal((await visitor.get(`/events/${rows[0]!.id}/edit`)).status, 409);

  const rest = await visitor.post(`/events/${rows[1]!.id}/cancel`, { reason: "", scope: "following" });
  assert.equal(rest.status, 303);
  assert.equal((await eventRow(rows[1]!.id)).status, "cancelled");
  assert.equal((await eventRow(rows[2]!.id)).status, "cancelled");
  assert.equal(
    (await db.select().from(notifications).where(eq(notifications.kind, "event.cancelled"))).length,
    3,
  );
  assert.equal((await (await signedIn(member)).post(`/events/${rows[1]!.id}/cancel`, {})).status, 403);
});

test("API: create a single event and a series, read, change, cancel, list occurrences", async () => {
  const token = await tokenFor(convenor);
  const body = {
    type: "talk",
    title: "Pensions explained",
    date: "2027-10-19",
    startTime: "12:00",
    endTime: "13:00",
    format: "online",
    onlineLink: "https://meet.example.org/pensions",
  };
  const refused = await call("/communities/payroll/events", {
    token: await tokenFor(member),
    method: "POST",
    body,
  });
  assert.equal(refused.status, 403);
  const invalid = await call("/communities/payroll/events", {
    token,
    method: "POST",
    body: { ...body, onlineLink: "http://plain.example.org" },
  });
  assert.equal(invalid.status, 422);
  assert.equal(invalid.json.errors[0].field, "onlineLink");

  const single = await call("/communities/payroll/events", { token, method: "POST", body });
  assert.equal(single.status, 201, JSON.stringify(single.json));
  assert.equal(single.json.event.localStart, "2027-10-19T12:00");
  assert.equal(single.json.event.timeZone, "Europe/London");
  assert.equal(single.json.event.onlineLink, "https://meet.example.org/pensions");
  const id = single.json.event.id;

  const memberToken = await tokenFor(member);
  const asMember = await call(`/events/${id}`, { token: memberToken });
  assert.equal(asMember.status, 200);
  assert.equal(asMember.json.onlineLink, null, "the link is only for people going");
  await db.insert(eventRsvps).values({ eventId: id, personId: member.id, status: "going" });
  assert.equal(
    (await call(`/events/${id}`, { token: memberToken })).json.onlineLink,
    "https://meet.example.org/pensions",
  );

  const series = await call("/communities/payroll/events", {
    token,
    method: "POST",
    body: { ...body, title: "Autumn series", repeat: { frequency: "weekly", count: 3 } },
  });
  assert.equal(series.status, 201);
  assert.deepEqual(
    series.json.occurrences.map((o: { localStart: string }) => o.localStart),
    ["2027-10-19T12:00", "2027-10-26T12:00", "2027-11-02T12:00"],
  );
  const secondId = series.json.occurrences[1].id;
  const occurrences = await call(`/events/${secondId}/occurrences`, { token: memberToken });
  assert.equal(occurrences.json.data.length, 3);

  const patched = await call(`/events/${secondId}`, {
    token,
    method: "PATCH",
    body: { startTime: "13:00", endTime: "14:00", scope: "following" },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.json));
  assert.equal(patched.json.localStart, "2027-10-26T13:00");
  assert.equal(patched.json.sequence, 1);
  const afterPatch = await call(`/events/${secondId}/occurrences`, { token });
  assert.deepEqual(
    afterPatch.json.data.map((o: { localStart: string }) => o.localStart),
    ["2027-10-19T12:00", "2027-10-26T13:00", "2027-11-02T13:00"],
  );
  assert.equal(
    (await call(`/events/${secondId}`, { token: memberToken, method: "PATCH", body: { title: "Mine now" } }))
      .status,
    403,
  );
  const low = await call(`/events/${id}`, { token, method: "PATCH", body: { capacity: 0 } });
  assert.equal(low.status, 422);

  const cancelled = await call(`/events/${id}/cancel`, {
    token,
    method: "POST",
    body: { reason: "Speaker unwell" },
  });
  assert.equal(cancelled.status, 200);
  assert.equal(cancelled.json.status, "cancelled");
  assert.equal(cancelled.json.cancelReason, "Speaker unwell");
  assert.equal(cancelled.json.sequence, 1);
  const told = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, member.id), eq(notifications.url, `/events/${id}`)));
  assert.equal(told.length, 1);
});

test("the events API is in the OpenAPI document under the Events tag, and the document validates", async () => {
  const spec = await (await app.request("/api/openapi.json")).json();
  const { Validator } = await import("@seriousme/openapi-schema-validator");
  const result = await new Validator().validate(spec);
  assert.equal(result.valid, true, JSON.stringify(result.errors));
  for (const [path, method] of [
    ["/api/v1/communities/{slug}/events", "post"],
    ["/api/v1/events/{id}", "get"],
    ["/api/v1/events/{id}", "patch"],
    ["/api/v1/events/{id}/cancel", "post"],
    ["/api/v1/events/{id}/occurrences", "get"],
  ] as const) {
    const operation = spec.paths[path]?.[method] ?? spec.paths[path.replace("/api/v1", "")]?.[method];
    assert.ok(operation, `${method} ${path} documented`);
    assert.deepEqual(operation.tags, ["Events"]);
  }
});

test("raising the capacity lets the first person waiting in; co-hosts and co-organisers can change", async () => {
  const event = await buildEvent(db, payroll.id, {
    title: "Tiny workshop",
    startsAt: new Date("2027-05-04T17:30:00Z"),
    endsAt: new Date("2027-05-04T19:00:00Z"),
    capacity: 1,
    location: "Library",
    going: [member.id],
    coHostIds: [wellbeing.id],
    organiserIds: [helper.id],
  });
  await db
    .insert(eventRsvps)
    .values({ eventId: event.id, personId: waiter.id, status: "waitlisted", waitlistedAt: new Date() });
  await db.update(events).set({ waitlistCount: 1 }).where(eq(events.id, event.id));

  const visitor = await signedIn(programme);
  const form = await visitor.get(`/events/${event.id}/edit`);
  assert.equal(form.status, 200, "the programme team may change any event");
  assert.doesNotMatch(form.html, /This and following events/, "a single event has no scope choice");
  const saved = await visitor.post(`/events/${event.id}/edit`, {
    ...baseFields,
    type: "roundtable",
    title: "Tiny workshop",
    date: "2027-05-04",
    location: "Library",
    capacity: "2",
    organisers: "",
  });
  assert.equal(saved.status, 303, saved.html.slice(0, 3000));
  const [rsvp] = await db
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.personId, waiter.id)));
  assert.equal(rsvp!.status, "going");
  const hosts = await db.select().from(eventHosts).where(eq(eventHosts.eventId, event.id));
  assert.deepEqual(
    hosts.map((h) => h.communityId),
    [payroll.id],
    "no co-host ticked: the co-host is removed",
  );
  assert.equal(
    (await db.select().from(eventOrganisers).where(eq(eventOrganisers.eventId, event.id))).length,
    0,
  );
  // Nothing a calendar shows changed except the type, which it does show.
  assert.equal((await eventRow(event.id)).sequence, 1);

  const anonymous = await new Visitor(app as never).get(`/events/${event.id}`);
  assert.equal(anonymous.status, 303, "visitors are asked to sign in");
});
