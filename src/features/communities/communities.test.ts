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

// ---- Directory filters, hints and pagination (issue 4) ------------------------------------------

const slugsOn = (html: string) =>
  [...html.matchAll(/<h2><a href="\/communities\/([^"]+)">/g)].map((m) => m[1]);
const linkTo = (html: string, rel: "next" | "prev") =>
  new RegExp(`href="([^"]+)" rel="${rel}"`).exec(html)?.[1]?.replaceAll("&amp;", "&") ?? null;

test("the directory filters by practice area, stage and status; closed ones only when asked or searched", async () => {
  await buildCommunity(db, {
    name: "Dormant Den",
    slug: "dormant-den",
    stage: "grow",
    status: "dormant",
    practiceAreas: ["gardening"],
  });
  await buildCommunity(db, {
    name: "Closed Shop",
    slug: "closed-shop",
    status: "closed",
    practiceAreas: ["gardening"],
  });
  await buildCommunity(db, {
    name: "Invite Club",
    slug: "invite-club",
    joinPolicy: "invite",
    contentAccess: "members",
  });
  await buildCommunity(db, { name: "Request Room", slug: "request-room", joinPolicy: "request" });
  const visitor = new Visitor(app as never);

  const all = await visitor.get("/communities");
  assert.match(all.html, /Dormant Den/);
  assert.match(all.html, /community-status-dormant">Dormant</);
  assert.doesNotMatch(all.html, /Closed Shop/, "closed communities are left out by default");
  assert.match(all.html, /Invite only/);
  assert.match(all.html, /Members only/);
  assert.match(all.html, /Request to join/);

  const closed = await visitor.get("/communities?status=closed");
  assert.deepEqual(slugsOn(closed.html).sort(), ["closed-shop", "old-group"]);
  assert.match(closed.html, />Closed</);
  assert.match(
    (await visitor.get("/communities?q=closed+shop")).html,
    /Closed Shop/,
    "searching finds closed ones",
  );
  assert.deepEqual(slugsOn((await visitor.get("/communities?area=Gardening")).html), ["dormant-den"]);
  assert.deepEqual(slugsOn((await visitor.get("/communities?stage=grow")).html), ["dormant-den"]);
  assert.deepEqual(slugsOn((await visitor.get("/communities?status=dormant")).html), ["dormant-den"]);
  assert.deepEqual(slugsOn((await visitor.get("/communities?area=gardening&status=closed")).html), [
    "closed-shop",
  ]);
  // The filters are a plain GET form that htmx makes live.
  assert.match(all.html, /<form class="filters" method="get" action="\/communities" hx-get="\/communities"/);
  for (const name of ["q", "type", "area", "stage", "status", "sort"])
    assert.match(all.html, new RegExp(`name="${name}"`));
  assert.equal((await visitor.get("/communities?stage=nope&status=<x>&area=%00")).status, 200);
});

test("unlisted communities stay hidden from people who are only invited", async () => {
  const invitee = await buildPerson(db, { name: "Ines Invitee" });
  const hidden = await buildCommunity(db, {
    name: "Hidden Hollow",
    slug: "hidden-hollow",
    visibility: "unlisted",
  });
  await db
    .insert(memberships)
    .values({ communityId: hidden.id, personId: invitee.id, role: "core", state: "invited" });
  const visitor = await signedIn(invitee);
  assert.doesNotMatch((await visitor.get("/communities")).html, /Hidden Hollow/);
  assert.doesNotMatch((await visitor.get("/communities?mine=1")).html, /Hidden Hollow/);
});

test("every sort pages through a filtered list without gaps or repeats, forwards and back", async () => {
  const base = new Date("2025-01-01T00:00:00.000Z").getTime();
  for (let n = 0; n < 23; n++) {
    await buildCommunity(db, {
      name: `Bulk ${String(n % 7).padStart(2, "0")}`, // repeated names test the id tie-break
      slug: `bulk-${n}`,
      practiceAreas: ["bulk"],
      memberCount: n % 4,
      lastActivityAt: new Date(base + (n % 5) * 60_000),
      createdAt: new Date(base + (n % 6) * 1000),
    });
  }
  const visitor = new Visitor(app as never);
  for (const sort of ["activity", "newest", "size", "name"]) {
    const first = await visitor.get(`/communities?area=bulk&sort=${sort}`);
    const pageOne = slugsOn(first.html);
    assert.equal(pageOne.length, 18, sort);
    const next = linkTo(first.html, "next");
    assert.ok(next, `${sort} has a next page`);
    const second = await visitor.get(next);
    const pageTwo = slugsOn(second.html);
    const seen = [...pageOne, ...pageTwo];
    assert.equal(new Set(seen).size, 23, `${sort}: every community once`);
    assert.equal(seen.length, 23, sort);
    const back = linkTo(second.html, "prev");
    assert.ok(back);
    assert.deepEqual(
      slugsOn((await visitor.get(back)).html),
      pageOne,
      `${sort}: back to the same first page`,
    );
  }
  // The same through the API, three at a time.
  for (const sort of ["activity", "newest", "size", "name"]) {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await app.request(
        `/api/v1/communities?area=bulk&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ""}`,
      );
      assert.equal(response.status, 200);
      const page = (await response.json()) as { data: { slug: string }[]; nextCursor: string | null };
      seen.push(...page.data.map((c) => c.slug));
      cursor = page.nextCursor;
    } while (cursor);
    assert.equal(seen.length, 23, `API ${sort}`);
    assert.equal(new Set(seen).size, 23, `API ${sort}: no repeats`);
  }
});

