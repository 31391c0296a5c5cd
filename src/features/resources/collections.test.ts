import assert from "node:assert/strict";
import { test } from "node:test";
import { and, asc, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { buildResource } from "../../../test/support/resource-factories.js";
import { activityEvents } from "../../platform/activity.js";
import { createToken } from "../tokens/service.js";
import { collectionItems, collections, resources } from "./tables.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const core = await buildPerson(db, { name: "Kit Core" });
const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Otto Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const community = await buildCommunity(db, {
  name: "Student Support",
  slug: "student-support",
  contentAccess: "members",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: core.id, role: "core" },
    { personId: member.id },
  ],
});
const other = await buildCommunity(db, { name: "Other Place", slug: "other-place" });
await buildCommunity(db, {
  name: "Old Group",
  slug: "old-group",
  status: "closed",
  members: [{ personId: convenor.id, role: "convenor" }],
});

const first = await buildResource(db, community.id, {
  title: "Welcome guide",
  kind: "guide",
  ownerId: member.id,
});
const second = await buildResource(db, community.id, {
  title: "Referral tip-sheet",
  status: "endorsed",
  reviewBy: "2020-01-01",
});
const third = await buildResource(db, community.id, { title: "Case notes template", kind: "template" });
const draft = await buildResource(db, community.id, {
  title: "Unfinished",
  status: "draft",
  ownerId: member.id,
});
const foreign = await buildResource(db, other.id, { title: "Elsewhere" });
const toolkitItem = await buildResource(db, null, {
  title: "Your first meeting",
  toolkitSlug: "first-meeting",
});

const sessions = new Map<string, Visitor>();
async function signedIn(person: { email: string }) {
  const known = sessions.get(person.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  await visitor.get("/");
  sessions.set(person.email, visitor);
  return visitor;
}

async function order(collectionId: string) {
  const rows = await db
    .select({ resourceId: collectionItems.resourceId, position: collectionItems.position })
    .from(collectionItems)
    .where(eq(collectionItems.collectionId, collectionId))
    .orderBy(asc(collectionItems.position));
  return rows.map((row) => row.resourceId);
}

const indexIn = (html: string, text: string) => {
  const at = html.indexOf(text);
  assert.ok(at >= 0, `${text} is on the page`);
  return at;
};

let collectionId = "";

test("a convenor creates a collection; a blank title is refused with the typed text kept", async () => {
  const visitor = await signedIn(convenor);
  const form = await visitor.get("/communities/student-support/collections/new");
  assert.equal(form.status, 200);
  assert.match(form.html, /<label for="field-title">Title<\/label>/);

  const blank = await visitor.post("/communities/student-support/collections/new", {
    title: "   ",
    description: "Keep <b>this</b>",
  });
  assert.equal(blank.status, 422);
  assert.match(blank.html, /There is a problem/);
  assert.match(blank.html, /Enter a title for the collection/);
  assert.match(blank.html, /Keep &lt;b&gt;this&lt;\/b&gt;/);

  const created = await visitor.post("/communities/student-support/collections/new", {
    title: "New starter toolkit",
    description: "Read these **first**. <script>alert(1)</script>",
  });
  assert.equal(created.status, 303);
  const [row] = await db.select().from(collections).where(eq(collections.communityId, community.id));
  assert.equal(row?.slug, "new-starter-toolkit");
  assert.equal(created.location, `/collections/${row!.id}/edit`);
  collectionId = row!.id;

  // The same title again gets its own address; "new" cannot shadow the create page.
  await visitor.post("/communities/student-support/collections/new", { title: "New starter toolkit" });
  await visitor.post("/communities/student-support/collections/new", { title: "New" });
  const slugs = (await db.select().from(collections).where(eq(collections.communityId, community.id)))
    .map((c) => c.slug)
    .sort();
  assert.deepEqual(slugs, ["new-collection", "new-starter-toolkit", "new-starter-toolkit-2"]);
  const [event] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "collection.created"), eq(activityEvents.objectId, collectionId)));
  assert.equal(event?.actorId, convenor.id);
});

