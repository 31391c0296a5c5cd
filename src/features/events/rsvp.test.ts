import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { actorFor, buildCommunity, buildPerson } from "../../../test/support/factories.js";
import { apiClient, signInOnce } from "../../../test/support/signed-in.js";
import { activityEvents } from "../../platform/activity.js";
import { type Actor, anonymous, can } from "../../platform/policy.js";
import type { PageContext } from "../../ui/page-context.js";
import { notifications } from "../notifications/tables.js";
import { eventTarget, loadEvent } from "./load.js";
import { fillFreedPlaces } from "./rsvp-service.js";
import { eventRsvps, events } from "./tables.js";
import { loadRsvpPanel, RsvpPanel } from "./views/rsvp-panel.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cara Convenor" });
const core = await buildPerson(db, { name: "Cole Core" });
const ana = await buildPerson(db, { name: "Ana Early" });
const ben = await buildPerson(db, { name: "Ben Second" });
const cat = await buildPerson(db, { name: "Cat Third" });
const dev = await buildPerson(db, { name: "Dev Fourth" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const team = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const coOrganiser = await buildPerson(db, { name: "Nia Named" });
const sneaky = await buildPerson(db, { name: '=HYPERLINK("http://evil")' });

const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: core.id, role: "core" },
    { personId: ana.id },
    { personId: ben.id },
    { personId: cat.id },
    { personId: dev.id },
    { personId: sneaky.id },
  ],
});
const wellbeing = await buildCommunity(db, {
  name: "Staff Wellbeing",
  slug: "wellbeing",
  contentAccess: "members",
  members: [{ personId: convenor.id, role: "convenor" }, { personId: ana.id }],
});

const HOUR = 3_600_000;
const inAWeek = () => new Date(Date.now() + 7 * 24 * HOUR);

const signedIn = signInOnce(app);

const { call } = apiClient(app, db, "rsvp");

async function rsvpRow(eventId: string, personId: string) {
  const [row] = await db
    .select()
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.personId, personId)));
  return row ?? null;
}

async function counts(eventId: string) {
  const [row] = await db.select().from(events).where(eq(events.id, eventId));
  const rows = await db.select().from(eventRsvps).where(eq(eventRsvps.eventId, eventId));
  return {
    going: row!.goingCount,
    waitlisted: row!.waitlistCount,
    goingRows: rows.filter((r) => r.status === "going").length,
    waitlistRows: rows.filter((r) => r.status === "waitlisted").length,
  };
}

async function answer(
  who: { email: string },
  eventId: string,
  status: string,
  headers?: Record<string, string>,
) {
  const visitor = await signedIn(who);
  if (!headers) return visitor.post(`/events/${eventId}/rsvp`, { status });
  await visitor.get("/");
  const body = new URLSearchParams({ _csrf: visitor.csrfToken, status });
  const response = await app.request(`/events/${eventId}/rsvp`, {
    method: "POST",
    body: body.toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: visitor.cookieHeader(),
      ...headers,
    },
  });
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
}

async function flashAfter(who: { email: string }) {
  // The flash is shown on the next page; the home page has the layout.
  return (await (await signedIn(who)).get("/")).html;
}

/** Renders the RSVP panel as the event page would, for `actor`. */
async function panelFor(eventId: string, actor: Actor, now = new Date()) {
  const loaded = await loadEvent(db, eventId);
  const canManage = can(actor, "event.manage", eventTarget(loaded, now));
  const data = await loadRsvpPanel({ db, loaded, actor, now, canManage });
  const ctx: PageContext = {
    actor,
    csrfToken: "token",
    orgName: "Northfield",
    path: `/events/${eventId}`,
    flash: null,
    requestId: "test",
    signUp: true,
  };
  return String(await RsvpPanel({ ctx, loaded, data, canManage, now })?.toString());
}

