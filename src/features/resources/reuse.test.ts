import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { buildResource } from "../../../test/support/resource-factories.js";
import { activityEvents } from "../../platform/activity.js";
import type { PageContext } from "../../ui/page-context.js";
import { createToken } from "../tokens/service.js";
import { findResource } from "./load.js";
import { setMark } from "./reuse-service.js";
import { collectionItems, collections, resourceMarks, resources, resourceViewers } from "./tables.js";
import { loadReuse, ReuseSection } from "./views/reuse-section.js";

const { app, db } = await createTestApp();

const owner = await buildPerson(db, { name: "Olive Owner" });
const member = await buildPerson(db, { name: "Mo Member" });
const second = await buildPerson(db, { name: "Sam Second" });
const outsider = await buildPerson(db, { name: "Otto Outsider" });
const crowd = await Promise.all([1, 2, 3, 4, 5].map((n) => buildPerson(db, { name: `Crowd ${n}` })));

const community = await buildCommunity(db, {
  name: "Finance Practice",
  slug: "finance-practice",
  contentAccess: "members",
  members: [owner, member, second, ...crowd].map((person) => ({ personId: person.id })),
});
const resource = await buildResource(db, community.id, { ownerId: owner.id, title: "Month-end checklist" });
const draft = await buildResource(db, community.id, { ownerId: owner.id, status: "draft" });

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

async function counts(id = resource.id) {
  const [row] = await db.select().from(resources).where(eq(resources.id, id));
  return { helped: row!.helpedCount, used: row!.usedCount, viewers: row!.viewerCount };
}
const eventsOf = (verb: string, id = resource.id) =>
  db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, verb), eq(activityEvents.objectId, id)));

test("a member marks a resource helpful and used; counts follow; marking twice changes nothing", async () => {
  const visitor = await signedIn(member);
  const helped = await visitor.post(`/resources/${resource.id}/marks/helped`, { state: "on" });
  assert.equal(helped.status, 303);
  assert.equal(helped.location, `/resources/${resource.id}#reuse`);
  await visitor.post(`/resources/${resource.id}/marks/helped`, { state: "on" });
  await visitor.post(`/resources/${resource.id}/marks/used`, { state: "on" });
  assert.deepEqual(await counts(), { helped: 1, used: 1, viewers: 0 });
  const marked = await eventsOf("resource.marked");
  assert.deepEqual(marked.map((e) => (e.data as { kind: string }).kind).sort(), ["helped", "used"]);
  assert.equal(marked[0]?.communityId, community.id);

  await visitor.post(`/resources/${resource.id}/marks/used`, { state: "off" });
  await visitor.post(`/resources/${resource.id}/marks/used`, { state: "off" });
  assert.deepEqual(await counts(), { helped: 1, used: 0, viewers: 0 });
  assert.equal((await eventsOf("resource.unmarked")).length, 1);
});

test("with htmx the section comes back with the buttons' pressed state", async () => {
  const visitor = await signedIn(second);
  const response = await app.request(`/resources/${resource.id}/marks/used`, {
    method: "POST",
    body: new URLSearchParams({ _csrf: visitor.csrfToken, state: "on" }).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: visitor.cookieHeader(),
      "hx-request": "true",
    },
  });
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /<section class="reuse" id="reuse"/);
  assert.match(html, /aria-pressed="true"[^>]*>[\s\S]*?I used this in my work/);
  assert.match(html, /aria-pressed="false"[^>]*>[\s\S]*?This helped me/);
  assert.match(html, /1 person used this in their work/);
});

test("the owner, outsiders and drafts cannot be marked", async () => {
  assert.equal((await (await signedIn(owner)).post(`/resources/${resource.id}/marks/helped`)).status, 403);
  assert.equal((await (await signedIn(outsider)).post(`/resources/${resource.id}/marks/helped`)).status, 403);
  assert.equal((await (await signedIn(member)).post(`/resources/${draft.id}/marks/helped`)).status, 403);
  assert.equal((await (await signedIn(member)).post(`/resources/${resource.id}/marks/loved`)).status, 404);
  assert.equal((await (await signedIn(member)).post("/resources/nope/marks/helped")).status, 404);
  assert.equal(
    (await new Visitor(app as never).post(`/resources/${resource.id}/marks/helped`, {}, { csrf: false }))
      .status,
    403,
  );
});

