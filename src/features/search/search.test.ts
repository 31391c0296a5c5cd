import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { buildResource } from "../../../test/support/resource-factories.js";
import { replies, threads } from "../discussions/tables.js";
import { createToken } from "../tokens/service.js";
import { snippetHtml, toSnippet } from "./kinds/shared.js";

const { app, db, database } = await createTestApp();

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);

const author = await buildPerson(db, { name: "Aisha Author" });
const member = await buildPerson(db, { name: "Mina Member" });
const outsider = await buildPerson(db, { name: "Otto Outsider" });
const programme = await buildPerson(db, { name: "Priya Programme", siteRole: "programme" });

const open = await buildCommunity(db, {
  name: "Open Ledger Circle",
  slug: "open-ledger",
  members: [{ personId: author.id, role: "convenor" }],
});
const closedDoors = await buildCommunity(db, {
  name: "Closed Doors Guild",
  slug: "closed-doors",
  contentAccess: "members",
  members: [
    { personId: author.id, role: "convenor" },
    { personId: member.id, role: "member" },
  ],
});
const quiet = await buildCommunity(db, {
  name: "Quiet Backroom",
  slug: "quiet-backroom",
  visibility: "unlisted",
  members: [
    { personId: author.id, role: "convenor" },
    { personId: member.id, role: "member" },
  ],
});

async function thread(
  community: { id: string },
  fields: Partial<typeof threads.$inferInsert> & { title: string },
) {
  const [row] = await db
    .insert(threads)
    .values({ communityId: community.id, authorId: author.id, ...fields })
    .returning();
  return row!;
}
async function reply(
  parent: { id: string; communityId: string },
  fields: Partial<typeof replies.$inferInsert> & { body: string },
) {
  const [row] = await db
    .insert(replies)
    .values({ threadId: parent.id, communityId: parent.communityId, authorId: member.id, ...fields })
    .returning();
  return row!;
}

// The visibility matrix: each post has a marker word of its own and the shared word "zebrafinch".
const staffThread = await thread(open, {
  title: "Zebrafinch reconciliation staffmarker",
  body: "How do you reconcile the zebrafinch ledger at month end?",
  kind: "question",
});
const answer = await reply(staffThread, { body: "We reconcile zebrafinch weekly, answermarker." });
await db.update(threads).set({ acceptedReplyId: answer.id }).where(eq(threads.id, staffThread.id));
await thread(closedDoors, { title: "Zebrafinch membersmarker", body: "Members only notes on zebrafinch." });
await thread(quiet, { title: "Zebrafinch unlistedmarker", body: "Quiet notes on zebrafinch." });
await reply(staffThread, { body: "zebrafinch hiddenreplymarker", hiddenAt: new Date() });
await reply(staffThread, { body: "zebrafinch deletedreplymarker", deletedAt: new Date() });
const gone = await thread(open, { title: "Zebrafinch deletedmarker", deletedAt: new Date() });
await reply(gone, { body: "zebrafinch orphanmarker" });
const hidden = await thread(open, { title: "Zebrafinch hiddenthreadmarker", hiddenAt: new Date() });
await reply(hidden, { body: "zebrafinch underhiddenmarker" });