test("going, waitlist, giving up a place promotes the first waiting and tells them", async () => {
  const event = await buildEvent(db, payroll.id, { capacity: 2, title: "Year-end payroll clinic" });

  const first = await answer(ana, event.id, "going");
  assert.equal(first.status, 303);
  assert.equal(first.location, `/events/${event.id}#rsvp`);
  assert.match(await flashAfter(ana), /You are going to “Year-end payroll clinic”/);
  assert.equal((await rsvpRow(event.id, ana.id))?.status, "going");

  assert.equal((await answer(ben, event.id, "going")).status, 303);
  assert.equal((await answer(cat, event.id, "going")).status, 303);
  assert.match(await flashAfter(cat), /is full, so you are on the waitlist: number 1/);
  assert.equal((await answer(dev, event.id, "going")).status, 303);
  assert.match(await flashAfter(dev), /number 2/);
  const catRow = await rsvpRow(event.id, cat.id);
  assert.equal(catRow?.status, "waitlisted");
  assert.ok(catRow?.waitlistedAt);
  assert.deepEqual(await counts(event.id), { going: 2, waitlisted: 2, goingRows: 2, waitlistRows: 2 });

  // Saying "going" again changes nothing.
  await answer(ana, event.id, "going");
  assert.match(await flashAfter(ana), /already going/);
  assert.equal((await counts(event.id)).going, 2);

  // Ana gives up her place: Cat (first waiting) gets it and is told; Dev moves up.
  await answer(ana, event.id, "not_going");
  assert.match(await flashAfter(ana), /gone to the next person on the waitlist/);
  assert.equal((await rsvpRow(event.id, ana.id))?.status, "declined");
  const promoted = await rsvpRow(event.id, cat.id);
  assert.equal(promoted?.status, "going");
  assert.equal(promoted?.waitlistedAt, null);
  assert.deepEqual(await counts(event.id), { going: 2, waitlisted: 1, goingRows: 2, waitlistRows: 1 });
  const told = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, cat.id), eq(notifications.kind, "event.promoted")));
  assert.equal(told.length, 1);
  assert.equal(told[0]?.url, `/events/${event.id}`);
  assert.match(await panelFor(event.id, await actorFor(db, dev.id)), /You are number 1 on the waitlist/);

  // Dev leaves the waitlist.
  await answer(dev, event.id, "not_going");
  assert.match(await flashAfter(dev), /You have left the waitlist/);
  assert.deepEqual(await counts(event.id), { going: 2, waitlisted: 0, goingRows: 2, waitlistRows: 0 });

  const activity = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "event.rsvped"), eq(activityEvents.objectId, event.id)));
  const byAna = activity.filter((a) => a.actorId === ana.id).map((a) => a.data?.status);
  assert.deepEqual(byAna, ["going", "not_going"]);
  assert.ok(activity.some((a) => a.actorId === cat.id && a.data?.status === "waitlisted"));
  assert.ok(activity.some((a) => a.actorId === cat.id && a.data?.fromWaitlist === true));
});

