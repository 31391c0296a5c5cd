import assert from "node:assert/strict";
import { after, test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { buildResource } from "../../../test/support/resource-factories.js";
import { activityEvents } from "../../platform/activity.js";
import { charterVersions } from "../charter/tables.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { setResourceClock } from "./clock.js";
import { sendReviewReminders } from "./review-reminders.js";
import { markReviewed } from "./service.js";
import { resources } from "./tables.js";

const { app, db } = await createTestApp();
after(() => setResourceClock(null));

const owner = await buildPerson(db, { name: "Owen Owner" });
const member = await buildPerson(db, { name: "Mo Member" });
const core = await buildPerson(db, { name: "Cora Core" });
const convenor = await buildPerson(db, { name: "Cara Convenor" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: owner.id },
    { personId: member.id },
    { personId: core.id, role: "core" },
    { personId: convenor.id, role: "convenor" },
  ],
});
await db.insert(charterVersions).values({
  communityId: payroll.id,
  version: 1,
  mission: "Better payroll.",
  codeOfConduct: "Be kind.",
  decisionProcess: "vote",
  decisionNotes: "Votes stay open for a week.",
  summary: "First version",
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
const rowOf = async (id: string) => (await db.select().from(resources).where(eq(resources.id, id)))[0]!;
const status = (who: { email: string }, id: string, action: string) =>
  as(who).then((v) => v.post(`/resources/${id}/status`, { action }));

test("endorsing: convenors and core members, reminded of the charter's way of deciding", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id });
  const asMember = await (await as(member)).get(`/resources/${resource.id}`);
  assert.doesNotMatch(asMember.html, /Endorse as agreed good practice/);
  assert.equal((await status(member, resource.id, "endorse")).status, 403);
  assert.equal((await status(owner, resource.id, "endorse")).status, 403, "owners do not endorse their own");
  assert.equal((await status(programme, resource.id, "endorse")).status, 403);

  const asConvenor = await (await as(convenor)).get(`/resources/${resource.id}`);
  assert.match(asConvenor.html, /Endorse as agreed good practice/);
  assert.match(asConvenor.html, /<strong>Vote\.<\/strong>/);
  assert.match(asConvenor.html, /Votes stay open for a week\./);

  assert.equal((await status(core, resource.id, "endorse")).status, 303);
  let row = await rowOf(resource.id);
  assert.equal(row.status, "endorsed");
  assert.equal(row.endorsedById, core.id);
  const page = await (await as(member)).get(`/resources/${resource.id}`);
  assert.match(page.html, /Endorsed as agreed good practice by <a href="\/people\/[^"]+">Cora Core<\/a>/);
  assert.match(page.html, /resource-status-endorsed">Endorsed</);

  // Withdrawing asks first (a details with a second button), then returns it to published.
  const asCore = await (await as(core)).get(`/resources/${resource.id}`);
  assert.match(asCore.html, /<summary>Withdraw the endorsement<\/summary>/);
  assert.equal((await status(convenor, resource.id, "unendorse")).status, 303);
  row = await rowOf(resource.id);
  assert.equal(row.status, "published");
  assert.equal(row.endorsedAt, null);
  const verbs = (await db.select().from(activityEvents).where(eq(activityEvents.objectId, resource.id))).map(
    (e) => e.verb,
  );
  // The reuse work records first views (resource.viewed); these tests are about the other acts.
  verbs.splice(0, verbs.length, ...verbs.filter((verb) => verb !== "resource.viewed"));
  assert.deepEqual(verbs, ["resource.endorsed", "resource.unendorsed"]);
});

