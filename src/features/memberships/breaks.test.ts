import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents, recordActivity } from "../../platform/activity.js";
import { communities } from "../communities/tables.js";
import { memberJoined } from "../notifications/kinds.js";
import { notify } from "../notifications/service.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { aYearAfter, checkBreakDate, dateIn, describeActivity, returnFromBreaks } from "./roster-service.js";
import { memberships } from "./tables.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const resting = await buildPerson(db, { name: "Rae Resting" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: resting.id, role: "convenor" },
  ],
});

const sessions = new Map<string, Visitor>();
async function signedIn(who: { email: string }) {
  const known = sessions.get(who.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(who.email, FACTORY_PASSWORD)).status, 303);
  sessions.set(who.email, visitor);
  return visitor;
}

async function row(personId: string, communityId = community.id) {
  const [found] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
  return found!;
}

const verbsOf = async (personId: string) =>
  (await db.select().from(activityEvents).where(eq(activityEvents.actorId, personId))).map((e) => e.verb);

const day = (offset: number, from = new Date()) => {
  const date = new Date(`${dateIn(from, "Europe/London")}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

test("dates: a break ends after today and within a year", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  assert.equal(dateIn(now, "UTC"), "2026-03-10");
  assert.equal(
    dateIn(new Date("2026-07-01T23:30:00Z"), "Europe/London"),
    "2026-07-02",
    "British Summer Time",
  );
  assert.equal(aYearAfter("2028-02-29"), "2029-03-01");
  assert.throws(() => checkBreakDate("2026-03-10", now), /must be in the future/);
  assert.throws(() => checkBreakDate("2025-12-01", now), /must be in the future/);
  assert.doesNotThrow(() => checkBreakDate("2026-03-11", now));
  assert.doesNotThrow(() => checkBreakDate("2027-03-10", now));
  assert.throws(() => checkBreakDate("2027-03-11", now), /up to a year: choose 10 March 2027 or earlier/);
});

test("your membership page is for members only", async () => {
  const anonymous = new Visitor(app as never);
  assert.equal((await anonymous.get("/communities/payroll/membership")).status, 303);
  const outside = await signedIn(outsider);
  const refused = await outside.get("/communities/payroll/membership");
  assert.equal(refused.status, 403);
  assert.match(refused.html, /You are not a member of Payroll Practitioners/);
  assert.equal((await outside.post("/communities/payroll/membership/break", { until: day(5) })).status, 403);

  const visitor = await signedIn(resting);
  const page = await visitor.get("/communities/payroll/membership");
  assert.equal(page.status, 200);
  assert.match(page.html, /<title>Your membership – Payroll Practitioners/);
  assert.match(page.html, /Take a break/);
  assert.match(page.html, /href="\/communities\/payroll\/leave"/);
  assert.match(page.html, /name="involvement" value="take_part" checked/);
});

test("members choose their involvement", async () => {
  const visitor = await signedIn(resting);
  const bad = await visitor.post("/communities/payroll/membership/involvement", { involvement: "<lurk>" });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /Choose how involved you want to be/);
  assert.doesNotMatch(bad.html, /<lurk>/);
  const done = await visitor.post("/communities/payroll/membership/involvement", { involvement: "follow" });
  assert.equal(done.status, 303);
  assert.equal((await row(resting.id)).involvement, "follow");
  const [event] = await db
    .select()
    .from(activityEvents)
    .where(
      and(eq(activityEvents.actorId, resting.id), eq(activityEvents.verb, "membership.involvement_changed")),
    );
  assert.deepEqual(event?.data, { from: "take_part", to: "follow" });
  assert.match((await visitor.get("/communities/payroll/membership")).html, /is now “Follows the round-up”/);
});

test("taking a break checks the date and keeps what was typed", async () => {
  const visitor = await signedIn(resting);
  const cases: [string, RegExp][] = [
    ["", /Enter the date your break ends/],
    ["next tuesday", /Enter a date such as/],
    ["2026-02-30", /Enter a real date/],
    [day(0), /must be in the future/],
    [day(-3), /must be in the future/],
    [day(400), /A break can last up to a year/],
  ];
  for (const [until, message] of cases) {
    const response = await visitor.post("/communities/payroll/membership/break", { until });
    assert.equal(response.status, 422, `"${until}" is refused`);
    assert.match(response.html, message);
    assert.match(response.html, /There is a problem/);
    if (until) assert.ok(response.html.includes(`value="${until}"`), "the value is kept");
  }
  assert.equal((await row(resting.id)).state, "active");
});

test("on a break: still a member, shown as such, and told nothing by the community", async () => {
  const visitor = await signedIn(resting);
  const until = day(14);
  const before = (await db.select().from(communities).where(eq(communities.id, community.id)))[0]!
    .memberCount;
  const done = await visitor.post("/communities/payroll/membership/break", { until });
  assert.equal(done.status, 303);
  const membership = await row(resting.id);
  assert.equal(membership.state, "on_break");
  assert.equal(membership.breakUntil, until);
  assert.ok(membership.breakStartedAt);
  assert.ok((await verbsOf(resting.id)).includes("membership.break_started"));
  const after = (await db.select().from(communities).where(eq(communities.id, community.id)))[0]!.memberCount;
  assert.equal(after, before, "a person on a break is still counted");

  const page = await visitor.get("/communities/payroll/membership");
  assert.match(page.html, /You are on a break/);
  assert.match(page.html, /Come back now/);
  const members = await (await signedIn(convenor)).get("/communities/payroll/members");
  assert.match(members.html, /Rae Resting/);
  assert.match(members.html, /On a break until/);

  // Nothing reaches them about this community; a joiner is news to the other convenor only.
  const result = await notify(db, {
    recipientId: resting.id,
    kind: memberJoined.kind,
    title: "Someone joined",
    url: "/communities/payroll",
    communityId: community.id,
  });
  assert.equal(result, "on_break");
  const joiner = await buildPerson(db, { name: "Jo Joiner" });
  const joinerVisitor = await signedIn(joiner);
  assert.equal((await joinerVisitor.post("/communities/payroll/join")).status, 303);
  const heard = await db.select().from(notifications).where(eq(notifications.personId, resting.id));
  assert.equal(heard.length, 0);
  const convenorHeard = await db.select().from(notifications).where(eq(notifications.personId, convenor.id));
  assert.equal(convenorHeard.length, 1);

  // Moving the end of the break keeps when it started.
  const later = day(20);
  assert.equal((await visitor.post("/communities/payroll/membership/break", { until: later })).status, 303);
  const moved = await row(resting.id);
  assert.equal(moved.breakUntil, later);
  assert.equal(moved.breakStartedAt?.getTime(), membership.breakStartedAt?.getTime());
});

test("coming back now ends the break with a summary", async () => {
  const visitor = await signedIn(resting);
  const back = await visitor.post("/communities/payroll/membership/return");
  assert.equal(back.status, 303);
  const membership = await row(resting.id);
  assert.equal(membership.state, "active");
  assert.equal(membership.breakUntil, null);
  const page = await visitor.get("/communities/payroll/membership");
  assert.match(page.html, /Welcome back to Payroll Practitioners. While you were away: 1 person joined./);
  const [event] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.actorId, resting.id), eq(activityEvents.verb, "membership.break_ended")));
  assert.deepEqual(event?.data, { automatic: false });
  const again = await visitor.post("/communities/payroll/membership/return");
  assert.equal(again.status, 303, "a second press changes nothing");
});

test("the summary says what happened in plain words", () => {
  const counts = new Map([
    ["community.joined", 4],
    ["charter.revised", 2],
    ["thread.created", 1],
    ["membership.break_started", 3],
    ["membership.approved", 2],
    ["something.else", 2],
  ]);
  assert.equal(
    describeActivity(counts),
    "4 people joined, the charter changed, 1 new discussion and 2 other updates",
  );
  assert.equal(describeActivity(new Map([["membership.break_ended", 1]])), null);
});

test("the daily sweep brings people back after their last day, with what they missed", async () => {
  const place = await buildCommunity(db, {
    name: "Web Content",
    slug: "web-content",
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const away = await buildPerson(db, { name: "Al Away" });
  const stillAway = await buildPerson(db, { name: "Sam Still" });
  const started = new Date("2026-01-05T09:00:00Z");
  await db.insert(memberships).values([
    {
      communityId: place.id,
      personId: away.id,
      state: "on_break",
      breakUntil: "2026-02-01",
      breakStartedAt: started,
    },
    {
      communityId: place.id,
      personId: stillAway.id,
      state: "on_break",
      breakUntil: "2026-02-02",
      breakStartedAt: started,
    },
  ]);
  // What happened while they were away: four joins and a charter change; an older join does not count.
  const joiners = await Promise.all([1, 2, 3, 4].map((n) => buildPerson(db, { name: `New Person ${n}` })));
  for (const joiner of joiners) {
    await recordActivity(db, {
      actorId: joiner.id,
      verb: "community.joined",
      object: { type: "community", id: place.id },
      communityId: place.id,
      at: new Date("2026-01-10T10:00:00Z"),
    });
  }
  await recordActivity(db, {
    actorId: joiners[0]!.id,
    verb: "community.joined",
    object: { type: "community", id: place.id },
    communityId: place.id,
    at: new Date("2025-12-01T10:00:00Z"),
  });
  await recordActivity(db, {
    actorId: convenor.id,
    verb: "charter.revised",
    object: { type: "charter", id: place.id },
    communityId: place.id,
    at: new Date("2026-01-20T10:00:00Z"),
  });

  // On their last day they are still away.
  assert.deepEqual(await returnFromBreaks(db, new Date("2026-02-01T12:00:00Z"), "UTC"), { returned: 0 });
  assert.equal((await row(away.id, place.id)).state, "on_break");

  const now = new Date("2026-02-02T00:10:00Z");
  assert.deepEqual(await returnFromBreaks(db, now, "UTC"), { returned: 1 });
  const back = await row(away.id, place.id);
  assert.equal(back.state, "active");
  assert.equal(back.breakUntil, null);
  assert.equal((await row(stillAway.id, place.id)).state, "on_break", "their last day is today");

  const [notice] = await db.select().from(notifications).where(eq(notifications.personId, away.id));
  assert.equal(notice?.kind, "membership.welcome_back");
  assert.equal(notice?.title, "Welcome back to Web Content");
  assert.equal(notice?.body, "While you were away: 4 people joined and the charter changed.");
  const [event] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.actorId, away.id), eq(activityEvents.verb, "membership.break_ended")));
  assert.deepEqual(event?.data, { automatic: true });

  // Running twice changes nothing more.
  assert.deepEqual(await returnFromBreaks(db, now, "UTC"), { returned: 0 });
  assert.equal((await db.select().from(notifications).where(eq(notifications.personId, away.id))).length, 1);
  assert.deepEqual(await returnFromBreaks(db, new Date("2026-02-03T08:00:00Z"), "UTC"), { returned: 1 });
});

const call = (path: string, token: string | null, init: { method?: string; body?: unknown } = {}) =>
  app.request(`/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });

test("the API sets involvement and takes and ends breaks", async () => {
  const token = (await createToken(db, await actorFor(db, resting.id), { name: "Breaks" })).secret;
  assert.equal(
    (
      await call("/communities/payroll/membership/involvement", null, {
        method: "PUT",
        body: { involvement: "help_run" },
      })
    ).status,
    401,
  );
  const involved = await call("/communities/payroll/membership/involvement", token, {
    method: "PUT",
    body: { involvement: "help_run" },
  });
  assert.equal(involved.status, 200);
  assert.equal(((await involved.json()) as { involvement: string }).involvement, "help_run");
  const badInvolvement = await call("/communities/payroll/membership/involvement", token, {
    method: "PUT",
    body: { involvement: "lurk" },
  });
  assert.equal(badInvolvement.status, 422);

  const past = await call("/communities/payroll/membership/break", token, {
    method: "PUT",
    body: { until: day(-1) },
  });
  assert.equal(past.status, 422);
  const problem = (await past.json()) as { errors: { field: string; message: string }[] };
  assert.equal(problem.errors[0]?.field, "until");
  const until = day(10);
  const started = await call("/communities/payroll/membership/break", token, {
    method: "PUT",
    body: { until },
  });
  assert.equal(started.status, 200);
  const body = (await started.json()) as { state: string; breakUntil: string };
  assert.equal(body.state, "on_break");
  assert.equal(body.breakUntil, until);
  const ended = await call("/communities/payroll/membership/break", token, { method: "DELETE" });
  assert.equal(ended.status, 200);
  assert.equal(((await ended.json()) as { state: string }).state, "active");

  const outsiderToken = (await createToken(db, await actorFor(db, outsider.id), { name: "Out" })).secret;
  const refused = await call("/communities/payroll/membership/break", outsiderToken, {
    method: "PUT",
    body: { until },
  });
  assert.equal(refused.status, 403);
});

test("the daily job is registered and scheduled, and its handler runs the sweep", async () => {
  const { registerBreakReturns, breakReturnsCron } = await import("./jobs.js");
  const registered: { name: string; handler: (data: unknown) => Promise<unknown> }[] = [];
  const scheduled: { name: string; cron: string }[] = [];
  const jobs = {
    register: async (name: string, handler: (data: unknown) => Promise<unknown>) => {
      registered.push({ name, handler });
    },
    schedule: async (name: string, cron: string) => {
      scheduled.push({ name, cron });
    },
  };
  await registerBreakReturns(jobs as never, db);
  assert.deepEqual(
    registered.map((r) => r.name),
    ["memberships.return-from-breaks"],
  );
  assert.deepEqual(scheduled, [{ name: "memberships.return-from-breaks", cron: breakReturnsCron }]);
  assert.deepEqual(await registered[0]!.handler({}), { returned: 0 });
});