test("htmx answers swap the panel and the live counts; no-JS needs the CSRF token", async () => {
  const event = await buildEvent(db, payroll.id, { capacity: 5 });
  const swapped = await answer(ben, event.id, "going", { "hx-request": "true" });
  assert.equal(swapped.status, 200);
  assert.match(swapped.html, /<section id="rsvp"/);
  assert.match(swapped.html, /You are going to/);
  assert.match(swapped.html, /id="rsvp-counts"[^>]*hx-swap-oob="true"/);
  assert.match(swapped.html, /1 person going/);
  assert.match(swapped.html, /4 places left of 5/);
  assert.match(swapped.html, /I can&#39;t go/);

  const visitor = await signedIn(cat);
  const forged = await visitor.post(`/events/${event.id}/rsvp`, { status: "going" }, { csrf: false });
  assert.equal(forged.status, 403);
  assert.equal(await rsvpRow(event.id, cat.id), null);

  const anonymousPost = await new Visitor(app as never).post(`/events/${event.id}/rsvp`, { status: "going" });
  assert.notEqual(anonymousPost.status, 303);
  assert.ok([401, 403].includes(anonymousPost.status));
});

test("capacity edge cases: no limit, capacity zero, answering twice, raising capacity", async () => {
  const open = await buildEvent(db, payroll.id, { capacity: null });
  for (const who of [ana, ben, cat]) await answer(who, open.id, "going");
  assert.deepEqual(await counts(open.id), { going: 3, waitlisted: 0, goingRows: 3, waitlistRows: 0 });
  assert.match(await panelFor(open.id, await actorFor(db, dev.id)), /No limit on places/);

  const none = await buildEvent(db, payroll.id, { capacity: 0 });
  await answer(ana, none.id, "going");
  assert.equal((await rsvpRow(none.id, ana.id))?.status, "waitlisted");
  assert.match(await panelFor(none.id, await actorFor(db, ben.id)), /Join the waitlist/);

  // "Not going" with no earlier answer records it, and counts nothing.
  await answer(ben, none.id, "not_going");
  assert.equal((await rsvpRow(none.id, ben.id))?.status, "declined");
  assert.deepEqual(await counts(none.id), { going: 0, waitlisted: 1, goingRows: 0, waitlistRows: 1 });

  // The organisers raise the capacity (E1's edit calls fillFreedPlaces in its transaction).
  const full = await buildEvent(db, payroll.id, { capacity: 1 });
  for (const who of [ana, ben, cat, dev]) await answer(who, full.id, "going");
  assert.deepEqual(await counts(full.id), { going: 1, waitlisted: 3, goingRows: 1, waitlistRows: 3 });
  const promoted = await db.transaction(async (tx) => {
    await tx.update(events).set({ capacity: 3 }).where(eq(events.id, full.id));
    return fillFreedPlaces(tx, full.id, new Date());
  });
  assert.deepEqual(promoted, [ben.id, cat.id]);
  assert.deepEqual(await counts(full.id), { going: 3, waitlisted: 1, goingRows: 3, waitlistRows: 1 });
  // A declined person answering going again while full joins the back of the queue.
  await answer(ana, full.id, "not_going");
  assert.equal((await rsvpRow(full.id, dev.id))?.status, "going");
  await answer(ana, full.id, "going");
  assert.equal((await rsvpRow(full.id, ana.id))?.status, "waitlisted");
});

test("who may answer: members-only, cancelled and past events; hostile input", async () => {
  const secret = await buildEvent(db, wellbeing.id, { capacity: 10, title: "Quiet room planning" });
  assert.equal((await answer(outsider, secret.id, "going")).status, 403);
  assert.equal(await rsvpRow(secret.id, outsider.id), null);
  assert.equal((await answer(ana, secret.id, "going")).status, 303);

  const cancelled = await buildEvent(db, payroll.id, { status: "cancelled", cancelledAt: new Date() });
  const refused = await answer(ben, cancelled.id, "going");
  assert.equal(refused.status, 403);
  assert.match(refused.html, /This event has been cancelled/);

  const past = await buildEvent(db, payroll.id, {
    startsAt: new Date(Date.now() - 5 * HOUR),
    endsAt: new Date(Date.now() - 3 * HOUR),
  });
  assert.equal((await answer(ben, past.id, "going")).status, 403);

  assert.equal((await answer(ben, "no-such-event", "going")).status, 404);
  assert.equal((await answer(ben, "' or 1=1 --", "going")).status, 404);
  const bad = await answer(ben, secret.id, "<script>alert(1)</script>");
  assert.equal(bad.status, 422);
  assert.doesNotMatch(bad.html, /<script>alert/);

  // The same through the API.
  assert.equal(
    (await call(`/events/${secret.id}/rsvp`, { method: "PUT", body: { status: "going" } })).status,
    401,
  );
  assert.equal(
    (await call(`/events/${secret.id}/rsvp`, { as: outsider, method: "PUT", body: { status: "going" } }))
      .status,
    403,
  );
  assert.equal(
    (await call(`/events/${cancelled.id}/rsvp`, { as: ben, method: "PUT", body: { status: "going" } }))
      .status,
    403,
  );
  assert.equal(
    (await call(`/events/${past.id}/rsvp`, { as: ben, method: "PUT", body: { status: "going" } })).status,
    403,
  );
  assert.equal(
    (await call(`/events/nope/rsvp`, { as: ben, method: "PUT", body: { status: "going" } })).status,
    404,
  );
  assert.equal(
    (await call(`/events/${secret.id}/rsvp`, { as: ana, method: "PUT", body: { status: "maybe" } })).status,
    422,
  );
});

test("the panel: answer, refusal reasons, sign-in link, online link only for people going and organisers", async () => {
  const online = await buildEvent(db, payroll.id, {
    capacity: 3,
    format: "online",
    onlineLink: "https://meet.example.org/payroll-clinic",
  });
  await answer(ana, online.id, "going");

  const visitorPanel = await panelFor(online.id, anonymous);
  assert.match(visitorPanel, /Sign in to say whether you are coming/);
  assert.match(visitorPanel, /href="\/sign-in\?next=%2Fevents%2F/);
  assert.doesNotMatch(visitorPanel, /meet\.example\.org/);

  const going = await panelFor(online.id, await actorFor(db, ana.id));
  assert.match(going, /You are going/);
  assert.match(going, /href="https:\/\/meet\.example\.org\/payroll-clinic"/);
  assert.match(going, /I can&#39;t go/);

  const member = await panelFor(online.id, await actorFor(db, ben.id));
  assert.match(member, /I&#39;m going/);
  assert.doesNotMatch(member, /meet\.example\.org/);
  assert.match(member, /shown here to people going/);
  assert.match(member, /2 places left of 3/);

  for (const organiser of [convenor, core, team]) {
    const html = await panelFor(online.id, await actorFor(db, organiser.id));
    assert.match(html, /meet\.example\.org/, `organiser ${organiser.name} sees the link`);
    assert.match(html, /See who is coming/);
  }

  // A javascript: link never becomes a link.
  const hostile = await buildEvent(db, payroll.id, { format: "online", onlineLink: "javascript:alert(1)" });
  assert.doesNotMatch(await panelFor(hostile.id, await actorFor(db, convenor.id)), /javascript:/);

  const secret = await buildEvent(db, wellbeing.id, {});
  assert.match(await panelFor(secret.id, await actorFor(db, outsider.id)), /<p class="rsvp-refusal">/);
  const cancelled = await buildEvent(db, payroll.id, { status: "cancelled" });
  assert.match(await panelFor(cancelled.id, await actorFor(db, ana.id)), /This event has been cancelled/);
  const past = await buildEvent(db, payroll.id, {
    startsAt: new Date(Date.now() - 5 * HOUR),
    endsAt: new Date(Date.now() - 3 * HOUR),
  });
  assert.match(await panelFor(past.id, await actorFor(db, ana.id)), /already taken place/);
});

test("attendee list and CSV: organisers only, in order, linked, formula cells neutralised", async () => {
  const event = await buildEvent(db, payroll.id, { capacity: 2, organiserIds: [coOrganiser.id] });
  for (const who of [ana, sneaky, ben, cat]) await answer(who, event.id, "going");
  await answer(dev, event.id, "not_going");

  for (const who of [convenor, core, team, coOrganiser]) {
    const page = await (await signedIn(who)).get(`/events/${event.id}/attendees`);
    assert.equal(page.status, 200, `${who.name} sees the attendees`);
  }
  for (const who of [ana, outsider]) {
    const page = await (await signedIn(who)).get(`/events/${event.id}/attendees`);
    assert.equal(page.status, 403, `${who.name} is refused`);
  }
  const visitor = await new Visitor(app as never).get(`/events/${event.id}/attendees`);
  assert.equal(visitor.status, 303);

  const page = await (await signedIn(convenor)).get(`/events/${event.id}/attendees`);
  assert.equal(page.html.match(/<h1[ >]/g)?.length, 1);
  assert.match(page.html, new RegExp(`href="/people/${ana.handle}"`));
  const going = page.html.indexOf("Going (2)");
  const waitlist = page.html.indexOf("Waitlist (2)");
  const notGoing = page.html.indexOf("Not going (1)");
  assert.ok(going > 0 && waitlist > going && notGoing > waitlist, "going, then waitlist, then not going");
  const benAt = page.html.indexOf(ben.handle, waitlist);
  const catAt = page.html.indexOf(cat.handle, waitlist);
  assert.ok(benAt > 0 && catAt > benAt, "waitlist in queue order");
  assert.doesNotMatch(page.html, /Who came/, "no register before the event");

  const csv = await (await signedIn(convenor)).get(`/events/${event.id}/attendees.csv`);
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get("content-type") ?? "", /text\/csv/);
  assert.match(csv.html, /^Name,Handle,Status,Waitlist position,Answered,Attended\r\n/);
  assert.match(csv.html, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
  assert.match(csv.html, new RegExp(`Ben Second,${ben.handle},Waitlist,1,`));
  assert.match(csv.html, new RegExp(`Cat Third,${cat.handle},Waitlist,2,`));
  assert.equal((await (await signedIn(ana)).get(`/events/${event.id}/attendees.csv`)).status, 403);

  // The API pages through the same list.
  const first = await call(`/events/${event.id}/attendees?limit=2`, { as: convenor });
  assert.equal(first.status, 200);
  assert.equal(first.json.data.length, 2);
  assert.ok(first.json.data.every((a: { status: string }) => a.status === "going"));
  const second = await call(`/events/${event.id}/attendees?limit=2&cursor=${first.json.nextCursor}`, {
    as: convenor,
  });
  assert.deepEqual(
    second.json.data.map((a: { person: { id: string } }) => a.person.id),
    [ben.id, cat.id],
  );
  const third = await call(`/events/${event.id}/attendees?limit=2&cursor=${second.json.nextCursor}`, {
    as: convenor,
  });
  assert.deepEqual(
    third.json.data.map((a: { status: string }) => a.status),
    ["not_going"],
  );
  assert.equal(third.json.nextCursor, null);
  assert.equal((await call(`/events/${event.id}/attendees`, { as: ana })).status, 403);
  assert.equal((await call(`/events/${event.id}/attendees`, { as: team })).status, 200);
  assert.equal((await call(`/events/${event.id}/attendees?cursor=rubbish`, { as: convenor })).status, 422);
  assert.equal((await call(`/events/${event.id}/attendees`)).status, 401);
});

test("attendance after the event: register, walk-ins by handle, idempotent activity", async () => {
  const event = await buildEvent(db, payroll.id, {
    startsAt: new Date(Date.now() - 3 * HOUR),
    endsAt: new Date(Date.now() - HOUR),
    going: [ana.id, ben.id, cat.id],
  });
  const organiser = await signedIn(convenor);
  const page = await organiser.get(`/events/${event.id}/attendees`);
  assert.match(page.html, /Who came/);
  assert.match(page.html, new RegExp(`name="attended" value="${ana.id}"`));

  const unknown = await organiser.post(`/events/${event.id}/attendance`, {
    attended: [ana.id],
    handles: "no-such-person",
  });
  assert.equal(unknown.status, 422);
  assert.match(unknown.html, /There is a problem/);
  assert.match(unknown.html, /no-such-person/);
  assert.match(unknown.html, new RegExp(`value="${ana.id}" checked`));

  const saved = await organiser.post(`/events/${event.id}/attendance`, {
    attended: [ana.id, ben.id],
    handles: `@${dev.handle}`,
  });
  assert.equal(saved.status, 303);
  assert.match(await flashAfter(convenor), /Attendance saved: 3 people came/);
  assert.equal((await rsvpRow(event.id, ana.id))?.attended, true);
  assert.equal((await rsvpRow(event.id, cat.id))?.attended, false);
  assert.equal((await rsvpRow(event.id, dev.id))?.attended, true);
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  assert.ok(row?.attendanceRecordedAt);

  // Saving again (and through the API) records no second activity for anyone.
  await organiser.post(`/events/${event.id}/attendance`, { attended: [ana.id, ben.id, dev.id] });
  const api = await call(`/events/${event.id}/attendance`, {
    as: core,
    method: "PUT",
    body: { attended: [ana.id, ben.id, dev.id, cat.id] },
  });
  assert.equal(api.status, 200);
  assert.equal(api.json.attended, 4);
  const attended = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "event.attended"), eq(activityEvents.objectId, event.id)));
  assert.deepEqual(attended.map((a) => a.actorId).sort(), [ana.id, ben.id, cat.id, dev.id].sort());

  assert.equal(
    (await call(`/events/${event.id}/attendance`, { as: ana, method: "PUT", body: { attended: [] } })).status,
    403,
  );
  assert.equal(
    (
      await call(`/events/${event.id}/attendance`, {
        as: convenor,
        method: "PUT",
        body: { attended: ["nobody"] },
      })
    ).status,
    422,
  );
  assert.equal(
    (await (await signedIn(ana)).post(`/events/${event.id}/attendance`, { attended: [] })).status,
    403,
  );

  const upcoming = await buildEvent(db, payroll.id, { going: [ana.id] });
  assert.equal(
    (
      await call(`/events/${upcoming.id}/attendance`, {
        as: convenor,
        method: "PUT",
        body: { attended: [ana.id] },
      })
    ).status,
    422,
  );
});

test("the API answers the resulting status and waitlist position", async () => {
  const event = await buildEvent(db, payroll.id, { capacity: 1, startsAt: inAWeek() });
  const going = await call(`/events/${event.id}/rsvp`, { as: ana, method: "PUT", body: { status: "going" } });
  assert.equal(going.status, 200);
  assert.deepEqual(going.json, {
    eventId: event.id,
    status: "going",
    waitlistPosition: null,
    goingCount: 1,
    waitlistCount: 0,
    placesLeft: 0,
  });
  const waiting = await call(`/events/${event.id}/rsvp`, {
    as: ben,
    method: "PUT",
    body: { status: "going" },
  });
  assert.equal(waiting.json.status, "waitlisted");
  assert.equal(waiting.json.waitlistPosition, 1);
  const gaveUp = await call(`/events/${event.id}/rsvp`, {
    as: ana,
    method: "PUT",
    body: { status: "not_going" },
  });
  assert.equal(gaveUp.json.status, "not_going");
  assert.equal(gaveUp.json.goingCount, 1);
  assert.equal((await rsvpRow(event.id, ben.id))?.status, "going");
});

test("the RSVP routes are in the OpenAPI document, tagged Events, and it validates", async () => {
  const { Validator } = await import("@seriousme/openapi-schema-validator");
  const spec = await (await app.request("/api/openapi.json")).json();
  const result = await new Validator().validate(spec);
  assert.equal(result.valid, true, String(JSON.stringify(result.errors)).slice(0, 2000));
  for (const [path, method] of [
    ["/api/v1/events/{id}/rsvp", "put"],
    ["/api/v1/events/{id}/attendees", "get"],
    ["/api/v1/events/{id}/attendance", "put"],
  ] as const) {
    assert.deepEqual(spec.paths[path]?.[method]?.tags, ["Events"], `${method} ${path}`);
  }
});