test("the API filters like the page and shows a community's channels, stage and status", async () => {
  const get = async (path: string) => {
    const response = await app.request(path);
    return {
      status: response.status, // biome-ignore lint/suspicious/noExplicitAny: test reads of JSON answers.
      json: (await response.json()) as Record<string, any>,
    };
  };
  const closed = await get("/api/v1/communities?status=closed");
  assert.deepEqual(closed.json.data.map((c: { slug: string }) => c.slug).sort(), [
    "closed-shop",
    "old-group",
  ]);
  assert.deepEqual(
    (await get("/api/v1/communities?area=gardening&stage=grow")).json.data.map(
      (c: { slug: string }) => c.slug,
    ),
    ["dormant-den"],
  );
  assert.equal((await get("/api/v1/communities?stage=nope")).status, 422);
  assert.equal((await get("/api/v1/communities?status=proposed")).status, 422);
  const list = await get("/api/v1/communities?q=invite");
  assert.equal(list.json.data[0]?.contentAccess, "members");

  await db
    .update(communities)
    .set({
      mailingListUrl: "https://lists.example.org/payroll",
      chatUrl: "",
      websiteUrl: "https://payroll.example.org",
      contactEmail: "payroll@example.org",
      joiningQuestion: "What do you pay?",
      stageChangedAt: new Date("2025-02-01T00:00:00.000Z"),
    })
    .where(eq(communities.slug, "payroll-practitioners"));
  const one = await get("/api/v1/communities/payroll-practitioners");
  assert.equal(one.status, 200);
  assert.deepEqual(one.json.channels, {
    mailingList: "https://lists.example.org/payroll",
    chat: null,
    website: "https://payroll.example.org",
  });
  assert.equal(one.json.contactEmail, "payroll@example.org");
  assert.equal(one.json.joiningQuestion, "What do you pay?");
  assert.equal(one.json.stageChangedAt, "2025-02-01T00:00:00.000Z");
  assert.equal(one.json.status, "active");
  assert.equal(one.json.dormantSince, null);
  assert.equal(one.json.closedAt, null);
  assert.equal(one.json.closingNote, null);
  const shut = await get("/api/v1/communities/closed-shop");
  assert.equal(shut.json.status, "closed");
});
