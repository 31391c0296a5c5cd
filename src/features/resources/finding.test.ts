import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { buildResource } from "../../../test/support/resource-factories.js";
import { createToken } from "../tokens/service.js";
import { installStarterToolkit } from "./toolkit/install.js";

const { app, db } = await createTestApp();
await installStarterToolkit(db);

const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Oli Outsider" });
const programme = await buildPerson(db, { name: "Pia Programme", siteRole: "programme" });

const open = await buildCommunity(db, {
  name: "Grants Circle",
  slug: "grants-circle",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: member.id, role: "member" },
  ],
});
const membersOnly = await buildCommunity(db, {
  name: "Panel Room",
  slug: "panel-room",
  contentAccess: "members",
  members: [{ personId: member.id, role: "member" }],
});
const unlisted = await buildCommunity(db, {
  name: "Back Office",
  slug: "back-office",
  visibility: "unlisted",
  members: [{ personId: member.id, role: "member" }],
});

// Markers: each resource's title carries a word of its own.
await buildResource(db, open.id, {
  title: "Budget tips staffmarker",
  kind: "tip_sheet",
  tags: ["budgets"],
  helpedCount: 1,
  lastEditedAt: at(1),
});
await buildResource(db, open.id, {
  title: "Agreed process endorsedmarker",
  kind: "guide",
  status: "endorsed",
  helpedCount: 5,
  usedCount: 2,
  lastEditedAt: at(5),
});
await buildResource(db, open.id, {
  title: "Old form duemarker",
  kind: "template",
  tags: ["forms", "budgets"],
  reviewBy: "2020-01-01",
  helpedCount: 5,
  usedCount: 1,
  lastEditedAt: at(9),
});
await buildResource(db, open.id, {
  title: "Half written draftmarker",
  status: "draft",
  ownerId: member.id,
  lastEditedAt: at(2),
});
await buildResource(db, open.id, {
  title: "Retired archivedmarker",
  status: "archived",
  lastEditedAt: at(3),
});
await buildResource(db, membersOnly.id, { title: "Panel notes membersmarker" });
await buildResource(db, unlisted.id, { title: "Back office unlistedmarker" });

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  return visitor;
}
const visitors = {
  outsider: await signedIn(outsider),
  member: await signedIn(member),
  convenor: await signedIn(convenor),
  programme: await signedIn(programme),
};
const tokenOf = async (person: { id: string }) =>
  (await createToken(db, await actorFor(db, person.id), { name: "Finding" })).secret;