test("resources are added in order; only the community's published or endorsed ones", async () => {
  const visitor = await signedIn(convenor);
  const manage = await visitor.get(`/collections/${collectionId}/edit`);
  assert.equal(manage.status, 200);
  assert.match(manage.html, /Welcome guide/);
  assert.doesNotMatch(manage.html, /Unfinished/, "drafts are not offered");
  assert.doesNotMatch(manage.html, /Elsewhere/, "other communities' resources are not offered");

  for (const resource of [first, second, third]) {
    const added = await visitor.post(`/collections/${collectionId}/items`, { resourceId: resource.id });
    assert.equal(added.status, 303);
  }
  assert.deepEqual(await order(collectionId), [first.id, second.id, third.id]);

  for (const [resourceId, message] of [
    [draft.id, /Only published or endorsed resources/],
    [foreign.id, /Choose a resource of Student Support/],
    [first.id, /already in the collection/],
    ["no-such-id", /Choose a resource of Student Support/],
  ] as const) {
    const refused = await visitor.post(`/collections/${collectionId}/items`, { resourceId });
    assert.equal(refused.status, 422, resourceId);
    assert.match(refused.html, message);
    assert.match(refused.html, /id="field-resourceId-error"/);
  }
  assert.deepEqual(await order(collectionId), [first.id, second.id, third.id]);
});

test("moving up and down reorders without JavaScript; the ends stay put", async () => {
  const visitor = await signedIn(core);
  const move = (resourceId: string, direction: string) =>
    visitor.post(`/collections/${collectionId}/items/${resourceId}/move`, { direction });
  assert.equal((await move(third.id, "up")).status, 303);
  assert.deepEqual(await order(collectionId), [first.id, third.id, second.id]);
  await move(first.id, "down");
  assert.deepEqual(await order(collectionId), [third.id, first.id, second.id]);
  await move(third.id, "up");
  await move(second.id, "down");
  assert.deepEqual(await order(collectionId), [third.id, first.id, second.id]);
  assert.equal((await move(third.id, "sideways")).status, 422);
  assert.equal((await move(draft.id, "up")).status, 404);

  const page = await visitor.get("/communities/student-support/collections/new-starter-toolkit");
  assert.equal(page.status, 200);
  assert.ok(indexIn(page.html, "Case notes template") < indexIn(page.html, "Welcome guide"));
  assert.ok(indexIn(page.html, "Welcome guide") < indexIn(page.html, "Referral tip-sheet"));
  assert.match(page.html, /Due for review/);
  assert.match(page.html, /Endorsed/);
  assert.match(page.html, /Template/);
  assert.match(page.html, /<strong>first<\/strong>/);
  assert.doesNotMatch(page.html, /<script>alert/);
  assert.match(page.html, /Arrange this collection/);
  assert.equal((page.html.match(/<h1[ >]/g) ?? []).length, 1);

  const [event] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "collection.reordered"), eq(activityEvents.objectId, collectionId)));
  assert.ok(event);
});

test("taking a resource out leaves it untouched; the list shows every collection", async () => {
  const visitor = await signedIn(convenor);
  assert.equal((await visitor.post(`/collections/${collectionId}/items/${first.id}/remove`)).status, 303);
  assert.deepEqual(await order(collectionId), [third.id, second.id]);
  const [still] = await db.select().from(resources).where(eq(resources.id, first.id));
  assert.equal(still?.status, "published");

  const list = await visitor.get("/communities/student-support/collections");
  assert.equal(list.status, 200);
  assert.match(list.html, /New starter toolkit/);
  assert.match(list.html, /2 resources/);
  assert.match(list.html, /Create a collection/);
  const empty = await (await signedIn(convenor)).get("/communities/old-group/collections");
  assert.match(empty.html, /No collections yet/);
});