test("publish, archive and restore from archive: the owner and the leads; archived stays readable", async () => {
  const draft = await buildResource(db, payroll.id, {
    ownerId: owner.id,
    status: "draft",
    publishedAt: null,
    reviewBy: null,
  });
  assert.equal((await status(member, draft.id, "publish")).status, 404, "someone else's draft is invisible");
  assert.equal((await status(outsider, draft.id, "publish")).status, 404);
  assert.equal((await status(owner, draft.id, "publish")).status, 303);
  assert.equal((await rowOf(draft.id)).status, "published");
  assert.equal((await status(member, draft.id, "archive")).status, 403);
  assert.equal((await status(outsider, draft.id, "archive")).status, 403);

  const asOwner = await (await as(owner)).get(`/resources/${draft.id}`);
  assert.match(asOwner.html, /<summary>Archive<\/summary>/);
  assert.match(asOwner.html, /leaves the community’s lists and search/);
  assert.equal((await status(owner, draft.id, "archive")).status, 303);
  assert.equal((await rowOf(draft.id)).status, "archived");
  const archived = await (await as(outsider)).get(`/resources/${draft.id}`);
  assert.equal(archived.status, 200);
  assert.match(archived.html, /This resource is archived/);
  // A second archive is refused with a message, not an error page.
  const again = await status(owner, draft.id, "archive");
  assert.equal(again.status, 303);
  assert.equal((await status(programme, draft.id, "unarchive")).status, 303);
  assert.equal((await rowOf(draft.id)).status, "published");
  assert.equal((await status(owner, draft.id, "nonsense")).status, 422);
});

test("the due-for-review badge follows the injected clock; marking as reviewed moves the date a year on", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id, reviewBy: "2031-06-30" });
  setResourceClock(() => new Date("2031-06-30T11:00:00Z"));
  assert.doesNotMatch((await (await as(member)).get(`/resources/${resource.id}`)).html, /Due for review/);
  setResourceClock(() => new Date("2031-07-01T09:00:00Z"));
  const due = await (await as(member)).get(`/resources/${resource.id}`);
  assert.match(due.html, /<span class="badge resource-due">Due for review<\/span>/);
  assert.doesNotMatch(due.html, /<summary>Mark as reviewed<\/summary>/, "members cannot mark it reviewed");
  assert.equal((await (await as(member)).post(`/resources/${resource.id}/review`, {})).status, 403);
  const api = await app.request(`/api/v1/resources/${resource.id}`, {
    headers: {
      authorization: `Bearer ${(await createToken(db, await actorFor(db, member.id), { name: "t" })).secret}`,
    },
  });
  assert.equal((await api.json()).dueForReview, true);

  const asOwner = await (await as(owner)).get(`/resources/${resource.id}`);
  assert.match(asOwner.html, /<summary>Mark as reviewed<\/summary>/);
  const bad = await (await as(owner)).post(`/resources/${resource.id}/review`, { reviewBy: "2031-13-01" });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /value="2031-13-01"/);
  const past = await (await as(owner)).post(`/resources/${resource.id}/review`, { reviewBy: "2031-06-01" });
  assert.equal(past.status, 422);
  assert.match(past.html, /after today/);

  assert.equal(
    (await (await as(owner)).post(`/resources/${resource.id}/review`, { reviewBy: "" })).status,
    303,
  );
  const row = await rowOf(resource.id);
  assert.equal(row.reviewBy, "2032-07-01");
  assert.equal(row.reviewedById, owner.id);
  assert.equal(row.reviewedAt?.toISOString(), "2031-07-01T09:00:00.000Z");
  const page = await (await as(member)).get(`/resources/${resource.id}`);
  assert.doesNotMatch(page.html, /Due for review/);
  assert.match(page.html, /Last reviewed/);
  const verbs = (await db.select().from(activityEvents).where(eq(activityEvents.objectId, resource.id))).map(
    (e) => e.verb,
  );
  // The reuse work records first views (resource.viewed); these tests are about the other acts.
  verbs.splice(0, verbs.length, ...verbs.filter((verb) => verb !== "resource.viewed"));
  assert.deepEqual(verbs, ["resource.reviewed"]);
  setResourceClock(null);
});