const tokens = {
  outsider: await tokenOf(outsider),
  member: await tokenOf(member),
  convenor: await tokenOf(convenor),
  programme: await tokenOf(programme),
};
const api = (path: string, token?: string) =>
  app.request(`/api/v1${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
const titlesIn = (html: string) =>
  [...html.matchAll(/href="\/resources\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);

test("the Resources tab lists published and endorsed resources, newest edit first, with badges in words", async () => {
  const page = await visitors.outsider.get("/communities/grants-circle/resources");
  assert.equal(page.status, 200);
  assert.deepEqual(titlesIn(page.html), [
    "Budget tips staffmarker",
    "Agreed process endorsedmarker",
    "Old form duemarker",
  ]);
  assert.match(page.html, /Endorsed practice/);
  assert.match(page.html, /Due for review/);
  assert.match(page.html, /<label for="resources-kind">Kind<\/label>/);
  assert.match(page.html, /href="\/communities\/grants-circle\/collections"/);
  assert.doesNotMatch(page.html, /Write a resource/, "outsiders cannot add to it");
  assert.doesNotMatch(page.html, /resources\/due/, "only leads get the review list");
  const lead = await visitors.convenor.get("/communities/grants-circle/resources");
  assert.match(lead.html, /href="\/communities\/grants-circle\/resources\/new"[^>]*>\s*Write a resource/);
  assert.match(lead.html, /href="\/communities\/grants-circle\/resources\/due"/);
  const asMember = await visitors.member.get("/communities/grants-circle/resources");
  assert.match(asMember.html, /Write a resource/);
});

test("filters by kind, tag and status; sorts by most helpful", async () => {
  const get = async (who: keyof typeof visitors, query: string) =>
    titlesIn((await visitors[who].get(`/communities/grants-circle/resources?${query}`)).html);
  assert.deepEqual(await get("outsider", "kind=template"), ["Old form duemarker"]);
  assert.deepEqual(await get("outsider", "tag=budgets"), ["Budget tips staffmarker", "Old form duemarker"]);
  assert.deepEqual(await get("outsider", "status=endorsed"), ["Agreed process endorsedmarker"]);
  assert.deepEqual(await get("outsider", "status=archived"), ["Retired archivedmarker"]);
  assert.deepEqual(await get("outsider", "sort=helpful"), [
    "Agreed process endorsedmarker",
    "Old form duemarker",
    "Budget tips staffmarker",
  ]);
  // Drafts: only the people who may see them.
  assert.deepEqual(await get("outsider", "status=draft"), []);
  assert.deepEqual(await get("member", "status=draft"), ["Half written draftmarker"], "the owner");
  assert.deepEqual(await get("convenor", "status=draft"), ["Half written draftmarker"], "a lead");
  assert.deepEqual(await get("programme", "status=draft"), ["Half written draftmarker"]);
  const none = await visitors.outsider.get("/communities/grants-circle/resources?kind=case_study");
  assert.match(none.html, /Nothing matches these filters/);
  const junk = await visitors.outsider.get(
    "/communities/grants-circle/resources?kind=<script>&status=nope&sort=x&tag=%F0%9F%98%80&cursor=junk",
  );
  assert.equal(junk.status, 200, "odd values fall back to defaults");
  assert.doesNotMatch(junk.html, /<script>/);
});

test("pages through a long list by keyset, in both sorts", async () => {
  const c = await buildCommunity(db, { name: "Paging Pantry", slug: "paging-pantry" });
  for (let n = 0; n < 25; n++)
    await buildResource(db, c.id, {
      title: `Note ${String(n).padStart(2, "0")}`,
      lastEditedAt: at(n),
      helpedCount: n % 3,
    });
  for (const sort of ["updated", "helpful"]) {
    const first = await visitors.outsider.get(`/communities/paging-pantry/resources?sort=${sort}`);
    const one = titlesIn(first.html);
    assert.equal(one.length, 20, sort);
    const next = /href="([^"]+)" rel="next"/.exec(first.html)?.[1]?.replace(/&amp;/g, "&");
    assert.ok(next, sort);
    const second = await visitors.outsider.get(next!);
    const two = titlesIn(second.html);
    assert.equal(two.length, 5, sort);
    assert.equal(new Set([...one, ...two]).size, 25, `${sort}: no row twice, none missed`);
    assert.match(second.html, /rel="prev"/);
  }
  const newest = await visitors.outsider.get("/communities/paging-pantry/resources");
  assert.equal(titlesIn(newest.html)[0], "Note 00");
});

test("members-only and unlisted communities' resources reach only their members; empty states guide", async () => {
  const closed = await visitors.outsider.get("/communities/panel-room/resources");
  assert.equal(closed.status, 200);
  assert.doesNotMatch(closed.html, /membersmarker/);
  assert.match((await visitors.member.get("/communities/panel-room/resources")).html, /membersmarker/);
  const empty = await buildCommunity(db, {
    name: "Empty Shelf",
    slug: "empty-shelf",
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const page = await visitors.convenor.get(`/communities/${empty.slug}/resources`);
  assert.match(page.html, /Empty Shelf has no resources yet/);
  assert.match(page.html, /write a\s+resource/);
  assert.equal((await visitors.outsider.get("/communities/no-such-place/resources")).status, 404);
  const anonymous = await new Visitor(app as never).get("/communities/grants-circle/resources");
  assert.doesNotMatch(anonymous.html, /staffmarker/, "visitors who have not signed in see no content");
});

const markers = [
  "staffmarker",
  "endorsedmarker",
  "membersmarker",
  "unlistedmarker",
  "draftmarker",
  "archivedmarker",
];
const expected: Record<keyof typeof visitors, string[]> = {
  outsider: ["staffmarker", "endorsedmarker"],
  member: ["staffmarker", "endorsedmarker", "membersmarker", "unlistedmarker"],
  convenor: ["staffmarker", "endorsedmarker"],
  programme: ["staffmarker", "endorsedmarker"],
};

test("/resources and its API show every community the viewer can read, plus the starter toolkit", async () => {
  for (const who of Object.keys(visitors) as (keyof typeof visitors)[]) {
    const page = await visitors[who].get("/resources");
    assert.equal(page.status, 200, who);
    const response = await api("/resources?limit=100", tokens[who]);
    assert.equal(response.status, 200, who);
    const json = JSON.stringify(await response.json());
    const community = await api("/communities/panel-room/resources", tokens[who]);
    assert.equal(community.status, who === "member" ? 200 : 403, `${who}: members-only community API`);
    for (const marker of markers) {
      const shown = expected[who].includes(marker);
      assert.equal(json.includes(marker), shown, `${who} API ${shown ? "shows" : "hides"} ${marker}`);
    }
    // The page shows 20 at a time (the toolkit and other tests' resources crowd it): hidden ones never appear.
    for (const marker of markers) {
      if (!expected[who].includes(marker))
        assert.doesNotMatch(page.html, new RegExp(marker), `${who} page hides ${marker}`);
    }
    assert.match(page.html, /href="\/toolkit"/);
  }
  const toolkit = await visitors.outsider.get("/resources?community=toolkit");
  assert.ok(titlesIn(toolkit.html).includes("Charter template"));
  assert.match(toolkit.html, /In the <a href="\/toolkit">starter toolkit<\/a>/);
  const scoped = await visitors.member.get("/resources?community=panel-room");
  assert.deepEqual(titlesIn(scoped.html), ["Panel notes membersmarker"]);
  const refused = await visitors.outsider.get("/resources?community=panel-room");
  assert.match(refused.html, /could not find a community you can read/);
  assert.doesNotMatch(refused.html, /membersmarker/);
  assert.equal((await api("/resources?community=panel-room", tokens.outsider)).status, 422);
  assert.equal((await api("/resources")).status, 401);
  assert.equal((await api("/resources?cursor=junk", tokens.outsider)).status, 422);
  assert.equal((await api("/resources?status=bad", tokens.outsider)).status, 422);
  assert.notEqual((await new Visitor(app as never).get("/resources")).status, 200, "sign in first");
});

test("the API pages with cursors and says what is due for review", async () => {
  const one = (await (await api("/communities/grants-circle/resources?limit=2", tokens.outsider)).json()) as {
    data: { title: string; dueForReview: boolean; status: string; community: { slug: string } }[];
    nextCursor: string | null;
  };
  assert.deepEqual(
    one.data.map((r) => r.title),
    ["Budget tips staffmarker", "Agreed process endorsedmarker"],
  );
  assert.ok(one.nextCursor);
  const two = (await (
    await api(`/communities/grants-circle/resources?limit=2&cursor=${one.nextCursor}`, tokens.outsider)
  ).json()) as { data: { title: string; dueForReview: boolean }[]; nextCursor: string | null };
  assert.deepEqual(
    two.data.map((r) => r.title),
    ["Old form duemarker"],
  );
  assert.equal(two.data[0]!.dueForReview, true);
  assert.equal(two.nextCursor, null);
  const helpful = (await (
    await api("/communities/grants-circle/resources?sort=helpful&limit=1", tokens.outsider)
  ).json()) as { nextCursor: string };
  assert.equal(
    (
      await api(
        `/communities/grants-circle/resources?sort=updated&cursor=${helpful.nextCursor}`,
        tokens.outsider,
      )
    ).status,
    422,
    "a cursor from another sort is refused",
  );
  assert.equal((await api("/communities/nowhere/resources", tokens.outsider)).status, 404);
});

test("/toolkit shows the starter toolkit in order, and only the programme team may arrange it", async () => {
  const page = await visitors.outsider.get("/toolkit");
  assert.equal(page.status, 200);
  assert.match(page.html, /<h1>Starter toolkit<\/h1>/);
  const titles = titlesIn(page.html);
  assert.ok(
    titles.indexOf("Inquire: is there a community here?") < titles.indexOf("Sustain: take stock and renew"),
  );
  assert.ok(titles.includes("Activity formats"));
  assert.match(page.html, /Stage by stage/);
  assert.doesNotMatch(page.html, /Edit order/);
  const team = await visitors.programme.get("/toolkit");
  assert.match(team.html, /href="\/collections\/[^"]+\/edit"[^>]*>\s*Edit order/);
  const redirect = await visitors.outsider.get("/toolkit/charter-template");
  assert.equal(redirect.status, 302);
  assert.match(redirect.headers.get("location") ?? "", /^\/resources\/[0-9a-f-]+$/);
  assert.equal((await visitors.outsider.get("/toolkit/no-such-item")).status, 404);
  assert.equal((await visitors.outsider.get("/toolkit/%3Cscript%3E")).status, 404);
  assert.notEqual((await new Visitor(app as never).get("/toolkit")).status, 200);
  const json = (await (await api("/toolkit", tokens.outsider)).json()) as {
    collection: { title: string };
    data: { toolkitSlug: string; community: null }[];
  };
  assert.equal(json.collection.title, "Starter toolkit");
  assert.equal(json.data[0]!.toolkitSlug, "about-this-toolkit");
  assert.equal(json.data[0]!.community, null);
  assert.equal((await api("/toolkit")).status, 401);
});

test("hostile and odd text in resources is shown inert in the tab and /resources", async () => {
  const c = await buildCommunity(db, { name: "Odd Corner", slug: "odd-corner" });
  await buildResource(db, c.id, {
    title: `<script>alert("x")</script> ${"long ".repeat(60)}`,
    summary: `<img src=x onerror="alert(1)"> Zalgo z̷̢̛a̶l̸g̵o and right-to-left \u202Etext`,
    tags: ["<b>tag</b>"],
  });
  for (const path of [
    "/communities/odd-corner/resources",
    "/resources?community=odd-corner",
    "/resources?tag=%3Cb%3Etag%3C%2Fb%3E",
  ]) {
    const page = await visitors.outsider.get(path);
    assert.equal(page.status, 200, path);
    assert.doesNotMatch(page.html, /<script>alert|<img src=x|<b>tag/, path);
    assert.match(page.html, /&lt;script&gt;/, path);
  }
});
