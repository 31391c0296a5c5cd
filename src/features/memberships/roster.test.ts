import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { auditLog } from "../../platform/audit.js";
import { communities } from "../communities/tables.js";
import { notifications } from "../notifications/tables.js";
import { divisions } from "../organisation/tables.js";
import { people } from "../people/tables.js";
import { createToken } from "../tokens/service.js";
import { rosterOf } from "./queries.js";
import { csvCell } from "./roster-pages.js";
import { changeRole } from "./roster-service.js";
import { memberships } from "./tables.js";

const { app, db } = await createTestApp();

const [hr, it] = await db
  .insert(divisions)
  .values([
    { slug: "human-resources", name: "Human Resources" },
    { slug: "it-services", name: "IT Services" },
  ])
  .returning();

async function person(
  name: string,
  fields: { jobTitle?: string; division?: string; skills?: string[]; siteRole?: "admin" | "programme" } = {},
) {
  const built = await buildPerson(db, { name, skills: fields.skills, siteRole: fields.siteRole });
  await db
    .update(people)
    .set({ jobTitle: fields.jobTitle ?? "", divisionId: fields.division ?? null })
    .where(eq(people.id, built.id));
  return built;
}

const convenor = await person("Cora Convenor", {
  jobTitle: "HR Adviser",
  division: hr!.id,
  skills: ["payroll"],
});
const member = await person("Mo Member", {
  jobTitle: "Payroll Officer",
  division: hr!.id,
  skills: ["payroll", "pensions", "excel", "audit", "tax"],
});
const core = await person("Kai Core", { jobTitle: "Developer", division: it!.id, skills: ["typescript"] });
const outsider = await person("Olu Outsider");
const programme = await person("Pat Programme", { siteRole: "programme" });
const hostile = await person(`<script>alert("x")</script> Eve`, {
  jobTitle: '=HYPERLINK("http://evil")',
  skills: ["+cmd", "a,b"],
});

const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: member.id },
    { personId: core.id, role: "core" },
    { personId: hostile.id },
  ],
});
await db
  .update(memberships)
  .set({ involvement: "help_run" })
  .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, core.id)));
await db
  .update(memberships)
  .set({ state: "on_break", breakUntil: "2099-03-31", breakStartedAt: new Date() })
  .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, member.id)));

await buildCommunity(db, {
  name: "Quiet Room",
  slug: "quiet-room",
  contentAccess: "members",
  members: [{ personId: convenor.id, role: "convenor" }],
});

