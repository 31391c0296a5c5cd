import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { auditLog } from "../../platform/audit.js";
import { charterVersions } from "../charter/tables.js";
import { communities } from "../communities/tables.js";
import { memberships } from "../memberships/tables.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { csvCell, toCsv } from "./csv.js";
import { sweepDormancy } from "./service.js";

const { app, db } = await createTestApp();

const admin = await buildPerson(db, { name: "Ada Admin", siteRole: "admin" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const member = await buildPerson(db, { name: "Mo Member" });
const convenor = await buildPerson(db, { name: "Cora Convenor" });
const resting = await buildPerson(db, { name: "Rhys Resting" });
const requester = await buildPerson(db, { name: "Ray Requester" });

// Sign-in is rate-limited (ten a minute), so each person signs in once and keeps the session.
const sessions = new Map<string, Visitor>();
async function signedIn(person: { email: string }) {
  const known = sessions.get(person.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${person.email}`);
  sessions.set(person.email, visitor);
  return visitor;
}

const DAY = 86_400_000;
const longAgo = new Date(Date.now() - 200 * DAY);

const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll-practitioners",
  memberCount: 3,
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: member.id, role: "member" },
    { personId: resting.id, role: "member" },
  ],
});
await db
  .update(memberships)
  .set({ state: "on_break", breakUntil: "2099-01-01" })
  .where(and(eq(memberships.communityId, payroll.id), eq(memberships.personId, resting.id)));
await db
  .insert(memberships)
  .values({ communityId: payroll.id, personId: requester.id, state: "requested", requestAnswer: "Hi" });
await db.insert(charterVersions).values({ communityId: payroll.id, version: 1, mission: "Pay people well." });
const hidden = await buildCommunity(db, {
  name: '=HYPERLINK("http://evil.example")',
  slug: "formula-corner",
  visibility: "unlisted",
  contentAccess: "members",
  members: [{ personId: convenor.id, role: "convenor" }],
});

test("only the programme team and administrators see the overview, its CSV and its API", async () => {
  const anonymous = new Visitor(app as never);
  const page = await anonymous.get("/admin/communities");
  assert.equal(page.status, 303);
  for (const person of [member, convenor]) {
    const visitor = await signedIn(person);
    assert.equal((await visitor.get("/admin/communities")).status, 403);
    assert.equal((await visitor.get("/admin/communities.csv")).status, 403);
    assert.equal((await visitor.get("/admin/communities/payroll-practitioners/close")).status, 403);
  }
  for (const person of [programme, admin]) {
    const visitor = await signedIn(person);
    const overview = await visitor.get("/admin/communities");
    assert.equal(overview.status, 200);
    assert.match(overview.html, /Payroll Practitioners/);
    assert.match(overview.html, /Cora Convenor/);
    assert.match(overview.html, /communities: \d+ active/);
    const admin = await visitor.get("/admin");
    assert.match(admin.html, /href="\/admin\/communities"/);
  }
});

test("the overview shows members, convenors, pending requests and the charter, and filters", async () => {
  const visitor = await signedIn(programme);
  const { html } = await visitor.get("/admin/communities");
  const row =
    /<tr[^>]*>\s*<th scope="row"><a href="\/communities\/payroll-practitioners">[\s\S]*?<\/tr>/.exec(
      html,
    )?.[0];
  assert.ok(row, "a row for Payroll Practitioners");
  assert.match(row, /data-label="Pending requests" class="numeric">1</);
  assert.match(row, /data-label="Charter">Written/);
  assert.match(row, /data-label="Members" class="numeric">3</);
  assert.match(
    html,
    /=HYPERLINK\(&quot;http:\/\/evil.example&quot;\)|=HYPERLINK\(&#34;/,
    "hostile names are escaped",
  );
  assert.doesNotMatch(html, /<a href="http:\/\/evil/);
  assert.match(html, /Unlisted/, "unlisted communities are in the overview");

  const searched = await visitor.get("/admin/communities?q=payroll");
  assert.match(searched.html, /Payroll Practitioners/);
  assert.doesNotMatch(searched.html, /formula-corner/);
  assert.match(searched.html, /1 community matches/);
  const none = await visitor.get("/admin/communities?status=closed");
  assert.match(none.html, /No community matches these filters/);
  const junk = await visitor.get("/admin/communities?status=<script>&sort=drop&stage=x");
  assert.equal(junk.status, 200, "unknown filters fall back to all");
  assert.doesNotMatch(junk.html, /<script>&/);
  const bySize = await visitor.get("/admin/communities?sort=members");
  assert.ok(bySize.html.indexOf("payroll-practitioners") < bySize.html.indexOf("formula-corner"));
});

test("the CSV has the same data, quoted properly, with formulas neutralised", async () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell('say "hi", then go'), '"say ""hi"", then go"');
  assert.equal(csvCell("=1+1"), "'=1+1");
  assert.equal(csvCell("+44 20"), "'+44 20");
  assert.equal(csvCell("-3"), "'-3");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell("\tx"), "'\tx");
  assert.equal(csvCell("\rx"), '"\'\rx"');
  assert.equal(csvCell("two\nlines"), '"two\nlines"');
  assert.equal(csvCell(-3), "-3", "numbers are numbers");
  assert.equal(csvCell(true), "yes");
  assert.equal(toCsv([["a", "b"]]), "a,b\r\n");

  const visitor = await signedIn(admin);
  const response = await app.request("/admin/communities.csv", {
    headers: { cookie: visitor.cookieHeader() },
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type") ?? "", /^text\/csv/);
  assert.match(response.headers.get("content-disposition") ?? "", /attachment; filename="communities-/);
  const text = await response.text();
  const lines = text.trimEnd().split("\r\n");
  assert.match(lines[0] ?? "", /^Name,Address,Stage,Status/);
  const payrollLine = lines.find((line) => line.startsWith("Payroll Practitioners,"));
  assert.ok(payrollLine);
  assert.match(payrollLine, /,Cora Convenor,1,yes$/);
  assert.ok(
    lines.some((line) => line.startsWith(`"'=HYPERLINK(""http://evil.example"")"`)),
    "the formula-like name is quoted and neutralised",
  );
});

test("the dormancy sweep flags quiet communities, tells the programme team once, and revives them", async () => {
  const quietA = await buildCommunity(db, {
    name: "Quiet Archivists",
    lastActivityAt: longAgo,
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const quietB = await buildCommunity(db, { name: "Quiet Botanists", lastActivityAt: longAgo });
  const busy = await buildCommunity(db, { name: "Busy Bees", lastActivityAt: longAgo });
  // An old timestamp but a recent activity event: not quiet.
  await db.insert(activityEvents).values({
    actorId: member.id,
    verb: "thread.created",
    objectType: "thread",
    objectId: "t1",
    communityId: busy.id,
    occurredAt: new Date(Date.now() - 10 * DAY),
  });
  // Everything else (built just now) is recent.
  const now = new Date();
  const first = await sweepDormancy(db, now);
  assert.deepEqual(first.dormant.sort(), [quietA.slug, quietB.slug].sort());
  const [row] = await db.select().from(communities).where(eq(communities.id, quietA.id));
  assert.equal(row?.status, "dormant");
  assert.equal(row?.dormantSince?.getTime(), now.getTime());
  const events = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "community.dormant"), eq(activityEvents.communityId, quietA.id)));
  assert.equal(events.length, 1);
  assert.equal(events[0]?.actorId, null);

  const told = async (personId: string) =>
    db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.personId, personId), eq(notifications.kind, "programme.community_dormant")),
      );
  const programmeNotes = await told(programme.id);
  assert.equal(programmeNotes.length, 1, "one notification, collapsed");
  assert.equal(programmeNotes[0]?.title, "2 communities have gone quiet");
  assert.equal((await told(admin.id)).length, 1);
  assert.equal((await told(member.id)).length, 0, "only the programme team is told");

  // A second run the next day changes nothing and tells nobody again.
  const second = await sweepDormancy(db, new Date(now.getTime() + DAY));
  assert.deepEqual(second, { dormant: [], revived: [] });
  assert.equal((await told(programme.id))[0]?.title, "2 communities have gone quiet");

  // The overview highlights dormant communities with a Close… action.
  const visitor = await signedIn(programme);
  const overview = await visitor.get("/admin/communities?status=dormant");
  assert.match(overview.html, /programme-row-dormant/);
  assert.match(overview.html, /Quiet Archivists/);
  assert.match(overview.html, /since /);
  assert.match(overview.html, new RegExp(`href="/admin/communities/${quietA.slug}/close"`));

  // New activity after dormantSince revives the community.
  await db.insert(activityEvents).values({
    actorId: member.id,
    verb: "community.joined",
    objectType: "community",
    objectId: quietA.id,
    communityId: quietA.id,
    occurredAt: new Date(now.getTime() + 2 * DAY),
  });
  const third = await sweepDormancy(db, new Date(now.getTime() + 3 * DAY));
  assert.deepEqual(third.revived, [quietA.slug]);
  const [back] = await db.select().from(communities).where(eq(communities.id, quietA.id));
  assert.equal(back?.status, "active");
  assert.equal(back?.dormantSince, null);
  const revived = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "community.revived"), eq(activityEvents.communityId, quietA.id)));
  assert.equal(revived.length, 1);
});

test("closing asks for a note, confirms, tells members not on a break, and makes the community read-only", async () => {
  const visitor = await signedIn(programme);
  const confirm = await visitor.get("/admin/communities/payroll-practitioners/close");
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /What closing does/);
  assert.match(confirm.html, /stay readable and searchable/);
  assert.match(confirm.html, /Its 3 members are told/);

  const blank = await visitor.post("/admin/communities/payroll-practitioners/close", { note: "   " });
  assert.equal(blank.status, 422);
  assert.match(blank.html, /There is a problem/);
  assert.match(blank.html, /Write a closing note/);
  const [still] = await db.select().from(communities).where(eq(communities.id, payroll.id));
  assert.equal(still?.status, "active");

  const noCsrf = await visitor.post(
    "/admin/communities/payroll-practitioners/close",
    { note: "x" },
    { csrf: false },
  );
  assert.equal(noCsrf.status, 403);

  const note = "We have merged with **Finance Operations**. <script>alert(1)</script>";
  const closed = await visitor.post("/admin/communities/payroll-practitioners/close", { note });
  assert.equal(closed.status, 303);
  assert.equal(closed.location, "/admin/communities");
  const [row] = await db.select().from(communities).where(eq(communities.id, payroll.id));
  assert.equal(row?.status, "closed");
  assert.ok(row?.closedAt);
  assert.equal(row?.closingNote, note);
  const [activity] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "community.closed"), eq(activityEvents.communityId, payroll.id)));
  assert.equal(activity?.actorId, programme.id);
  const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "community.closed"));
  assert.equal(audit?.targetId, payroll.id);
  assert.equal(audit?.reason, note);

  const closedNotices = await db
    .select()
    .from(notifications)
    .where(eq(notifications.kind, "community.closed"));
  const recipients = closedNotices.map((n) => n.personId).sort();
  assert.deepEqual(
    recipients,
    [convenor.id, member.id].sort(),
    "members and convenors, not those on a break",
  );

  const overview = await visitor.get("/admin/communities?status=closed");
  assert.match(overview.html, /Payroll Practitioners/);
  assert.match(overview.html, /Reopen…/);
  assert.equal((await visitor.get("/admin/communities/payroll-practitioners/close")).status, 403);

  // Read-only: convenors can no longer change settings, charter or roles; nobody can join.
  const convenorVisitor = await signedIn(convenor);
  for (const path of [
    "/communities/payroll-practitioners/settings",
    "/communities/payroll-practitioners/charter/edit",
  ]) {
    const response = await convenorVisitor.get(path);
    if (response.status === 404) continue; // not built yet
    assert.equal(response.status, 403, path);
    assert.match(response.html, /has closed/);
  }
  const role = await convenorVisitor.post(
    `/communities/payroll-practitioners/members/${member.handle}/role`,
    {
      role: "core",
    },
  );
  if (role.status !== 404) assert.equal(role.status, 403, "role changes refused");
  const [memberRow] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, payroll.id), eq(memberships.personId, member.id)));
  assert.equal(memberRow?.role, "member");
  const outsider = await signedIn(admin);
  const join = await outsider.post("/communities/payroll-practitioners/join");
  assert.notEqual(join.status, 303, "nobody can join");
  const joined = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, payroll.id), eq(memberships.personId, admin.id)));
  assert.equal(joined.length, 0);

  // The community page stays readable, with the closing note.
  const closedPage = await new Visitor(app as never).get("/communities/payroll-practitioners");
  assert.equal(closedPage.status, 200);
  assert.match(closedPage.html, /<strong>Finance Operations<\/strong>/);
  assert.doesNotMatch(closedPage.html, /<script>alert/);
});

test("reopening confirms, then makes the community active again", async () => {
  const visitor = await signedIn(admin);
  const confirm = await visitor.get("/admin/communities/payroll-practitioners/reopen");
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /What reopening does/);
  assert.match(confirm.html, /<strong>Finance Operations<\/strong>/, "the note is shown as markdown");
  assert.doesNotMatch(confirm.html, /<script>alert/);
  const memberVisitor = await signedIn(member);
  assert.equal((await memberVisitor.post("/admin/communities/payroll-practitioners/reopen")).status, 403);
  const done = await visitor.post("/admin/communities/payroll-practitioners/reopen");
  assert.equal(done.status, 303);
  const [row] = await db.select().from(communities).where(eq(communities.id, payroll.id));
  assert.equal(row?.status, "active");
  assert.equal(row?.closedAt, null);
  assert.equal(row?.dormantSince, null);
  const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "community.reopened"));
  assert.equal(audit?.actorId, admin.id);
  assert.equal((await visitor.get("/admin/communities/payroll-practitioners/reopen")).status, 403);
});

test("the API lists, closes and reopens for the programme team only", async () => {
  const token = async (person: { id: string }) =>
    (await createToken(db, await actorFor(db, person.id), { name: "test" })).secret;
  const programmeToken = await token(programme);
  const memberToken = await token(member);
  const call = async (path: string, secret?: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (secret) headers.authorization = `Bearer ${secret}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const response = await app.request(path, {
      method: body === undefined && !path.endsWith("/reopen") ? "GET" : "POST",
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  assert.equal((await call("/api/v1/programme/communities")).status, 401);
  const refused = await call("/api/v1/programme/communities", memberToken);
  assert.equal(refused.status, 403);
  assert.match(String(refused.json.detail), /programme team/);

  const list = await call("/api/v1/programme/communities?sort=members", programmeToken);
  assert.equal(list.status, 200);
  const data = list.json.data as Record<string, unknown>[];
  const payrollJson = data.find((item) => item.slug === "payroll-practitioners");
  assert.equal(payrollJson?.pendingRequests, 1);
  assert.equal(payrollJson?.charterWritten, true);
  assert.deepEqual(
    ((payrollJson?.convenors ?? []) as { name: string }[]).map((p) => p.name),
    ["Cora Convenor"],
  );
  assert.ok(
    data.some((item) => item.slug === hidden.slug),
    "unlisted communities too",
  );
  assert.equal(typeof (list.json.summary as Record<string, number>).total, "number");
  assert.equal((await call("/api/v1/programme/communities?status=gone", programmeToken)).status, 422);

  assert.equal(
    (await call("/api/v1/programme/communities/formula-corner/close", memberToken, { note: "x" })).status,
    403,
  );
  assert.equal(
    (await call("/api/v1/programme/communities/formula-corner/close", programmeToken, { note: "" })).status,
    422,
  );
  assert.equal(
    (await call("/api/v1/programme/communities/nowhere/close", programmeToken, { note: "x" })).status,
    404,
  );
  const closed = await call("/api/v1/programme/communities/formula-corner/close", programmeToken, {
    note: "Finished its work.",
  });
  assert.equal(closed.status, 200);
  assert.equal(closed.json.status, "closed");
  assert.equal(closed.json.closingNote, "Finished its work.");
  const again = await call("/api/v1/programme/communities/formula-corner/close", programmeToken, {
    note: "x",
  });
  assert.equal(again.status, 403);
  assert.match(String(again.json.detail), /already closed/);
  const reopened = await call("/api/v1/programme/communities/formula-corner/reopen", programmeToken);
  assert.equal(reopened.status, 200);
  assert.equal(reopened.json.status, "active");
});