const markers = [
  "staffmarker",
  "answermarker",
  "membersmarker",
  "unlistedmarker",
  "hiddenreplymarker",
  "deletedreplymarker",
  "deletedmarker",
  "orphanmarker",
  "hiddenthreadmarker",
  "underhiddenmarker",
] as const;
const expected: Record<string, (typeof markers)[number][]> = {
  anonymous: [],
  outsider: ["staffmarker", "answermarker"],
  member: ["staffmarker", "answermarker", "membersmarker", "unlistedmarker"],
  programme: ["staffmarker", "answermarker"],
};

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${person.email}`);
  return visitor;
}
const tokenOf = async (person: { id: string }) =>
  (await createToken(db, await actorFor(db, person.id), { name: "Search" })).secret;
const api = (path: string, token?: string) =>
  app.request(path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

const visitors = {
  anonymous: new Visitor(app as never),
  outsider: await signedIn(outsider),
  member: await signedIn(member),
  programme: await signedIn(programme),
};
const tokens = {
  anonymous: undefined,
  outsider: await tokenOf(outsider),
  member: await tokenOf(member),
  programme: await tokenOf(programme),
};

test("searchers see only the posts they may read, in pages and the API", async () => {
  for (const [who, visitor] of Object.entries(visitors)) {
    const page = await visitor.get("/search?q=zebrafinch&kind=discussions");
    assert.equal(page.status, 200);
    const response = await api("/api/v1/search?q=zebrafinch&kind=all", tokens[who as keyof typeof tokens]);
    assert.equal(response.status, 200, who);
    const json = JSON.stringify(await response.json());
    for (const marker of markers) {
      const shown = expected[who]!.includes(marker);
      assert.equal(page.html.includes(marker), shown, `${who} page ${shown ? "shows" : "hides"} ${marker}`);
      assert.equal(json.includes(marker), shown, `${who} API ${shown ? "shows" : "hides"} ${marker}`);
    }
  }
});

test("unlisted communities are found only by their members; visitors get communities only", async () => {
  const anonymousPage = await visitors.anonymous.get("/search?q=quiet");
  assert.doesNotMatch(anonymousPage.html, /Quiet Backroom/);
  assert.doesNotMatch((await visitors.outsider.get("/search?q=backroom")).html, /Quiet Backroom/);
  assert.match((await visitors.member.get("/search?q=backroom")).html, /Quiet Backroom/);
  const visitorPage = await visitors.anonymous.get("/search?q=Mina");
  assert.doesNotMatch(visitorPage.html, /Mina Member/, "visitors do not find people");
  assert.match(visitorPage.html, /Sign in<\/a> to search/);
  assert.equal((await api("/api/v1/search?q=zebrafinch&kind=discussions")).status, 401);
  assert.equal((await api("/api/v1/search?q=zebrafinch&kind=people")).status, 401);
  // Filtering by a community the searcher cannot see is refused in the API, ignored with a notice in pages.
  assert.equal(
    (await api("/api/v1/search?q=zebrafinch&community=quiet-backroom", tokens.outsider)).status,
    422,
  );
  const ignored = await visitors.outsider.get("/search?q=zebrafinch&community=quiet-backroom");
  assert.match(ignored.html, /could not find a community you can see/);
  assert.doesNotMatch(ignored.html, /unlistedmarker/);
});

test("results say where a post is, whether it is answered, and link to it", async () => {
  const page = await visitors.outsider.get("/search?q=reconcile&kind=discussions");
  assert.match(page.html, new RegExp(`href="/communities/open-ledger/discussions/${staffThread.id}"`));
  assert.match(page.html, new RegExp(`#reply-${answer.id}"`));
  assert.match(page.html, />Answered</);
  assert.match(page.html, />Accepted answer</);
  assert.match(page.html, /Reply by Mina Member/);
  assert.match(page.html, /<mark>reconcile<\/mark>/);
  // The "all" view groups by kind, each region labelled by its heading.
  await buildPerson(db, { name: "Olive Ledger" });
  const all = await visitors.member.get("/search?q=ledger");
  for (const kind of ["communities", "people"])
    assert.match(all.html, new RegExp(`aria-labelledby="search-${kind}"`));
  assert.match(all.html, /<h2 id="search-communities">Communities<\/h2>/);
  assert.match(all.html, /<h2 id="search-people">People<\/h2>/);
});

test("web-search syntax: exact phrase, -exclude and OR", async () => {
  const c = await buildCommunity(db, { name: "Syntax Society", slug: "syntax-society" });
  await thread(c, { title: "Quokka month end checklist", body: "the month end quokka close" });
  await thread(c, { title: "Quokka end of the month", body: "quokka month" });
  await thread(c, { title: "Wombat survey", body: "wombat only" });
  const titles = async (q: string) => {
    const response = await api(`/api/v1/search?q=${encodeURIComponent(q)}&kind=discussions`, tokens.outsider);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { data: { type: string; title: string }[] };
    return body.data
      .filter((hit) => hit.type === "thread")
      .map((hit) => hit.title)
      .sort();
  };
  assert.deepEqual(await titles('"month end" quokka'), ["Quokka month end checklist"]);
  assert.deepEqual(await titles("quokka -checklist"), ["Quokka end of the month"]);
  assert.deepEqual(await titles("wombat OR checklist"), ["Quokka month end checklist", "Wombat survey"]);
});

