import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { memberships } from "../memberships/tables.js";
import { communities } from "./tables.js";

const { app, db } = await createTestApp();

const admin = await buildPerson(db, { name: "Ada Admin", siteRole: "admin" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const member = await buildPerson(db, { name: "Mo Member" });
const convenor = await buildPerson(db, { name: "Cora Convenor" });

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${person.email}`);
  return visitor;
}

const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll-practitioners",
  tagline: "Everything about getting people paid",
  practiceAreas: ["payroll", "pensions"],
  description: "We compare **month-end** checklists.",
  members: [{ personId: convenor.id, role: "convenor" }],
});

test("anyone can browse the directory and a community page", async () => {
  const visitor = new Visitor(app as never);
  const list = await visitor.get("/communities");
  assert.equal(list.status, 200);
  assert.match(list.html, /Payroll Practitioners/);
  const page = await visitor.get("/communities/payroll-practitioners");
  assert.equal(page.status, 200);
  assert.match(page.html, /<strong>month-end<\/strong>/);
  assert.match(page.html, /Sign in to join/);
  assert.doesNotMatch(page.html, /Cora Convenor/, "anonymous visitors do not see who is in it");
});

test("the directory searches names and practice areas, and filters by type", async () => {
  await buildCommunity(db, {
    name: "Web Content Circle",
    slug: "web-content",
    practiceAreas: ["content design"],
    type: "technology",
  });
  const visitor = new Visitor(app as never);
  assert.match((await visitor.get("/communities?q=pensions")).html, /Payroll Practitioners/);
  assert.doesNotMatch((await visitor.get("/communities?q=pensions")).html, /Web Content Circle/);
  assert.match(
    (await visitor.get("/communities?q=payr")).html,
    /Payroll Practitioners/,
    "name fragments match",
  );
  const technology = await visitor.get("/communities?type=technology");
  assert.match(technology.html, /Web Content Circle/);
  assert.doesNotMatch(technology.html, /Payroll Practitioners/);
  const none = await visitor.get("/communities?q=zzzyx");
  assert.match(none.html, /No community matches that search/);
  // A cursor made for one sort order, reused with another, starts from the top instead of failing.
  const byName = await visitor.get("/communities?sort=name");
  const cursor =
    /cursor=([^"&]+)/.exec(byName.html)?.[1] ?? Buffer.from('["after","Payroll","x"]').toString("base64url");
  assert.equal((await visitor.get(`/communities?sort=activity&cursor=${cursor}`)).status, 200);
  const junk = await visitor.get("/communities?type=<script>&sort=drop&cursor=%%%");
  assert.equal(junk.status, 200, "bad query values fall back to defaults instead of erroring");
});

test("unlisted communities stay out of the directory but open by link", async () => {
  await buildCommunity(db, { name: "Quiet Corner", slug: "quiet-corner", visibility: "unlisted" });
  const visitor = new Visitor(app as never);
  assert.doesNotMatch((await visitor.get("/communities")).html, /Quiet Corner/);
  assert.doesNotMatch((await visitor.get("/communities?q=quiet")).html, /Quiet Corner/);
  assert.equal((await visitor.get("/communities/quiet-corner")).status, 200);
});

test("a member joins and leaves, with counts and activity kept in step", async () => {
  const visitor = await signedIn(member);
  const joined = await visitor.post("/communities/payroll-practitioners/join");
  assert.equal(joined.status, 303);
  const page = await visitor.get("/communities/payroll-practitioners");
  assert.match(page.html, /You are a member/);
  assert.match(page.html, /Welcome to Payroll Practitioners/);
  // A second submission (double click) changes nothing.
  await visitor.post("/communities/payroll-practitioners/join");
  let [row] = await db.select().from(communities).where(eq(communities.id, community.id));
  assert.equal(row?.memberCount, 2);

  const confirm = await visitor.get("/communities/payroll-practitioners/leave");
  assert.match(confirm.html, /Leave Payroll Practitioners\?/);
  const left = await visitor.post("/communities/payroll-practitioners/leave", { reason: "Changed role" });
  assert.equal(left.status, 303);
  [row] = await db.select().from(communities).where(eq(communities.id, community.id));
  assert.equal(row?.memberCount, 1);
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, member.id)));
  assert.equal(membership?.state, "left");
  assert.equal(membership?.leaveReason, "Changed role");
  const verbs = (await db.select().from(activityEvents).where(eq(activityEvents.actorId, member.id))).map(
    (e) => e.verb,
  );
  assert.deepEqual(verbs, ["community.joined", "community.left"]);

  // Re-joining brings the same row back.
  await visitor.post("/communities/payroll-practitioners/join");
  const rows = await db.select().from(memberships).where(eq(memberships.personId, member.id));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]?.state, "active");
});

test("the last convenor cannot leave", async () => {
  const visitor = await signedIn(convenor);
  const response = await visitor.post("/communities/payroll-practitioners/leave", { reason: "" });
  assert.equal(response.status, 422);
  assert.match(response.html, /only convenor/);
  const [membership] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, convenor.id)));
  assert.equal(membership?.state, "active");
});

test("joining invite-only and closed communities is refused with a reason", async () => {
  await buildCommunity(db, { name: "Inner Circle", slug: "inner-circle", joinPolicy: "invite" });
  await buildCommunity(db, { name: "Old Group", slug: "old-group", status: "closed" });
  const visitor = await signedIn(member);
  const invite = await visitor.post("/communities/inner-circle/join");
  assert.equal(invite.status, 403);
  assert.match(invite.html, /invite only/);
  const closed = await visitor.post("/communities/old-group/join");
  assert.equal(closed.status, 403);
  assert.match(closed.html, /has closed/);
  const anonymous = new Visitor(app as never);
  await anonymous.get("/communities/inner-circle");
  assert.equal((await anonymous.post("/communities/inner-circle/join")).status, 401);
});

test("only admins and the programme team create communities", async () => {
  const plain = await signedIn(member);
  assert.equal((await plain.get("/communities/new")).status, 403);
  const refused = await plain.post("/communities/new", {
    name: "Sneaky",
    type: "professional",
    practiceAreas: "x",
    joinPolicy: "open",
    visibility: "listed",
  });
  assert.equal(refused.status, 403);
  assert.match(refused.html, /Propose one instead/);

  const team = await signedIn(programme);
  const invalid = await team.post("/communities/new", {
    name: "AB",
    slug: "Bad Slug!",
    type: "nope",
    practiceAreas: "",
    joinPolicy: "open",
    visibility: "listed",
    tagline: "Kept tagline",
  });
  assert.equal(invalid.status, 422);
  for (const field of ["name", "slug", "type", "practiceAreas"])
    assert.match(invalid.html, new RegExp(`href="#field-${field}"`));
  assert.match(invalid.html, /value="Kept tagline"/);

  const created = await team.post("/communities/new", {
    name: "Research Data Stewards",
    slug: "",
    tagline: "Looking after research data",
    description: "",
    type: "technology",
    practiceAreas: "Research Data, FAIR",
    joinPolicy: "open",
    visibility: "listed",
  });
  assert.equal(created.status, 303);
  assert.equal(created.location, "/communities/research-data-stewards");
  const page = await team.get("/communities/research-data-stewards");
  assert.match(page.html, /you are convenor/i);
  const [row] = await db.select().from(communities).where(eq(communities.slug, "research-data-stewards"));
  assert.deepEqual(row?.practiceAreas, ["research data", "fair"]);

  const duplicate = await team.post("/communities/new", {
    name: "Research Data Stewards",
    type: "technology",
    practiceAreas: "x",
    joinPolicy: "open",
    visibility: "listed",
  });
  assert.equal(duplicate.status, 422);
  assert.match(duplicate.html, /is taken/);
  const adminVisitor = await signedIn(admin);
  assert.equal((await adminVisitor.get("/communities/new")).status, 200);
});

test("unknown communities get the friendly 404", async () => {
  const visitor = new Visitor(app as never);
  const response = await visitor.get("/communities/does-not-exist");
  assert.equal(response.status, 404);
  assert.match(response.html, /could not find that community/);
});