test("the convenors' list of what is due: past or within 30 days, for leads and the programme team", async () => {
  const community = await buildCommunity(db, {
    members: [
      { personId: owner.id },
      { personId: convenor.id, role: "convenor" },
      { personId: core.id, role: "core" },
    ],
  });
  setResourceClock(() => new Date("2030-01-10T12:00:00Z"));
  await buildResource(db, community.id, {
    ownerId: owner.id,
    title: "Overdue guide",
    reviewBy: "2029-12-01",
  });
  await buildResource(db, community.id, { ownerId: owner.id, title: "Soon guide", reviewBy: "2030-02-05" });
  await buildResource(db, community.id, { ownerId: owner.id, title: "Later guide", reviewBy: "2030-03-01" });
  await buildResource(db, community.id, {
    ownerId: owner.id,
    title: "Draft guide",
    status: "draft",
    reviewBy: "2029-01-01",
  });
  await buildResource(db, community.id, {
    ownerId: owner.id,
    title: "Archived guide",
    status: "archived",
    reviewBy: "2029-01-01",
  });
  const path = `/communities/${community.slug}/resources/due`;
  for (const who of [owner, member, outsider]) assert.equal((await (await as(who)).get(path)).status, 403);
  for (const who of [convenor, core, programme]) assert.equal((await (await as(who)).get(path)).status, 200);
  const list = (await (await as(convenor)).get(path)).html;
  assert.match(list, /Overdue guide[\s\S]*Soon guide/);
  assert.doesNotMatch(list, /Later guide|Draft guide|Archived guide/);
  assert.match(list, /Overdue<\/span>/);
  assert.match(list, /<th scope="col">Review by<\/th>/);

  const token = (await createToken(db, await actorFor(db, convenor.id), { name: "t" })).secret;
  const api = await app.request(`/api/v1/communities/${community.slug}/resources/due?limit=1`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await api.json();
  assert.equal(api.status, 200);
  assert.equal(body.data[0].title, "Overdue guide");
  assert.equal(body.data[0].dueForReview, true);
  const next = await app.request(
    `/api/v1/communities/${community.slug}/resources/due?limit=1&cursor=${body.nextCursor}`,
    {
      headers: { authorization: `Bearer ${token}` },
    },
  );
  assert.equal((await next.json()).data[0].title, "Soon guide");
  const memberToken = (await createToken(db, await actorFor(db, member.id), { name: "t" })).secret;
  const refused = await app.request(`/api/v1/communities/${community.slug}/resources/due`, {
    headers: { authorization: `Bearer ${memberToken}` },
  });
  assert.equal(refused.status, 403);

  const empty = await buildCommunity(db, { members: [{ personId: convenor.id, role: "convenor" }] });
  assert.match(
    (await (await as(convenor)).get(`/communities/${empty.slug}/resources/due`)).html,
    /Nothing is due for review/,
  );
  setResourceClock(null);
});

test("the owner is reminded once per review date, and again once a new date passes", async () => {
  // An owner of nothing else, so the other tests' resources do not come due with this one.
  const owner = await buildPerson(db, { name: "Rita Reminded" });
  const community = await buildCommunity(db, { members: [{ personId: owner.id }] });
  const resource = await buildResource(db, community.id, {
    ownerId: owner.id,
    title: "Pension checklist",
    reviewBy: "2033-03-31",
  });
  const mine = () =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, owner.id), eq(notifications.kind, "resource.review_due")));
  await sendReviewReminders(db, new Date("2033-03-31T12:00:00Z"));
  assert.equal((await mine()).length, 0, "not before the date has passed");
  const first = await sendReviewReminders(db, new Date("2033-04-01T08:00:00Z"));
  assert.ok(first.reminded >= 1);
  await sendReviewReminders(db, new Date("2033-04-02T08:00:00Z"));
  const told = await mine();
  assert.equal(told.length, 1);
  assert.match(told[0]!.title, /“Pension checklist” is due for review/);
  assert.equal(told[0]!.url, `/resources/${resource.id}`);
  assert.ok((await rowOf(resource.id)).reviewReminderSentAt);

  await db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.personId, owner.id));
  await markReviewed(db, await actorFor(db, owner.id), resource.id, "2033-05-01", {
    now: new Date("2033-04-02T09:00:00Z"),
  });
  assert.equal((await rowOf(resource.id)).reviewReminderSentAt, null);
  await sendReviewReminders(db, new Date("2033-05-02T08:00:00Z"));
  assert.equal((await mine()).length, 2);
});