test("hostile text in posts is inert and only our <mark> survives", async () => {
  const c = await buildCommunity(db, { name: "Hostile Hall", slug: "hostile-hall" });
  await thread(c, {
    title: `Narwhal <script>alert("t")</script> title`,
    body: `narwhal <img src=x onerror="alert(1)"> and <mark>fake</mark> and \uE000forged\uE001 <script>alert(2)</script>`,
  });
  const page = await visitors.outsider.get("/search?q=narwhal&kind=discussions");
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.html, /<script>alert/);
  assert.doesNotMatch(page.html, /<img src=x/);
  assert.doesNotMatch(page.html, /<mark>fake<\/mark>/);
  assert.doesNotMatch(page.html, /<mark>forged/);
  assert.match(page.html, /<mark>Narwhal<\/mark>/);
  const response = await api("/api/v1/search?q=narwhal&kind=discussions", tokens.outsider);
  const body = (await response.json()) as { data: { snippet: { html: string; text: string } }[] };
  const html = body.data.map((hit) => hit.snippet.html).join(" ");
  assert.doesNotMatch(html, /<(?!\/?mark>)/, "no tag but <mark> in the API's html");
  assert.match(html, /<mark>narwhal<\/mark>/);
  // The parser itself: sentinels become ranges, everything else is escaped.
  const snippet = toSnippet("a \uE000b\uE001 <i>");
  assert.deepEqual(snippet, { text: "a b <i>", highlights: [[2, 3]] });
  assert.equal(snippetHtml(snippet), "a <mark>b</mark> &lt;i&gt;");
});

test("newer posts rank above equal older ones; newest sort orders by date", async () => {
  const c = await buildCommunity(db, { name: "Recency Room", slug: "recency-room" });
  const old = await thread(c, { title: "Pangolin tips", body: "pangolin", createdAt: daysAgo(400) });
  const fresh = await thread(c, { title: "Pangolin tips", body: "pangolin", createdAt: daysAgo(2) });
  const middle = await thread(c, { title: "Pangolin tips", body: "pangolin", createdAt: daysAgo(60) });
  for (const sort of ["relevance", "newest"]) {
    const response = await api(`/api/v1/search?q=pangolin&kind=discussions&sort=${sort}`, tokens.outsider);
    const body = (await response.json()) as { data: { id: string }[] };
    assert.deepEqual(
      body.data.map((hit) => hit.id),
      [fresh.id, middle.id, old.id],
      sort,
    );
  }
});

test("filters by kind and community, and pages through results", async () => {
  const c = await buildCommunity(db, { name: "Paging Parlour", slug: "paging-parlour" });
  for (let n = 0; n < 25; n++) await thread(c, { title: `Axolotl note ${n}`, createdAt: daysAgo(n) });
  await thread(open, { title: "Axolotl elsewhere" });
  const first = await api("/api/v1/search?q=axolotl&kind=discussions", tokens.outsider);
  const one = (await first.json()) as {
    data: unknown[];
    nextCursor: string | null;
    counts: { discussions: { total: number } };
  };
  assert.equal(one.data.length, 20);
  assert.equal(one.counts.discussions.total, 26);
  assert.ok(one.nextCursor);
  const second = (await (
    await api(`/api/v1/search?q=axolotl&kind=discussions&cursor=${one.nextCursor}`, tokens.outsider)
  ).json()) as { data: unknown[]; nextCursor: string | null };
  assert.equal(second.data.length, 6);
  assert.equal(second.nextCursor, null);
  assert.equal(
    (await api("/api/v1/search?q=axolotl&kind=discussions&cursor=junk", tokens.outsider)).status,
    422,
  );
  const only = (await (
    await api("/api/v1/search?q=axolotl&kind=discussions&community=paging-parlour", tokens.outsider)
  ).json()) as { counts: { discussions: { total: number }; people: null } };
  assert.equal(only.counts.discussions.total, 25);
  assert.equal(only.counts.people, null);

  const page1 = await visitors.outsider.get("/search?q=axolotl&kind=discussions");
  assert.match(page1.html, /26 discussion posts, page 1 of 2/);
  assert.match(page1.html, /href="\/search\?q=axolotl&amp;kind=discussions&amp;page=2"/);
  const page2 = await visitors.outsider.get("/search?q=axolotl&kind=discussions&page=2");
  assert.match(page2.html, /page 2 of 2/);
  assert.match(page2.html, /Previous page/);
  const all = await visitors.outsider.get("/search?q=axolotl");
  assert.match(all.html, /See all 26 discussion posts/);
  const filtered = await visitors.outsider.get("/search?q=axolotl&kind=discussions&community=open-ledger");
  assert.match(filtered.html, /Only in Open Ledger Circle/);
  assert.match(filtered.html, /<mark>Axolotl<\/mark> elsewhere/);
  assert.doesNotMatch(filtered.html, /Axolotl note/);
  const people = await visitors.outsider.get("/search?q=Mina&kind=people");
  assert.match(people.html, /Mina Member/);
  assert.doesNotMatch(people.html, /id="search-discussions"/);
  const junk = await visitors.outsider.get("/search?q=axolotl&kind=<script>&sort=drop&page=999");
  assert.equal(junk.status, 200, "bad values fall back to defaults");
});