test("who may see and arrange collections", async () => {
  const page = "/communities/student-support/collections/new-starter-toolkit";
  const memberView = await (await signedIn(member)).get(page);
  assert.equal(memberView.status, 200);
  assert.doesNotMatch(memberView.html, /Arrange this collection/);
  assert.doesNotMatch(
    (await (await signedIn(member)).get("/communities/student-support/collections")).html,
    /Create a collection/,
  );
  assert.equal((await (await signedIn(outsider)).get(page)).status, 403, "members-only content");
  assert.equal((await new Visitor(app as never).get(page)).status, 303, "visitors sign in first");

  const memberVisitor = await signedIn(member);
  assert.equal((await memberVisitor.get(`/collections/${collectionId}/edit`)).status, 403);
  assert.equal((await memberVisitor.get("/communities/student-support/collections/new")).status, 403);
  assert.equal(
    (await memberVisitor.post(`/collections/${collectionId}/items`, { resourceId: first.id })).status,
    403,
  );
  assert.equal(
    (await memberVisitor.post(`/collections/${collectionId}/items/${third.id}/move`, { direction: "down" }))
      .status,
    403,
  );
  assert.equal((await memberVisitor.post(`/collections/${collectionId}/delete`)).status, 403);
  // The programme team helps arrange any community's collections.
  assert.equal((await (await signedIn(programme)).get(`/collections/${collectionId}/edit`)).status, 200);
  // A closed community's collections are read-only.
  assert.equal((await (await signedIn(convenor)).get("/communities/old-group/collections/new")).status, 403);
  // Unknown addresses are 404s, not errors.
  assert.equal(
    (await memberVisitor.get("/communities/student-support/collections/%3Cscript%3E")).status,
    404,
  );
  assert.equal((await memberVisitor.get("/collections/nope/edit")).status, 404);
  assert.equal((await memberVisitor.get(`/collections/${collectionId}`)).status, 301);
});

test("the starter toolkit's collections are arranged by the programme team at /collections/:id/edit", async () => {
  const visitor = await signedIn(programme);
  const created = await visitor.post("/collections/new", { title: "Starting a community" });
  assert.equal(created.status, 303);
  const [row] = await db.select().from(collections).where(eq(collections.slug, "starting-a-community"));
  assert.equal(row?.communityId, null);
  assert.equal(
    (await visitor.post(`/collections/${row!.id}/items`, { resourceId: toolkitItem.id })).status,
    303,
  );
  assert.equal((await visitor.post(`/collections/${row!.id}/items`, { resourceId: first.id })).status, 422);
  assert.equal((await (await signedIn(convenor)).post("/collections/new", { title: "Mine" })).status, 403);
  assert.equal((await (await signedIn(convenor)).get(`/collections/${row!.id}/edit`)).status, 403);

  const shown = await (await signedIn(member)).get(`/collections/${row!.id}`);
  assert.equal(shown.status, 200);
  assert.match(shown.html, /Your first meeting/);
  assert.doesNotMatch(shown.html, /Arrange this collection/);

  const edited = await visitor.post(`/collections/${row!.id}/edit`, { title: "", description: "kept" });
  assert.equal(edited.status, 422);
  assert.match(edited.html, /Enter a title/);
  assert.equal((await visitor.post(`/collections/${row!.id}/edit`, { title: "Starting out" })).status, 303);
  const deleted = await visitor.post(`/collections/${row!.id}/delete`);
  assert.equal(deleted.location, "/toolkit");
  assert.equal((await db.select().from(collections).where(eq(collections.id, row!.id))).length, 0);
  assert.equal((await db.select().from(resources).where(eq(resources.id, toolkitItem.id))).length, 1);
});