test("the first view of each colleague is counted once; the owner's and drafts' are not", async () => {
  const loaded = (await findResource(db, resource.id))!;
  const view = async (person: { id: string }, target = loaded) =>
    loadReuse({ db, loaded: target, actor: await actorFor(db, person.id), now: new Date() });

  // Sam already opened it (the htmx mark above loaded the section).
  assert.equal(loaded.resource.viewerCount, 1);
  const firstLook = await view(member);
  assert.equal(firstLook.counts.viewerCount, 2, "the section shows the view just made");
  await view(member);
  await view(member);
  await view(owner);
  await view(second);
  await view(outsider); // cannot see it: not counted
  assert.equal((await counts()).viewers, 2);
  assert.equal((await eventsOf("resource.viewed")).length, 2);
  const viewers = await db.select().from(resourceViewers).where(eq(resourceViewers.resourceId, resource.id));
  assert.deepEqual(viewers.map((v) => v.personId).sort(), [member.id, second.id].sort());

  const draftLoaded = (await findResource(db, draft.id))!;
  await view(member, draftLoaded);
  assert.equal((await counts(draft.id)).viewers, 0);

  // Everyone opening it at once: each counted exactly once.
  await Promise.all([...crowd, ...crowd].map((person) => view(person)));
  assert.equal((await counts()).viewers, 2 + crowd.length);
  assert.equal((await eventsOf("resource.viewed")).length, 2 + crowd.length);
});

test("the section shows the counts, the marks given and the collections the resource is in", async () => {
  const [collection] = await db
    .insert(collections)
    .values({ communityId: community.id, slug: "month-end", title: "Month-end <toolkit>" })
    .returning();
  await db
    .insert(collectionItems)
    .values({ collectionId: collection!.id, resourceId: resource.id, position: 0 });
  const loaded = (await findResource(db, resource.id))!;
  const ctx = { csrfToken: "token" } as PageContext;
  const render = async (person: { id: string }) => {
    const data = await loadReuse({ db, loaded, actor: await actorFor(db, person.id), now: new Date() });
    return String(await ReuseSection({ ctx, loaded, data }).toString());
  };
  const forMember = await render(member);
  assert.match(forMember, /Viewed by \d+ colleagues/);
  assert.match(forMember, /aria-pressed="true"[^>]*>[\s\S]*?This helped me/);
  assert.match(
    forMember,
    /href="\/communities\/finance-practice\/collections\/month-end">Month-end &lt;toolkit&gt;/,
  );
  const forOwner = await render(owner);
  assert.doesNotMatch(forOwner, /aria-pressed/);
  assert.match(forOwner, /Marks record use by other people/);
});

test("the API gives and takes back marks with the same rules", async () => {
  const token = (await createToken(db, await actorFor(db, crowd[0]!.id), { name: "Script" })).secret;
  const ownerToken = (await createToken(db, await actorFor(db, owner.id), { name: "Script" })).secret;
  const call = (method: string, path: string, secret: string) =>
    app.request(`/api/v1${path}`, { method, headers: { authorization: `Bearer ${secret}` } });
  const before = await counts();
  const put = await call("PUT", `/resources/${resource.id}/marks/helped`, token);
  assert.equal(put.status, 200);
  const body = (await put.json()) as { helpedCount: number; mine: string[] };
  assert.equal(body.helpedCount, before.helped + 1);
  assert.deepEqual(body.mine, ["helped"]);
  assert.equal((await call("PUT", `/resources/${resource.id}/marks/helped`, token)).status, 200);
  assert.equal((await counts()).helped, before.helped + 1);
  const got = await call("GET", `/resources/${resource.id}/marks`, token);
  assert.deepEqual(((await got.json()) as { mine: string[] }).mine, ["helped"]);
  const removed = await call("DELETE", `/resources/${resource.id}/marks/helped`, token);
  assert.equal(((await removed.json()) as { helpedCount: number }).helpedCount, before.helped);
  assert.equal((await call("PUT", `/resources/${resource.id}/marks/helped`, ownerToken)).status, 403);
  assert.equal((await call("PUT", `/resources/${resource.id}/marks/other`, token)).status, 422);
  assert.equal((await call("PUT", "/resources/nope/marks/used", token)).status, 404);
});

test("marks given at the same moment by many people are all counted", async () => {
  const loaded = (await findResource(db, resource.id))!;
  const before = (await counts()).used;
  await Promise.all(
    crowd.map(async (person) => setMark(db, await actorFor(db, person.id), loaded, "used", true)),
  );
  assert.equal((await counts()).used, before + crowd.length);
  const marks = await db
    .select()
    .from(resourceMarks)
    .where(and(eq(resourceMarks.resourceId, resource.id), eq(resourceMarks.kind, "used")));
  assert.equal(marks.length, (await counts()).used);
});