test("no query explains the syntax; no results suggests what to try", async () => {
  const blank = await visitors.outsider.get("/search");
  assert.match(blank.html, /How to search/);
  assert.match(blank.html, /exact phrase/);
  assert.match(blank.html, /<label for="search-q">Search for<\/label>/);
  const none = await visitors.outsider.get("/search?q=qwxzzy&kind=discussions");
  assert.match(none.html, /Nothing matches “qwxzzy”/);
  assert.match(none.html, /fewer or more general words/);
  assert.match(none.html, /href="\/experts\?q=qwxzzy"/);
  assert.match(none.html, /search everything/);
  const emptyApi = (await (await api("/api/v1/search?q=", tokens.outsider)).json()) as { data: unknown[] };
  assert.deepEqual(emptyApi.data, []);
});

test("a search page runs a bounded number of queries, however many results", async () => {
  const count = async (path: string) => {
    const before = database.queryCount.value;
    assert.equal((await visitors.member.get(path)).status, 200);
    return database.queryCount.value - before;
  };
  const few = await count("/search?q=unlistedmarker");
  const many = await count("/search?q=zebrafinch");
  assert.equal(few, many, "no query per result");
  assert.ok(many <= 16, `${many} queries`);
});

// Resources and events: the same matrix, with the shared word "quetzal".
await buildResource(db, open.id, { title: "Quetzal handover resstaffmarker", ownerId: author.id });
await buildResource(db, open.id, { title: "Quetzal endorsed resendorsedmarker", status: "endorsed" });
await buildResource(db, open.id, {
  title: "Quetzal draft resdraftmarker",
  status: "draft",
  ownerId: member.id,
});
await buildResource(db, open.id, { title: "Quetzal old resarchivedmarker", status: "archived" });
await buildResource(db, closedDoors.id, { title: "Quetzal guild resmembersmarker" });
await buildResource(db, quiet.id, { title: "Quetzal backroom resunlistedmarker" });
await buildResource(db, null, { title: "Quetzal starter restoolkitmarker", kind: "guide" });
await buildEvent(db, open.id, { title: "Quetzal roundtable evstaffmarker" });
await buildEvent(db, closedDoors.id, { title: "Quetzal guild evmembersmarker" });
await buildEvent(db, closedDoors.id, { title: "Quetzal joint evcohostmarker", coHostIds: [open.id] });
await buildEvent(db, quiet.id, { title: "Quetzal backroom evunlistedmarker" });
await buildEvent(db, open.id, {
  title: "Quetzal called off evcancelledmarker",
  status: "cancelled",
  cancelledAt: new Date(),
});

const contentMarkers = [
  "resstaffmarker",
  "resendorsedmarker",
  "resdraftmarker",
  "resarchivedmarker",
  "resmembersmarker",
  "resunlistedmarker",
  "restoolkitmarker",
  "evstaffmarker",
  "evmembersmarker",
  "evcohostmarker",
  "evunlistedmarker",
  "evcancelledmarker",
] as const;
const everyone = [
  "resstaffmarker",
  "resendorsedmarker",
  "restoolkitmarker",
  "evstaffmarker",
  "evcohostmarker",
  "evcancelledmarker",
];
const contentExpected: Record<string, string[]> = {
  anonymous: [],
  outsider: everyone,
  member: [...everyone, "resmembersmarker", "resunlistedmarker", "evmembersmarker", "evunlistedmarker"],
  programme: everyone,
};