test("editing an overdue resource keeps its (past) review date without complaint", async () => {
  const resource = await buildResource(db, payroll.id, { ownerId: owner.id, reviewBy: "2020-01-01" });
  const form = await (await as(member)).get(`/resources/${resource.id}/edit`);
  assert.match(form.html, /value="2020-01-01"/);
  const saved = await (await as(member)).post(`/resources/${resource.id}/edit`, {
    revision: "1",
    kind: "tip_sheet",
    title: resource.title,
    summary: resource.summary,
    body: `${resource.body}\n3. Hand over the keys.`,
    externalUrl: "",
    tags: "",
    reviewBy: "2020-01-01",
    note: "Keys",
  });
  assert.equal(saved.status, 303, saved.html.slice(0, 500));
  assert.equal((await rowOf(resource.id)).reviewBy, "2020-01-01");
});

test("authorization of every page route, by who is asking", async () => {
  const membersOnly = await buildCommunity(db, {
    contentAccess: "members",
    members: [{ personId: owner.id }, { personId: convenor.id, role: "convenor" }],
  });
  const open = await buildResource(db, payroll.id, { ownerId: owner.id, title: "Open one" });
  const secret = await buildResource(db, membersOnly.id, { ownerId: owner.id, title: "Secret one" });
  const draft = await buildResource(db, payroll.id, {
    ownerId: owner.id,
    status: "draft",
    title: "Draft one",
  });
  const people = { outsider, member, owner, core, convenor, programme };
  type Who = keyof typeof people;
  const rows: [string, Partial<Record<Who, number>>][] = [
    [
      `/resources/${open.id}`,
      { outsider: 200, member: 200, owner: 200, core: 200, convenor: 200, programme: 200 },
    ],
    [`/resources/${open.id}/edit`, { outsider: 403, member: 200, owner: 200, core: 200, programme: 200 }],
    [`/resources/${open.id}/history`, { outsider: 200, member: 200 }],
    [`/resources/${open.id}/compare?from=1&to=1`, { outsider: 200 }],
    [`/resources/${open.id}/revisions/1/restore`, { outsider: 403, member: 200 }],
    [
      `/resources/${open.id}/review`,
      { outsider: 403, member: 403, owner: 200, core: 200, convenor: 200, programme: 200 },
    ],
    [`/resources/${secret.id}`, { outsider: 403, member: 403, owner: 200, convenor: 200, programme: 403 }],
    [`/resources/${secret.id}/history`, { outsider: 403, owner: 200 }],
    [
      `/resources/${draft.id}`,
      { outsider: 404, member: 404, owner: 200, core: 200, convenor: 200, programme: 200 },
    ],
    [`/resources/${draft.id}/edit`, { member: 404, owner: 200, core: 200 }],
    ["/communities/payroll/resources/new", { outsider: 403, member: 200, owner: 200, programme: 200 }],
    [
      "/communities/payroll/resources/due",
      { outsider: 403, member: 403, owner: 403, core: 200, convenor: 200, programme: 200 },
    ],
  ];
  for (const [path, expected] of rows)
    for (const [who, code] of Object.entries(expected))
      assert.equal((await (await as(people[who as Who])).get(path)).status, code, `${who} GET ${path}`);
  const anonymous = new Visitor(app as never);
  for (const path of [
    `/resources/${open.id}`,
    `/resources/${open.id}/edit`,
    "/communities/payroll/resources/due",
  ]) {
    const response = await anonymous.get(path);
    assert.ok([302, 303, 401].includes(response.status), `anonymous GET ${path}: ${response.status}`);
  }
});
