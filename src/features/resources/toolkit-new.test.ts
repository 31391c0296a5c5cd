import assert from "node:assert/strict";
import { test } from "node:test";
import { and, asc, eq, isNull } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { createResource, toolkitSlugOf } from "./service.js";
import { collectionItems, collections, resources } from "./tables.js";
import { installStarterToolkit, STARTER_TOOLKIT_SLUG } from "./toolkit/install.js";

// /toolkit/new: the programme team adds an item to the starter toolkit (a resource of no community).

const { app, db } = await createTestApp();
await installStarterToolkit(db);

const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const convenor = await buildPerson(db, { name: "Cara Convenor" });
const member = await buildPerson(db, { name: "Mo Member" });
await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [{ personId: member.id }, { personId: convenor.id, role: "convenor" }],
});

const sessions = new Map<string, Visitor>();
async function as(person: { email: string }) {
  const known = sessions.get(person.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  sessions.set(person.email, visitor);
  return visitor;
}

const fields = (overrides: Record<string, string> = {}) => ({
  kind: "guide",
  title: "Running a hybrid meeting",
  summary: "Making the room and the screen equal.",
  body: "Give remote people the **first** word.",
  externalUrl: "",
  tags: "meetings, hybrid",
  reviewBy: "",
  note: "",
  intent: "publish",
  ...overrides,
});

const starter = async () =>
  (
    await db
      .select()
      .from(collections)
      .where(and(isNull(collections.communityId), eq(collections.slug, STARTER_TOOLKIT_SLUG)))
  )[0]!;
const order = async () =>
  (
    await db
      .select({ resourceId: collectionItems.resourceId })
      .from(collectionItems)
      .where(eq(collectionItems.collectionId, (await starter()).id))
      .orderBy(asc(collectionItems.position))
  ).map((row) => row.resourceId);

test("a slug from a title: plain lower-case words, never empty", () => {
  assert.equal(toolkitSlugOf("Running a hybrid meeting"), "running-a-hybrid-meeting");
  assert.equal(toolkitSlugOf("  Café: “Ask me anything”!  "), "cafe-ask-me-anything");
  assert.equal(toolkitSlugOf("会議"), "item");
  assert.ok(toolkitSlugOf("a".repeat(300)).length <= 60);
});

test("the programme team sees the form and the link to it; others are refused", async () => {
  const toolkit = await (await as(programme)).get("/toolkit");
  assert.match(toolkit.html, /href="\/toolkit\/new"/);
  const form = await (await as(programme)).get("/toolkit/new");
  assert.equal(form.status, 200);
  assert.equal((form.html.match(/<h1[ >]/g) ?? []).length, 1);
  assert.match(form.html, /Add an item to the starter toolkit/);
  assert.match(form.html, /action="\/toolkit\/new"/);

  for (const who of [member, convenor]) {
    assert.doesNotMatch((await (await as(who)).get("/toolkit")).html, /href="\/toolkit\/new"/);
    assert.equal((await (await as(who)).get("/toolkit/new")).status, 403);
    assert.equal((await (await as(who)).post("/toolkit/new", fields())).status, 403);
  }
  const anonymous = await new Visitor(app as never).get("/toolkit/new");
  assert.notEqual(anonymous.status, 200);
  assert.equal(
    (await db.select().from(resources).where(eq(resources.title, "Running a hybrid meeting"))).length,
    0,
  );
});

test("an item is published with a /toolkit address and goes at the end of the starter toolkit", async () => {
  const before = await order();
  const response = await (await as(programme)).post("/toolkit/new", fields());
  assert.equal(response.status, 303, response.html.slice(0, 1000));
  const id = /\/resources\/([0-9a-f-]{36})$/.exec(response.location ?? "")?.[1];
  assert.ok(id);
  const [row] = await db.select().from(resources).where(eq(resources.id, id));
  assert.equal(row!.communityId, null);
  assert.equal(row!.status, "published");
  assert.equal(row!.toolkitSlug, "running-a-hybrid-meeting");
  assert.equal(row!.ownerId, programme.id);
  assert.deepEqual(await order(), [...before, id]);
  const [created] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.objectId, id), eq(activityEvents.verb, "resource.created")));
  assert.ok(created);

  const redirect = await (await as(member)).get("/toolkit/running-a-hybrid-meeting");
  assert.equal(redirect.status, 302);
  assert.equal(new URL(redirect.headers.get("location") ?? "", "http://x").pathname, `/resources/${id}`);
  assert.match((await (await as(member)).get("/toolkit")).html, /Running a hybrid meeting/);
  const page = await (await as(member)).get(`/resources/${id}`);
  assert.match(page.html, /Pat Programme/);

  // The same title again: a second address, not a clash.
  const again = await (await as(programme)).post("/toolkit/new", fields({ intent: "draft" }));
  assert.equal(again.status, 303);
  const [second] = await db
    .select()
    .from(resources)
    .where(eq(resources.toolkitSlug, "running-a-hybrid-meeting-2"));
  assert.equal(second?.status, "draft");
  // A draft is in the collection but only the programme team sees it there.
  assert.equal((await order()).at(-1), second!.id);
  assert.equal(
    ((await (await as(member)).get("/toolkit")).html.match(/Running a hybrid meeting/g) ?? []).length,
    1,
  );
});

test("mistakes come back as a 422 with the typed text kept; Preview renders without saving", async () => {
  const hostile = "<script>alert(1)</script> Ünïcödé ✓";
  const bad = await (await as(programme)).post("/toolkit/new", fields({ title: "ab", body: hostile }));
  assert.equal(bad.status, 422);
  assert.match(bad.html, /There is a problem/);
  assert.doesNotMatch(bad.html, /<script>alert/);
  assert.match(bad.html, /Ünïcödé/);
  const preview = await (await as(programme)).post(
    "/toolkit/new",
    fields({ title: "Never saved", body: "Some **bold** text", action: "preview" }),
  );
  assert.equal(preview.status, 200);
  assert.match(preview.html, /<strong>bold<\/strong>/);
  assert.equal((await db.select().from(resources).where(eq(resources.title, "Never saved"))).length, 0);
});

test("the word 'new' never becomes an item's address (it is the form's)", async () => {
  const response = await (await as(programme)).post("/toolkit/new", fields({ title: "New" }));
  assert.equal(response.status, 303);
  const [row] = await db
    .select()
    .from(resources)
    .where(and(isNull(resources.communityId), eq(resources.title, "New")));
  assert.equal(row?.toolkitSlug, "new-2");
  assert.equal((await (await as(programme)).get("/toolkit/new")).status, 200);
});

test("two items with the same title added at once get their own addresses and places", async () => {
  const actor = await actorFor(db, programme.id);
  const draft = {
    kind: "tip_sheet" as const,
    title: "Same time",
    summary: "",
    body: "Text.",
    externalUrl: "",
    tags: [],
    reviewBy: null,
    note: "",
    publish: true,
  };
  const rows = await Promise.all([
    createResource(db, actor, null, draft),
    createResource(db, actor, null, draft),
  ]);
  assert.deepEqual(rows.map((row) => row.toolkitSlug).sort(), ["same-time", "same-time-2"]);
  const positions = await db
    .select({ position: collectionItems.position })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, (await starter()).id));
  assert.equal(new Set(positions.map((row) => row.position)).size, positions.length);
  assert.deepEqual((await order()).slice(-2).sort(), rows.map((row) => row.id).sort());
});