test("resources and events: searchers see only what they may read, in pages and the API", async () => {
  for (const [who, visitor] of Object.entries(visitors)) {
    const pages =
      (await visitor.get("/search?q=quetzal&kind=resources")).html +
      (await visitor.get("/search?q=quetzal&kind=events")).html;
    const response = await api("/api/v1/search?q=quetzal&kind=all", tokens[who as keyof typeof tokens]);
    assert.equal(response.status, 200, who);
    const json = JSON.stringify(await response.json());
    for (const marker of contentMarkers) {
      const shown = contentExpected[who]!.includes(marker);
      assert.equal(pages.includes(marker), shown, `${who} page ${shown ? "shows" : "hides"} ${marker}`);
      assert.equal(json.includes(marker), shown, `${who} API ${shown ? "shows" : "hides"} ${marker}`);
    }
  }
  for (const kind of ["resources", "events"]) {
    assert.equal((await api(`/api/v1/search?q=quetzal&kind=${kind}`)).status, 401, `${kind} needs a token`);
  }
});

test("resource and event results say what and where they are; a co-hosted event names a host you may read", async () => {
  const resources = await visitors.outsider.get("/search?q=quetzal&kind=resources");
  assert.match(resources.html, /Endorsed practice/);
  assert.match(resources.html, /in the <a href="\/toolkit">starter toolkit<\/a>/);
  assert.match(resources.html, /<mark>Quetzal<\/mark> handover/);
  assert.match(resources.html, /<h2 id="search-resources">Resources<\/h2>/);
  const events = await visitors.outsider.get("/search?q=quetzal&kind=events");
  assert.match(events.html, />Cancelled</);
  assert.match(events.html, /<time datetime=/);
  assert.doesNotMatch(events.html, /Closed Doors Guild/, "the members-only host is not named to outsiders");
  const body = (await (await api("/api/v1/search?q=evcohostmarker&kind=events", tokens.outsider)).json()) as {
    data: { type: string; community: { slug: string }; cancelled: boolean; url: string }[];
    counts: { events: { total: number } };
  };
  assert.equal(body.data.length, 1);
  assert.equal(body.data[0]!.type, "event");
  assert.equal(body.data[0]!.community.slug, "open-ledger");
  assert.match(body.data[0]!.url, /^\/events\//);
  const member = (await (await api("/api/v1/search?q=evcohostmarker&kind=events", tokens.member)).json()) as {
    data: { community: { slug: string } }[];
  };
  assert.equal(member.data[0]!.community.slug, "closed-doors", "members see the main host");
  // The community filter narrows both kinds; the starter toolkit belongs to no community.
  const only = (await (
    await api("/api/v1/search?q=quetzal&kind=all&community=open-ledger", tokens.member)
  ).json()) as { data: { title: string }[] };
  const titles = only.data.map((hit) => hit.title).join(" ");
  assert.match(titles, /resstaffmarker/);
  assert.match(titles, /evcohostmarker/);
  assert.doesNotMatch(titles, /restoolkitmarker|resmembersmarker|evmembersmarker/);
  const all = await visitors.member.get("/search?q=quetzal");
  for (const kind of ["resources", "events"])
    assert.match(all.html, new RegExp(`aria-labelledby="search-${kind}"`));
});

test("hostile text in resources and events is inert", async () => {
  const c = await buildCommunity(db, { name: "Hostile Annex", slug: "hostile-annex" });
  await buildResource(db, c.id, {
    title: `Okapi <script>alert("r")</script>`,
    summary: `okapi <img src=x onerror="alert(1)"> \uE000forged\uE001`,
  });
  await buildEvent(db, c.id, {
    title: `Okapi <script>alert("e")</script>`,
    description: "okapi <b>bold</b>",
  });
  for (const kind of ["resources", "events"]) {
    const page = await visitors.outsider.get(`/search?q=okapi&kind=${kind}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.html, /<script>alert/);
    assert.doesNotMatch(page.html, /<img src=x|<b>bold/);
    assert.doesNotMatch(page.html, /<mark>forged/);
    assert.match(page.html, /<mark>Okapi<\/mark>/);
  }
});