// Sign-in is rate-limited per address, so each person signs in once and keeps their session.
const sessions = new Map<string, Visitor>();
async function signedIn(who: { email: string }) {
  const known = sessions.get(who.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(who.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${who.email}`);
  sessions.set(who.email, visitor);
  return visitor;
}

async function membershipRow(communityId: string, personId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.personId, personId)));
  return row;
}

test("members see the Members tab with roles, divisions, skills, involvement and breaks", async () => {
  const visitor = await signedIn(member);
  const page = await visitor.get("/communities/payroll/members");
  assert.equal(page.status, 200);
  assert.match(page.html, /<title>Members – Payroll Practitioners/);
  assert.match(
    page.html,
    /aria-current="page"[^>]*>Members|href="\/communities\/payroll\/members" aria-current="page"/,
  );
  for (const text of [
    "Cora Convenor",
    "Kai Core",
    "Core team",
    "Convenor",
    "Human Resources",
    "IT Services",
  ]) {
    assert.ok(page.html.includes(text), `shows ${text}`);
  }
  assert.match(page.html, /Helps run things/);
  assert.match(page.html, /On a break until 31 March 2099/);
  assert.match(page.html, /and 2 more/, "only the first few skills");
  assert.doesNotMatch(page.html, /Download as CSV/, "ordinary members cannot export");
  assert.doesNotMatch(page.html, /Change role/, "nor change roles");
  assert.doesNotMatch(page.html, /Why people leave/);
});

test("visitors are sent to sign in; members-only lists stay with members and the programme team", async () => {
  const anonymous = new Visitor(app as never);
  const page = await anonymous.get("/communities/payroll/members");
  assert.equal(page.status, 303);
  assert.match(page.headers.get("location") ?? "", /^\/sign-in\?next=/);

  const outside = await signedIn(outsider);
  assert.equal((await outside.get("/communities/payroll/members")).status, 200, "all-staff lists are open");
  const refused = await outside.get("/communities/quiet-room/members");
  assert.equal(refused.status, 403);
  assert.match(refused.html, /Only members of Quiet Room can see this/);
  assert.doesNotMatch(refused.html, /Cora Convenor/);

  const team = await signedIn(programme);
  const seen = await team.get("/communities/quiet-room/members");
  assert.equal(seen.status, 200);
  assert.match(seen.html, /Cora Convenor/);
  const inside = await signedIn(convenor);
  assert.match((await inside.get("/communities/quiet-room/members")).html, /Cora Convenor/);
  assert.equal((await outside.get("/communities/nowhere/members")).status, 404);
});

test("search by name or skill, filter by role, involvement and division, with an empty state", async () => {
  const visitor = await signedIn(outsider);
  const names = (html: string) =>
    ["Cora Convenor", "Mo Member", "Kai Core"].filter((name) => html.includes(`>${name}</a>`));
  assert.deepEqual(names((await visitor.get("/communities/payroll/members?q=kai")).html), ["Kai Core"]);
  assert.deepEqual(names((await visitor.get("/communities/payroll/members?q=pensions")).html), ["Mo Member"]);
  assert.deepEqual(names((await visitor.get("/communities/payroll/members?q=PAYROLL")).html), [
    "Cora Convenor",
    "Mo Member",
  ]);
  assert.deepEqual(names((await visitor.get("/communities/payroll/members?q=typesc")).html), ["Kai Core"]);
  assert.deepEqual(names((await visitor.get("/communities/payroll/members?role=core")).html), ["Kai Core"]);
  assert.deepEqual(names((await visitor.get("/communities/payroll/members?involvement=help_run")).html), [
    "Kai Core",
  ]);
  assert.deepEqual(names((await visitor.get("/communities/payroll/members?division=human-resources")).html), [
    "Cora Convenor",
    "Mo Member",
  ]);
  const none = await visitor.get("/communities/payroll/members?q=zzz");
  assert.match(none.html, /Nobody matches that search/);
  assert.match(none.html, /value="zzz"/, "the search is kept in the form");
  const junk = await visitor.get("/communities/payroll/members?role=<b>&involvement=x&cursor=%%%&q=%25_");
  assert.equal(junk.status, 200, "bad filter values fall back to all");
  assert.match(junk.html, /Nobody matches that search/, "% and _ are matched literally");
});

test("the member list pages by name in both directions", async () => {
  const filters = { q: "", role: "" as const, involvement: "" as const, division: "" };
  const first = await rosterOf(db, community.id, filters, null, 2);
  assert.equal(first.items.length, 2);
  assert.ok(first.next);
  assert.equal(first.previous, null);
  const all = await rosterOf(db, community.id, filters, null, 50);
  const visitor = await signedIn(outsider);
  const second = await visitor.get(`/communities/payroll/members?cursor=${first.next}`);
  assert.equal(second.status, 200);
  for (const item of first.items)
    assert.ok(!second.html.includes(`>${item.name}</a>`), "page 1 names are gone");
  assert.ok(second.html.includes(`>${all.items[2]!.name}</a>`));
  assert.match(second.html, /rel="prev"/);
  const { decodeCursor } = await import("../../platform/http/pagination.js");
  const page2 = await rosterOf(db, community.id, filters, decodeCursor(first.next), 2);
  const back = await rosterOf(db, community.id, filters, decodeCursor(page2.previous), 2);
  assert.deepEqual(
    back.items.map((i) => i.personId),
    first.items.map((i) => i.personId),
  );
});

test("hostile names and search text are shown as text", async () => {
  const visitor = await signedIn(member);
  const page = await visitor.get(
    `/communities/payroll/members?q=${encodeURIComponent('"><script>x</script>')}`,
  );
  assert.doesNotMatch(page.html, /<script>x<\/script>/);
  const list = await visitor.get("/communities/payroll/members");
  assert.doesNotMatch(list.html, /<script>alert/);
  assert.match(list.html, /&lt;script&gt;alert/);
});

test("convenors and the programme team download the members as CSV; members cannot", async () => {
  assert.equal(csvCell("=SUM(A1)"), "'=SUM(A1)");
  assert.equal(csvCell("-1"), "'-1");
  assert.equal(csvCell("@x"), "'@x");
  assert.equal(csvCell("\tx"), "'\tx");
  assert.equal(csvCell('say "hi", then'), '"say ""hi"", then"');
  assert.equal(csvCell("line\nbreak"), '"line\nbreak"');
  assert.equal(csvCell("plain"), "plain");

  const visitor = await signedIn(convenor);
  const tab = await visitor.get("/communities/payroll/members");
  assert.match(tab.html, /href="\/communities\/payroll\/members.csv"[^>]*>\s*Download as CSV/);
  const response = await app.request("/communities/payroll/members.csv", {
    headers: { cookie: visitor.cookieHeader() },
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/csv/);
  assert.match(
    response.headers.get("content-disposition") ?? "",
    /^attachment; filename="payroll-members-\d{4}-\d{2}-\d{2}\.csv"$/,
  );
  const text = (await response.text()).replace(/^\uFEFF/, "");
  const lines = text.split("\r\n");
  assert.equal(lines[0], "Name,Email,Role,State,Involvement,Division,Job title,Skills,Joined");
  const cora = lines.find((line) => line.startsWith("Cora Convenor,"));
  assert.ok(cora?.includes(convenor.email));
  assert.match(
    cora ?? "",
    /,Convenor,Active,Takes part,Human Resources,HR Adviser,payroll,\d{4}-\d{2}-\d{2}$/,
  );
  assert.match(text, /Mo Member,[^\r\n]*,On a break until 2099-03-31,/);
  const eve = lines.find((line) => line.includes("Eve"));
  assert.ok(eve);
  assert.ok(eve.includes(`"'=HYPERLINK(""http://evil"")"`), "formula neutralised and quoted");
  assert.ok(eve.includes(`"'+cmd; a,b"`), "skills cell neutralised and quoted");

  const team = await signedIn(programme);
  assert.equal((await team.get("/communities/payroll/members.csv")).status, 200);
  const plain = await signedIn(member);
  const refused = await plain.get("/communities/payroll/members.csv");
  assert.equal(refused.status, 403);
  assert.match(refused.html, /Only the convenors of Payroll Practitioners and the programme team/);
  const anonymous = new Visitor(app as never);
  assert.equal((await anonymous.get("/communities/payroll/members.csv")).status, 303);
});

test("convenors change roles; the person is told; activity and audit are kept", async () => {
  const visitor = await signedIn(convenor);
  const tab = await visitor.get("/communities/payroll/members");
  assert.match(tab.html, /Change role/);
  const bad = await visitor.post(`/communities/payroll/members/${hostile.handle}/role`, { role: "king" });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /Choose convenor, core team, member or sponsor/);
  assert.match(bad.html, new RegExp(`href="#field-role-${hostile.handle}"`));

  const done = await visitor.post(`/communities/payroll/members/${hostile.handle}/role`, { role: "sponsor" });
  assert.equal(done.status, 303);
  assert.equal((await membershipRow(community.id, hostile.id))?.role, "sponsor");
  assert.equal((await membershipRow(community.id, hostile.id))?.decidedById, convenor.id);
  const [event] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "membership.role_changed"), eq(activityEvents.objectId, hostile.id)));
  assert.deepEqual(event?.data, { from: "member", to: "sponsor" });
  const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, hostile.id));
  assert.equal(audit?.action, "membership.role_changed");
  assert.equal(audit?.actorId, convenor.id);
  const [notice] = await db.select().from(notifications).where(eq(notifications.personId, hostile.id));
  assert.equal(notice?.kind, "membership.role_changed");
  assert.match(notice?.title ?? "", /You are now a sponsor of Payroll Practitioners/);
  assert.match((await visitor.get("/communities/payroll/members")).html, /is now a sponsor/);

  const plain = await signedIn(core);
  const refused = await plain.post(`/communities/payroll/members/${hostile.handle}/role`, { role: "member" });
  assert.equal(refused.status, 403);
  assert.match(refused.html, /Only the convenors of Payroll Practitioners can change roles/);
  const missing = await visitor.post("/communities/payroll/members/nobody-here/role", { role: "member" });
  assert.equal(missing.status, 404);
});

test("the last convenor cannot be demoted, not even by themselves", async () => {
  const visitor = await signedIn(convenor);
  const alone = await visitor.post(`/communities/payroll/members/${convenor.handle}/role`, {
    role: "member",
  });
  assert.equal(alone.status, 422);
  assert.match(alone.html, /You are the only convenor of Payroll Practitioners/);
  assert.match(alone.html, /There is a problem/);
  assert.equal((await membershipRow(community.id, convenor.id))?.role, "convenor");

  const team = await signedIn(programme);
  const byTeam = await team.post(`/communities/payroll/members/${convenor.handle}/role`, { role: "core" });
  assert.equal(byTeam.status, 422);
  assert.match(byTeam.html, /Cora Convenor is the only convenor/);

  // With a second convenor named, the first may step down.
  assert.equal(
    (await visitor.post(`/communities/payroll/members/${core.handle}/role`, { role: "convenor" })).status,
    303,
  );
  const stepDown = await visitor.post(`/communities/payroll/members/${convenor.handle}/role`, {
    role: "member",
  });
  assert.equal(stepDown.status, 303);
  assert.equal((await membershipRow(community.id, convenor.id))?.role, "member");
  // Put things back for the other tests.
  await changeRole(
    db,
    await actorFor(db, core.id),
    community,
    { id: convenor.id, name: convenor.name },
    "convenor",
  );
  await changeRole(db, await actorFor(db, convenor.id), community, { id: core.id, name: core.name }, "core");
});

test("two convenors demoting each other at the same moment leave one convenor", async () => {
  const a = await person("Ann Alpha");
  const b = await person("Ben Beta");
  const pair = await buildCommunity(db, {
    name: "Pair",
    members: [
      { personId: a.id, role: "convenor" },
      { personId: b.id, role: "convenor" },
    ],
  });
  const [actorA, actorB] = await Promise.all([actorFor(db, a.id), actorFor(db, b.id)]);
  const results = await Promise.allSettled([
    changeRole(db, actorA, pair, { id: b.id, name: b.name }, "member"),
    changeRole(db, actorB, pair, { id: a.id, name: a.name }, "member"),
  ]);
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 1);
  const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
  assert.equal(rejected.reason.code, "last_convenor");
  const rows = await db.select().from(memberships).where(eq(memberships.communityId, pair.id));
  assert.equal(rows.filter((row) => row.role === "convenor").length, 1);
});

test("convenors remove a member with a reason, after a confirmation page", async () => {
  const leaver = await person("Lou Removed");
  await db.insert(memberships).values({ communityId: community.id, personId: leaver.id });
  await db.update(communities).set({ memberCount: 5 }).where(eq(communities.id, community.id));
  const visitor = await signedIn(convenor);
  const confirm = await visitor.get(`/communities/payroll/members/${leaver.handle}/remove`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /Remove Lou Removed from Payroll Practitioners\?/);
  assert.match(confirm.html, /they are told, with the reason you give/);
  const blank = await visitor.post(`/communities/payroll/members/${leaver.handle}/remove`, { reason: "  " });
  assert.equal(blank.status, 422);
  assert.match(blank.html, /Enter the reason/);
  const reason = "Posting <b>spam</b> after two warnings";
  const done = await visitor.post(`/communities/payroll/members/${leaver.handle}/remove`, { reason });
  assert.equal(done.status, 303);
  const row = await membershipRow(community.id, leaver.id);
  assert.equal(row?.state, "left");
  assert.ok(row?.removedAt);
  assert.equal(row?.decisionMessage, reason);
  assert.equal(row?.decidedById, convenor.id);
  assert.equal(row?.leaveReason, null);
  const [counted] = await db.select().from(communities).where(eq(communities.id, community.id));
  assert.equal(counted?.memberCount, 4);
  const [audit] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, leaver.id), eq(auditLog.action, "membership.removed")));
  assert.equal(audit?.reason, reason);
  const [event] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "membership.removed"), eq(activityEvents.objectId, leaver.id)));
  assert.ok(event);
  const [notice] = await db.select().from(notifications).where(eq(notifications.personId, leaver.id));
  assert.equal(notice?.kind, "membership.removed");
  assert.ok(notice?.body.includes(reason));
  const list = await visitor.get("/communities/payroll/members");
  assert.doesNotMatch(list.html, /Lou Removed<\/a>/);
  assert.match(list.html, /Lou Removed has been removed/);
  // Removing someone who is no longer there is a 404.
  assert.equal((await visitor.get(`/communities/payroll/members/${leaver.handle}/remove`)).status, 404);
});

test("nobody removes themselves or the last convenor, and members cannot remove anyone", async () => {
  const visitor = await signedIn(convenor);
  const self = await visitor.get(`/communities/payroll/members/${convenor.handle}/remove`);
  assert.equal(self.status, 403);
  assert.match(self.html, /Use Leave community instead/);
  const team = await signedIn(programme);
  const last = await team.post(`/communities/payroll/members/${convenor.handle}/remove`, { reason: "Test" });
  assert.equal(last.status, 422);
  assert.match(last.html, /only convenor/);
  assert.equal((await membershipRow(community.id, convenor.id))?.state, "active");
  const plain = await signedIn(core);
  assert.equal((await plain.get(`/communities/payroll/members/${hostile.handle}/remove`)).status, 403);
  assert.equal(
    (await plain.post(`/communities/payroll/members/${hostile.handle}/remove`, { reason: "x" })).status,
    403,
  );
});

test("leaving reasons are shown in aggregate, only once three people have left", async () => {
  const place = await buildCommunity(db, {
    name: "Leavers Lounge",
    slug: "leavers",
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const now = new Date();
  const leave = async (name: string, reason: string | null, removed = false) => {
    const who = await person(name);
    await db.insert(memberships).values({
      communityId: place.id,
      personId: who.id,
      state: "left",
      leftAt: now,
      leaveReason: reason,
      removedAt: removed ? now : null,
    });
  };
  await leave("Lee One", "Changed <em>jobs</em>");
  await leave("Lee Two", null);
  await leave("Lee Removed", "Should never show", true);
  const visitor = await signedIn(convenor);
  const few = await visitor.get("/communities/leavers/members/leaving");
  assert.equal(few.status, 200);
  assert.match(few.html, /2 people left in the last 12 months/);
  assert.match(few.html, /Reasons are shown once at least 3 people have left/);
  assert.doesNotMatch(few.html, /Changed/);

  await leave("Lee Three", "Too many meetings");
  const enough = await visitor.get("/communities/leavers/members/leaving");
  assert.match(enough.html, /3 people left in the last 12 months/);
  assert.match(enough.html, /Changed &lt;em&gt;jobs&lt;\/em&gt;/);
  assert.match(enough.html, /Too many meetings/);
  assert.doesNotMatch(enough.html, /Should never show/, "removals are not leaving");
  assert.doesNotMatch(enough.html, /Lee (One|Two|Three)/, "no names");
  assert.match(enough.html, /<caption>People who left Leavers Lounge, by month<\/caption>/);

  const plain = await signedIn(member);
  assert.equal((await plain.get("/communities/leavers/members/leaving")).status, 403);
  assert.equal((await (await signedIn(programme)).get("/communities/leavers/members/leaving")).status, 200);
});

// ---------------------------------------------------------------------------------------------
// API

const tokenFor = async (who: { id: string }) =>
  (await createToken(db, await actorFor(db, who.id), { name: "Roster test" })).secret;
const call = (path: string, token: string | null, init: { method?: string; body?: unknown } = {}) =>
  app.request(`/api/v1${path}`, {
    method: init.method ?? "GET",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
  });

test("the API lists members with filters and follows the members-only rule", async () => {
  const token = await tokenFor(outsider);
  assert.equal((await call("/communities/payroll/members", null)).status, 401);
  const all = await call("/communities/payroll/members?limit=2", token);
  assert.equal(all.status, 200);
  const page = (await all.json()) as { data: { person: { name: string } }[]; nextCursor: string | null };
  assert.equal(page.data.length, 2);
  assert.ok(page.nextCursor);
  const next = await call(`/communities/payroll/members?limit=2&cursor=${page.nextCursor}`, token);
  assert.equal(next.status, 200);
  const filtered = (await (await call("/communities/payroll/members?role=core", token)).json()) as {
    data: { person: { name: string; skills: string[] }; involvement: string; state: string }[];
  };
  assert.deepEqual(
    filtered.data.map((m) => m.person.name),
    ["Kai Core"],
  );
  assert.equal(filtered.data[0]?.involvement, "help_run");
  const onBreak = (await (await call("/communities/payroll/members?q=mo%20member", token)).json()) as {
    data: { state: string; breakUntil: string | null }[];
  };
  assert.equal(onBreak.data[0]?.state, "on_break");
  assert.equal(onBreak.data[0]?.breakUntil, "2099-03-31");
  assert.equal((await call("/communities/payroll/members?role=king", token)).status, 422);
  assert.equal((await call("/communities/quiet-room/members", token)).status, 403);
  assert.equal((await call("/communities/nowhere/members", token)).status, 404);
});

test("the API changes roles, refuses to demote the last convenor, and removes members", async () => {
  const token = await tokenFor(convenor);
  const promoted = await call(`/communities/payroll/members/${hostile.handle}`, token, {
    method: "PATCH",
    body: { role: "core" },
  });
  assert.equal(promoted.status, 200);
  assert.equal(((await promoted.json()) as { role: string }).role, "core");
  const last = await call(`/communities/payroll/members/${convenor.handle}`, token, {
    method: "PATCH",
    body: { role: "member" },
  });
  assert.equal(last.status, 422);
  assert.match(last.headers.get("content-type") ?? "", /problem\+json/);
  assert.equal(((await last.json()) as { code: string }).code, "last_convenor");
  const badRole = await call(`/communities/payroll/members/${hostile.handle}`, token, {
    method: "PATCH",
    body: { role: "king" },
  });
  assert.equal(badRole.status, 422);

  const memberToken = await tokenFor(member);
  const refused = await call(`/communities/payroll/members/${hostile.handle}`, memberToken, {
    method: "PATCH",
    body: { role: "member" },
  });
  assert.equal(refused.status, 403);

  const goner = await person("Gus Gone");
  await db.insert(memberships).values({ communityId: community.id, personId: goner.id });
  const noReason = await call(`/communities/payroll/members/${goner.handle}`, token, {
    method: "DELETE",
    body: { reason: "" },
  });
  assert.equal(noReason.status, 422);
  const removed = await call(`/communities/payroll/members/${goner.handle}`, token, {
    method: "DELETE",
    body: { reason: "Left the organisation" },
  });
  assert.equal(removed.status, 204);
  assert.equal((await membershipRow(community.id, goner.id))?.state, "left");
  const self = await call(`/communities/payroll/members/${convenor.handle}`, token, {
    method: "DELETE",
    body: { reason: "Bye" },
  });
  assert.equal(self.status, 422);
  assert.equal(((await self.json()) as { code: string }).code, "remove_self");

  const reasons = await call("/communities/payroll/leaving-reasons", token);
  assert.equal(reasons.status, 200);
  const body = (await reasons.json()) as { months: unknown[]; reasonsHidden: boolean };
  assert.equal(body.months.length, 12);
  assert.equal((await call("/communities/payroll/leaving-reasons", memberToken)).status, 403);
});

test("every roster route is in the OpenAPI document", async () => {
  const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, object> };
  for (const path of [
    "/api/v1/communities/{slug}/members",
    "/api/v1/communities/{slug}/members/{handle}",
    "/api/v1/communities/{slug}/membership/involvement",
    "/api/v1/communities/{slug}/membership/break",
    "/api/v1/communities/{slug}/leaving-reasons",
  ]) {
    assert.ok(doc.paths[path] ?? doc.paths[path.replace("/api/v1", "")], `${path} is documented`);
  }
});
