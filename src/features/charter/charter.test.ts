import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { notifications } from "../notifications/tables.js";
import { displayPrefix, hashToken, newTokenSecret } from "../tokens/secret.js";
import { apiTokens } from "../tokens/tables.js";
import { starterCharter } from "./inputs.js";
import { CharterConflict, saveCharter } from "./service.js";
import { charterVersions } from "./tables.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const secondConvenor = await buildPerson(db, { name: "Sid Second" });
const core = await buildPerson(db, { name: "Kofi Core" });
const member = await buildPerson(db, { name: "Mina Member" });
const outsider = await buildPerson(db, { name: "Olly Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  contentAccess: "members",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: secondConvenor.id, role: "convenor" },
    { personId: core.id, role: "core" },
    { personId: member.id, role: "member" },
  ],
});
const closed = await buildCommunity(db, {
  name: "Old Group",
  slug: "old-group",
  status: "closed",
  members: [{ personId: convenor.id, role: "convenor" }],
});

// Sign-in is rate-limited per client address, so each person signs in once and the session is reused.
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

async function tokenFor(person: { id: string }) {
  const secret = newTokenSecret();
  await db.insert(apiTokens).values({
    personId: person.id,
    name: "test",
    tokenHash: hashToken(secret),
    prefix: displayPrefix(secret),
  });
  return secret;
}

const api = (path: string, token: string | null, init: { method?: string; body?: unknown } = {}) =>
  app.request(path, {
    method: init.method ?? "GET",
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(init.body ? { "content-type": "application/json" } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });

const fields = (overrides: Record<string, string> = {}) => ({
  mission: "We help each other get people paid on time.",
  membershipCriteria: "Anyone who works on payroll.",
  codeOfConduct: "Be kind. Keep payslips confidential.",
  tools: "Convene and the mailing list.",
  meetingRhythm: "Monthly, on the first Tuesday",
  decisionProcess: "consensus",
  decisionNotes: "",
  summary: "First version",
  ...overrides,
});

test("with no charter, the tab says so; editors are offered a starter template", async () => {
  const anonymous = new Visitor(app as never);
  const empty = await anonymous.get("/communities/payroll/charter");
  assert.equal(empty.status, 200);
  assert.match(empty.html, /has no charter yet/);
  assert.doesNotMatch(empty.html, /Write the charter/);

  const visitor = await signedIn(core);
  const page = await visitor.get("/communities/payroll/charter");
  assert.match(page.html, /href="\/communities\/payroll\/charter\/edit"[^>]*>\s*Write the charter/);
  const editor = await visitor.get("/communities/payroll/charter/edit");
  assert.equal(editor.status, 200);
  assert.match(editor.html, /Be kind and respectful/, "the starter code of conduct is prefilled");
  assert.match(editor.html, /name="baseVersion" value="0"/);
});

test("who may edit: convenors, core and the programme team; not members, outsiders, visitors or closed communities", async () => {
  for (const person of [member, outsider]) {
    const visitor = await signedIn(person);
    const page = await visitor.get("/communities/payroll/charter/edit");
    assert.equal(page.status, 403, person.name);
    assert.match(page.html, /Only the convenors and core team/);
    const post = await visitor.post("/communities/payroll/charter/edit", fields());
    assert.equal(post.status, 403);
  }
  const anonymous = new Visitor(app as never);
  assert.notEqual((await anonymous.get("/communities/payroll/charter/edit")).status, 200);
  const closedPage = await (await signedIn(convenor)).get("/communities/old-group/charter/edit");
  assert.equal(closedPage.status, 403);
  assert.match(closedPage.html, /has closed/);
  assert.equal((await (await signedIn(programme)).get("/communities/payroll/charter/edit")).status, 200);
  assert.equal((await (await signedIn(convenor)).get("/communities/payroll/charter/edit")).status, 200);
  assert.equal((await db.select().from(charterVersions)).length, 0, "nothing was saved by refusals");
  void closed;
});

test("bad input is refused with the text kept", async () => {
  const visitor = await signedIn(convenor);
  const response = await visitor.post(
    "/communities/payroll/charter/edit",
    fields({ mission: "", summary: "", tools: "Keep <this> text", baseVersion: "0" }),
  );
  assert.equal(response.status, 422);
  assert.match(response.html, /Write the mission statement/);
  assert.match(response.html, /Say briefly what you changed/);
  assert.match(response.html, /Keep &lt;this&gt; text/);
});

test("every save is a new version with its author, activity and a note to the other convenors", async () => {
  const visitor = await signedIn(convenor);
  const first = await visitor.post("/communities/payroll/charter/edit", { ...fields(), baseVersion: "0" });
  assert.equal(first.status, 303);
  const editor = await signedIn(core);
  const form = await editor.get("/communities/payroll/charter/edit");
  assert.match(form.html, /name="baseVersion" value="1"/);
  const second = await editor.post("/communities/payroll/charter/edit", {
    ...fields({ meetingRhythm: "Weekly, on Thursdays", summary: "We meet weekly now" }),
    baseVersion: "1",
  });
  assert.equal(second.status, 303);
  const rows = await db
    .select()
    .from(charterVersions)
    .where(eq(charterVersions.communityId, community.id))
    .orderBy(charterVersions.version);
  assert.deepEqual(
    rows.map((r) => [r.version, r.authorId, r.summary]),
    [
      [1, convenor.id, "First version"],
      [2, core.id, "We meet weekly now"],
    ],
  );
  const events = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "charter.updated"), eq(activityEvents.communityId, community.id)));
  assert.deepEqual(
    events.map((e) => e.data?.version),
    [1, 2],
  );
  const told = await db.select().from(notifications).where(eq(notifications.personId, secondConvenor.id));
  assert.ok(told.length >= 1, "the other convenor hears about it");
  const toldEditor = await db.select().from(notifications).where(eq(notifications.personId, core.id));
  assert.equal(toldEditor.length, 0, "the editor is not told about their own change");

  const page = await visitor.get("/communities/payroll/charter");
  assert.match(page.html, /Version 2/);
  assert.match(page.html, /Changed by <a href="\/people\/[^"]+">Kofi Core<\/a> on <time datetime=/);
  assert.match(page.html, /Weekly, on Thursdays/);
});