test("the API creates, reads, orders and deletes collections", async () => {
  const token = (await createToken(db, await actorFor(db, convenor.id), { name: "Script" })).secret;
  const memberToken = (await createToken(db, await actorFor(db, member.id), { name: "Script" })).secret;
  const outsiderToken = (await createToken(db, await actorFor(db, outsider.id), { name: "Script" })).secret;
  const call = (method: string, path: string, secret: string, body?: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    });

  const created = await call("POST", "/collections", token, {
    community: "student-support",
    title: "Referrals",
  });
  assert.equal(created.status, 201);
  const body = (await created.json()) as { id: string; url: string; items: unknown[] };
  assert.equal(body.url, "/communities/student-support/collections/referrals");
  assert.deepEqual(body.items, []);
  assert.equal(
    (await call("POST", "/collections", memberToken, { community: "student-support", title: "X" })).status,
    403,
  );
  assert.equal((await call("POST", "/collections", token, { title: "Toolkit" })).status, 403);

  const put = await call("PUT", `/collections/${body.id}/items`, token, {
    resourceIds: [second.id, first.id],
  });
  assert.equal(put.status, 200);
  const ordered = (await put.json()) as { items: { resourceId: string }[] };
  assert.deepEqual(
    ordered.items.map((item) => item.resourceId),
    [second.id, first.id],
  );
  const reordered = await call("PUT", `/collections/${body.id}/items`, token, {
    resourceIds: [first.id, third.id],
  });
  assert.deepEqual(
    ((await reordered.json()) as { items: { resourceId: string }[] }).items.map((item) => item.resourceId),
    [first.id, third.id],
  );
  const refused = await call("PUT", `/collections/${body.id}/items`, token, { resourceIds: [foreign.id] });
  assert.equal(refused.status, 422);
  assert.equal(((await refused.json()) as { errors: { field: string }[] }).errors[0]?.field, "resourceId");
  assert.equal(
    (await call("PUT", `/collections/${body.id}/items`, token, { resourceIds: [first.id, first.id] })).status,
    422,
  );
  assert.equal(
    (await call("PUT", `/collections/${body.id}/items`, memberToken, { resourceIds: [] })).status,
    403,
  );

  assert.equal((await call("GET", `/collections/${body.id}`, memberToken)).status, 200);
  assert.equal((await call("GET", `/collections/${body.id}`, outsiderToken)).status, 403);
  assert.equal((await call("GET", "/collections/nope", memberToken)).status, 404);

  const page1 = await call("GET", "/collections?community=student-support&limit=2", memberToken);
  const listed = (await page1.json()) as { data: { id: string }[]; nextCursor: string | null };
  assert.equal(listed.data.length, 2);
  assert.ok(listed.nextCursor);
  const page2 = await call(
    "GET",
    `/collections?community=student-support&limit=2&cursor=${listed.nextCursor}`,
    memberToken,
  );
  const rest = (await page2.json()) as { data: { id: string }[] };
  const ids = [...listed.data, ...rest.data].map((item) => item.id);
  assert.equal(ids.length, 4, "three from the pages and the one made here");
  assert.equal(new Set(ids).size, ids.length, "no collection twice");
  assert.equal((await call("GET", "/collections?community=student-support", outsiderToken)).status, 403);
  assert.equal((await call("GET", "/collections?cursor=garbage", memberToken)).status, 422);

  const patched = await call("PATCH", `/collections/${body.id}`, token, {
    description: "Where to send people",
  });
  assert.equal(patched.status, 200);
  assert.equal(((await patched.json()) as { description: string }).description, "Where to send people");
  assert.equal((await call("DELETE", `/collections/${body.id}`, memberToken)).status, 403);
  assert.equal((await call("DELETE", `/collections/${body.id}`, token)).status, 204);
  assert.equal((await call("GET", `/collections/${body.id}`, token)).status, 404);
});

test("two people arranging at once both land, in some order, with no position lost", async () => {
  const [row] = await db
    .insert(collections)
    .values({ communityId: community.id, slug: "race", title: "Race" })
    .returning();
  const a = await actorFor(db, convenor.id);
  const b = await actorFor(db, core.id);
  const { addToCollection, loadCollection } = await import("./collections-service.js");
  const loaded = await loadCollection(db, row!.id);
  await Promise.all([
    addToCollection(db, a, loaded, first.id),
    addToCollection(db, b, loaded, second.id),
    addToCollection(db, a, loaded, third.id),
  ]);
  const positions = (
    await db.select().from(collectionItems).where(eq(collectionItems.collectionId, row!.id))
  ).map((item) => item.position);
  assert.deepEqual(positions.sort(), [0, 1, 2]);
});

test("the same title created twice at once gets two addresses", async () => {
  const a = await actorFor(db, convenor.id);
  const b = await actorFor(db, core.id);
  const { createCollection } = await import("./collections-service.js");
  const made = await Promise.all([
    createCollection(db, a, community, { title: "Same time", description: "" }),
    createCollection(db, b, community, { title: "Same time", description: "" }),
  ]);
  assert.deepEqual(made.map((m) => m.collection.slug).sort(), ["same-time", "same-time-2"]);
});