test("a stale base version gets 409, keeps the text and names the newer version", async () => {
  const visitor = await signedIn(secondConvenor);
  const response = await visitor.post("/communities/payroll/charter/edit", {
    ...fields({ mission: "My own careful rewrite of the mission", summary: "Rewrote the mission" }),
    baseVersion: "1",
  });
  assert.equal(response.status, 409);
  assert.match(response.html, /Someone else saved the charter while you were editing/);
  assert.match(response.html, /Kofi Core<\/a> saved version 2/);
  assert.match(response.html, /We meet weekly now/);
  assert.match(response.html, /My own careful rewrite of the mission/, "their text is kept");
  assert.match(response.html, /name="baseVersion" value="2"/, "the next save starts from version 2");
  const count = await db.select().from(charterVersions).where(eq(charterVersions.communityId, community.id));
  assert.equal(count.length, 2, "nothing was overwritten");
});

test("two saves racing for the same number: one wins, the other is told", async () => {
  const actor = await actorFor(db, convenor.id);
  const other = await actorFor(db, core.id);
  const input = { ...fields(), decisionProcess: "vote" as const, baseVersion: undefined };
  const results = await Promise.allSettled([
    saveCharter(db, actor, community, { ...input, summary: "Race A" }),
    saveCharter(db, other, community, { ...input, summary: "Race B" }),
  ]);
  const fulfilled = results.filter((r) => r.status === "fulfilled");
  assert.ok(fulfilled.length >= 1);
  for (const result of results) {
    if (result.status === "rejected") assert.ok(result.reason instanceof CharterConflict);
  }
  const versions = (
    await db.select().from(charterVersions).where(eq(charterVersions.communityId, community.id))
  ).map((r) => r.version);
  assert.equal(new Set(versions).size, versions.length, "no version number is used twice");
});

test("history lists who changed what and when; a version shows a word-level diff", async () => {
  const visitor = await signedIn(member);
  const history = await visitor.get("/communities/payroll/charter/history");
  assert.equal(history.status, 200);
  assert.match(history.html, /Version 2/);
  assert.match(history.html, /Kofi Core/);
  assert.match(history.html, /We meet weekly now/);
  assert.match(history.html, /<time datetime="\d{4}-/);
  assert.ok(history.html.indexOf("Version 2") < history.html.indexOf("Version 1<"), "newest first");

  const version = await visitor.get("/communities/payroll/charter/versions/2");
  assert.equal(version.status, 200);
  assert.match(version.html, /What changed from version 1/);
  assert.match(version.html, /<del><span class="visually-hidden">\[removed: <\/span>Monthly/);
  assert.match(version.html, /<ins><span class="visually-hidden">\[added: <\/span>Weekly/);
  assert.match(version.html, /Struck-through text/, "a legend explains the marks");
  const first = await visitor.get("/communities/payroll/charter/versions/1");
  assert.match(first.html, /The first version/);
  assert.equal((await visitor.get("/communities/payroll/charter/versions/99")).status, 404);
  assert.equal((await visitor.get("/communities/payroll/charter/versions/abc")).status, 404);
});

test("the charter is readable by non-members of a members-only community, and by visitors", async () => {
  const visitor = await signedIn(outsider);
  const page = await visitor.get("/communities/payroll/charter");
  assert.equal(page.status, 200);
  assert.match(page.html, /Keep payslips confidential/);
  assert.doesNotMatch(page.html, /Edit the charter/);
  const anonymous = new Visitor(app as never);
  assert.equal((await anonymous.get("/communities/payroll/charter")).status, 200);
});

test("hostile markdown and HTML in every field render inert", async () => {
  const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)> [click](javascript:alert(1))';
  const target = await buildCommunity(db, {
    name: "Hostile Test",
    slug: "hostile",
    members: [{ personId: convenor.id, role: "convenor" }],
  });
  const visitor = await signedIn(convenor);
  const saved = await visitor.post("/communities/hostile/charter/edit", {
    mission: `Mission ${hostile}`,
    membershipCriteria: hostile,
    codeOfConduct: `Conduct ${hostile}`,
    tools: hostile,
    meetingRhythm: hostile,
    decisionProcess: "lead",
    decisionNotes: hostile,
    summary: `Summary <script>alert(2)</script>`,
    baseVersion: "0",
  });
  assert.equal(saved.status, 303);
  await visitor.post("/communities/hostile/charter/edit", {
    ...fields({ summary: `Again <b onmouseover=alert(3)>x</b>` }),
    baseVersion: "1",
  });
  for (const path of ["charter", "charter/history", "charter/versions/1", "charter/versions/2"]) {
    const page = await visitor.get(`/communities/hostile/${path}`);
    assert.equal(page.status, 200, path);
    assert.doesNotMatch(page.html, /<script>alert/, path);
    assert.doesNotMatch(page.html, /<img[^>]*onerror/i, path);
    assert.doesNotMatch(page.html, /href="javascript:/i, path);
    assert.doesNotMatch(page.html, /<b onmouseover/i, path);
  }
  void target;
});

test("API: read, save with baseVersion, 409 on conflict, versions list and one version", async () => {
  const token = await tokenFor(core);
  const current = await api("/api/v1/communities/payroll/charter", null);
  assert.equal(current.status, 200);
  const body = (await current.json()) as { version: number; author: { name: string } | null };
  assert.ok(body.version >= 2);
  const none = await api("/api/v1/communities/old-group/charter", null);
  assert.equal(none.status, 404);
  assert.match(none.headers.get("content-type") ?? "", /problem\+json/);

  const put = await api("/api/v1/communities/payroll/charter", token, {
    method: "PUT",
    body: { ...fields({ summary: "From the API" }), baseVersion: body.version },
  });
  assert.equal(put.status, 200);
  const saved = (await put.json()) as { version: number; author: { name: string } };
  assert.equal(saved.version, body.version + 1);
  assert.equal(saved.author.name, "Kofi Core");

  const stale = await api("/api/v1/communities/payroll/charter", token, {
    method: "PUT",
    body: { ...fields({ summary: "Stale" }), baseVersion: body.version },
  });
  assert.equal(stale.status, 409);
  assert.equal(((await stale.json()) as { code: string }).code, "charter_conflict");

  const invalid = await api("/api/v1/communities/payroll/charter", token, {
    method: "PUT",
    body: { ...fields({ mission: "" }) },
  });
  assert.equal(invalid.status, 422);

  const memberToken = await tokenFor(member);
  const refused = await api("/api/v1/communities/payroll/charter", memberToken, {
    method: "PUT",
    body: fields(),
  });
  assert.equal(refused.status, 403);
  assert.equal(
    (await api("/api/v1/communities/payroll/charter", null, { method: "PUT", body: fields() })).status,
    401,
  );

  const list = await api("/api/v1/communities/payroll/charter/versions?limit=2", null);
  assert.equal(list.status, 200);
  const page = (await list.json()) as { data: { version: number }[]; nextCursor: string | null };
  assert.equal(page.data.length, 2);
  assert.ok(page.data[0]!.version > page.data[1]!.version, "newest first");
  assert.ok(page.nextCursor);
  const next = await api(
    `/api/v1/communities/payroll/charter/versions?limit=2&cursor=${page.nextCursor}`,
    null,
  );
  const nextPage = (await next.json()) as { data: { version: number }[] };
  assert.ok(nextPage.data.every((v) => v.version < page.data[1]!.version));

  const one = await api("/api/v1/communities/payroll/charter/versions/1", null);
  assert.equal(one.status, 200);
  assert.equal(((await one.json()) as { version: number }).version, 1);
  assert.equal((await api("/api/v1/communities/payroll/charter/versions/999", null)).status, 404);

  const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
  for (const path of [
    "/api/v1/communities/{slug}/charter",
    "/api/v1/communities/{slug}/charter/versions",
    "/api/v1/communities/{slug}/charter/versions/{version}",
  ]) {
    assert.ok(
      Object.keys(doc.paths).some((p) => p.endsWith(path.replace("/api/v1", ""))),
      path,
    );
  }
});

test("the starter template is our own and complete", () => {
  assert.ok(starterCharter.codeOfConduct.length > 100);
  assert.equal(starterCharter.decisionProcess, "consensus");
});
