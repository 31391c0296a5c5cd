import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { buildResource } from "../../../test/support/resource-factories.js";
import { activityEvents } from "../../platform/activity.js";
import { createToken } from "../tokens/service.js";
import { addMonths } from "./inputs.js";
import { resourceRevisions, resources } from "./tables.js";

const { app, db } = await createTestApp();

const core = await buildPerson(db, { name: "Cora Core" });
const member = await buildPerson(db, { name: "Mo Member" });
const convenor = await buildPerson(db, { name: "Cara Convenor" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [
    { personId: core.id, role: "core" },
    { personId: member.id },
    { personId: convenor.id, role: "convenor" },
  ],
});
const wellbeing = await buildCommunity(db, {
  name: "Staff Wellbeing",
  slug: "wellbeing",
  contentAccess: "members",
  members: [{ personId: member.id }, { personId: convenor.id, role: "convenor" }],
});
const closed = await buildCommunity(db, {
  name: "Old Group",
  slug: "old-group",
  status: "closed",
  members: [{ personId: member.id }],
});

const sessions = new Map<string, Visitor>();
async function as(person: { email: string }) {
  const known = sessions.get(person.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${person.email}`);
  sessions.set(person.email, visitor);
  return visitor;
}

async function tokenFor(who: { id: string }) {
  return (await createToken(db, await actorFor(db, who.id), { name: "resources" })).secret;
}

async function call(path: string, options: { token?: string; method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const response = await app.request(`/api/v1${path}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    // biome-ignore lint/suspicious/noExplicitAny: test reads loose JSON.
    json: (text ? JSON.parse(text) : null) as any,
  };
}

const fields = (overrides: Record<string, string> = {}) => ({
  kind: "tip_sheet",
  title: "Closing the month in five days",
  summary: "The order we do things in, and why.",
  body: "1. Accruals first.\n2. Then **reconcile** the bank.",
  externalUrl: "",
  tags: "Month end, Checklists",
  reviewBy: "",
  note: "",
  intent: "publish",
  ...overrides,
});

async function write(who: { email: string }, overrides: Record<string, string> = {}, slug = "payroll") {
  const response = await (await as(who)).post(`/communities/${slug}/resources/new`, fields(overrides));
  assert.equal(response.status, 303, response.html.slice(0, 2000));
  const id = /\/resources\/([0-9a-f-]{36})$/.exec(response.location ?? "")?.[1];
  assert.ok(id, `redirected to the resource: ${response.location}`);
  return id;
}

const rowOf = async (id: string) => (await db.select().from(resources).where(eq(resources.id, id)))[0]!;

test("a core member writes and publishes a tip-sheet: revision 1, a review date a year on, activity", async () => {
  const form = await (await as(core)).get("/communities/payroll/resources/new");
  assert.equal(form.status, 200);
  assert.match(form.html, /Save as draft/);
  assert.match(form.html, /name="kind"/);

  const id = await write(core, { note: "From the March workshop" });
  const row = await rowOf(id);
  assert.equal(row.status, "published");
  assert.equal(row.ownerId, core.id);
  assert.deepEqual(row.tags, ["month end", "checklists"]);
  assert.ok(row.publishedAt);
  assert.equal(row.reviewBy, addMonths(new Date().toISOString().slice(0, 10), 12));
  const revisions = await db.select().from(resourceRevisions).where(eq(resourceRevisions.resourceId, id));
  assert.equal(revisions.length, 1);
  assert.equal(revisions[0]!.note, "From the March workshop");
  const verbs = (await db.select().from(activityEvents).where(eq(activityEvents.objectId, id))).map(
    (e) => e.verb,
  );
  assert.deepEqual(verbs.sort(), ["resource.created", "resource.published"]);

  const page = await (await as(member)).get(`/resources/${id}`);
  assert.equal(page.status, 200);
  assert.match(
    page.html,
    /<title>Closing the month in five days – Payroll Practitioners – Northfield University – Convene<\/title>/,
  );
  assert.match(page.html, /<strong>reconcile<\/strong>/);
  assert.match(page.html, /Published/);
  assert.match(page.html, /Cora Core/);
  assert.equal(page.html.match(/<h1[ >]/g)?.length, 1, "one h1");
  assert.doesNotMatch(page.html, /Due for review/);
  // A member may edit, but not endorse or archive someone else's resource.
  assert.match(page.html, new RegExp(`href="/resources/${id}/edit"`));
  assert.doesNotMatch(page.html, /Endorse as agreed good practice/);
  assert.doesNotMatch(page.html, /Archive this resource/);
});

test("a draft is seen only by its owner, the community's leads and the programme team", async () => {
  const id = await write(member, { intent: "draft", title: "Half-finished thoughts on payslips" });
  const row = await rowOf(id);
  assert.equal(row.status, "draft");
  assert.equal(row.publishedAt, null);
  assert.equal(row.reviewBy, null);
  for (const who of [member, convenor, core, programme])
    assert.equal((await (await as(who)).get(`/resources/${id}`)).status, 200);
  assert.equal((await (await as(outsider)).get(`/resources/${id}`)).status, 404);
  const other = await buildPerson(db);
  assert.equal((await (await as(other)).get(`/resources/${id}/history`)).status, 404);
  assert.equal((await call(`/resources/${id}`, { token: await tokenFor(outsider) })).status, 404);
  // The owner publishes it: a review date appears.
  const published = await (await as(member)).post(`/resources/${id}/status`, { action: "publish" });
  assert.equal(published.status, 303);
  assert.equal((await rowOf(id)).status, "published");
  assert.ok((await rowOf(id)).reviewBy);
  assert.equal((await (await as(outsider)).get(`/resources/${id}`)).status, 200);
});

test("who may write: members and the programme team; not outsiders, not in a closed community", async () => {
  assert.equal((await (await as(outsider)).get("/communities/payroll/resources/new")).status, 403);
  assert.equal((await (await as(outsider)).post("/communities/payroll/resources/new", fields())).status, 403);
  assert.equal((await (await as(programme)).get("/communities/payroll/resources/new")).status, 200);
  assert.equal((await (await as(member)).get("/communities/old-group/resources/new")).status, 403);
  const anonymous = new Visitor(app as never);
  const refused = await anonymous.get("/communities/payroll/resources/new");
  assert.ok([302, 303, 401].includes(refused.status), `anonymous: ${refused.status}`);
  assert.equal((await (await as(member)).get("/communities/no-such-place/resources/new")).status, 404);
  void closed;
});

test("a members-only community's resources are for its members", async () => {
  const id = await write(member, { title: "Quiet rooms on each campus" }, "wellbeing");
  assert.equal((await (await as(member)).get(`/resources/${id}`)).status, 200);
  assert.equal((await (await as(outsider)).get(`/resources/${id}`)).status, 403);
  assert.equal((await (await as(outsider)).get(`/resources/${id}/history`)).status, 403);
  assert.equal((await call(`/resources/${id}`, { token: await tokenFor(outsider) })).status, 403);
  assert.equal((await call(`/resources/${id}`, { token: await tokenFor(member) })).status, 200);
  void wellbeing;
});

test("422 keeps what was typed: missing title, a link without https, a body-less guide, a bad date", async () => {
  const visitor = await as(core);
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ title: "" }, "title", /Enter a title/],
    [
      { kind: "link", body: "", externalUrl: "http://example.org/x" },
      "externalUrl",
      /starting with https:\/\//,
    ],
    [{ kind: "link", body: "", externalUrl: "" }, "externalUrl", /address of the page/],
    [{ kind: "guide", body: "", externalUrl: "" }, "body", /Write the text, or give a link/],
    [{ reviewBy: "2027-02-30" }, "reviewBy", /real date/],
    [{ reviewBy: "2001-01-01" }, "reviewBy", /after today/],
    [{ title: "x".repeat(151) }, "title", /150 characters or fewer/],
    [{ tags: Array.from({ length: 11 }, (_, i) => `t${i}`).join(",") }, "tags", /at most 10 tags/],
    [{ kind: "poster" }, "kind", /Choose what kind/],
  ];
  for (const [overrides, field, message] of cases) {
    const response = await visitor.post(
      "/communities/payroll/resources/new",
      fields({ summary: "Kept summary ✓", ...overrides }),
    );
    assert.equal(response.status, 422, `${field}: ${JSON.stringify(overrides)}`);
    assert.match(response.html, message);
    assert.match(response.html, /Kept summary ✓/);
    assert.match(response.html, new RegExp(`href="#field-${field}"`));
  }
});

test("the preview works without JavaScript, and hostile text is inert", async () => {
  const visitor = await as(core);
  const hostile =
    '<script>alert("x")</script><img src=x onerror=alert(1)> [click](javascript:alert(1)) **bold** ‮odd';
  const preview = await visitor.post(
    "/communities/payroll/resources/new",
    fields({ body: hostile, action: "preview" }),
  );
  assert.equal(preview.status, 200);
  assert.match(preview.html, /<h2 class="resource-preview-heading">Preview<\/h2>/);
  assert.match(preview.html, /<strong>bold<\/strong>/);
  assert.doesNotMatch(preview.html, /<script>alert/);
  assert.doesNotMatch(preview.html, /<img[^>]*onerror/);
  assert.doesNotMatch(preview.html, /<a [^>]*href="javascript:/);
  assert.equal(
    await db.$count(resources, eq(resources.title, "Closing the month in five days")),
    1,
    "preview saves nothing",
  );

  const fragment = await visitor.post("/resources/preview", { body: "## Hello" });
  assert.equal(fragment.status, 200);
  assert.match(fragment.html, /<h3>Hello<\/h3>/);

  const id = await write(core, {
    title: `<script>alert(1)</script> ${"long ".repeat(20)}`.slice(0, 150),
    body: hostile,
    tags: "<b>x</b>",
  });
  const page = await visitor.get(`/resources/${id}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.html, /<script>alert/);
  assert.doesNotMatch(page.html, /<b>x<\/b>/);
  assert.doesNotMatch(page.html, /<img[^>]*onerror/);
});

test("a link resource shows its address; bad ids and numbers are 404, never 500", async () => {
  const id = await write(core, {
    kind: "link",
    title: "HMRC payroll guidance",
    body: "",
    externalUrl: "https://www.gov.uk/paye",
  });
  const page = await (await as(member)).get(`/resources/${id}`);
  assert.match(page.html, /href="https:\/\/www.gov.uk\/paye"/);
  const visitor = await as(member);
  for (const path of [
    "/resources/not-an-id",
    "/resources/01931c1e-7b6c-7d45-9a5e-2f3b4c5d6e7f",
    "/resources/01931c1e-7b6c-7d45-9a5e-2f3b4c5d6e7f/edit",
    `/resources/${id}/compare?from=1&to=99`,
    `/resources/${id}/compare?from=abc&to=1`,
    `/resources/${id}/compare`,
    `/resources/${id}/revisions/abc/restore`,
    `/resources/${id}/revisions/99/restore`,
  ])
    assert.equal((await visitor.get(path)).status, 404, path);
  const token = await tokenFor(member);
  assert.equal((await call("/resources/nope", { token })).status, 404);
  assert.equal((await call(`/resources/${id}/revisions/42`, { token })).status, 404);
  assert.equal((await call(`/resources/${id}/revisions/x`, { token })).status, 422);
});

test("a starter toolkit item has its own page under the starter toolkit", async () => {
  const item = await buildResource(db, null, {
    title: "Your first meeting, hour by hour",
    ownerId: programme.id,
  });
  const page = await (await as(member)).get(`/resources/${item.id}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /href="\/toolkit"[^>]*>Starter toolkit/);
  assert.equal(page.html.match(/<h1[ >]/g)?.length, 1, "one h1");
  assert.doesNotMatch(
    page.html,
    new RegExp(`href="/resources/${item.id}/edit"`),
    "members cannot edit the toolkit",
  );
  const asProgramme = await (await as(programme)).get(`/resources/${item.id}`);
  assert.match(asProgramme.html, new RegExp(`href="/resources/${item.id}/edit"`));
});

test("API: create, read, revise with baseRevision and a 409 on conflict, revisions, restore", async () => {
  const token = await tokenFor(core);
  const created = await call("/communities/payroll/resources", {
    token,
    method: "POST",
    body: {
      kind: "guide",
      title: "Payroll year end",
      body: "Start in January.",
      tags: ["Year End"],
      publish: true,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const id = created.json.id;
  assert.equal(created.json.status, "published");
  assert.equal(created.json.revision, 1);
  assert.deepEqual(created.json.tags, ["year end"]);
  assert.equal(created.json.owner.name, "Cora Core");
  assert.equal(created.json.dueForReview, false);

  const bad = await call("/communities/payroll/resources", {
    token,
    method: "POST",
    body: { kind: "link", title: "No link" },
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.json.errors[0].field, "externalUrl");
  assert.equal((await call("/communities/payroll/resources", { method: "POST", body: {} })).status, 401);
  assert.equal(
    (
      await call("/communities/payroll/resources", {
        token: await tokenFor(outsider),
        method: "POST",
        body: { kind: "guide", title: "x y z", body: "b" },
      })
    ).status,
    403,
  );

  const edited = await call(`/resources/${id}`, {
    token: await tokenFor(member),
    method: "PATCH",
    body: { baseRevision: 1, note: "Added February", body: "Start in January. Check in February." },
  });
  assert.equal(edited.status, 200, JSON.stringify(edited.json));
  assert.equal(edited.json.revision, 2);
  assert.equal(edited.json.title, "Payroll year end");
  assert.equal(edited.json.lastEditedBy.name, "Mo Member");

  const stale = await call(`/resources/${id}`, {
    token,
    method: "PATCH",
    body: { baseRevision: 1, note: "Mine", body: "Overwrite?" },
  });
  assert.equal(stale.status, 409);
  assert.match(stale.type ?? "", /application\/problem\+json/);
  assert.equal(stale.json.currentRevision, 2);
  assert.equal(stale.json.code, "resource_conflict");
  assert.equal((await rowOf(id)).body, "Start in January. Check in February.", "nothing overwritten");

  const missingBase = await call(`/resources/${id}`, { token, method: "PATCH", body: { note: "x" } });
  assert.equal(missingBase.status, 422);

  const list = await call(`/resources/${id}/revisions?limit=1`, { token });
  assert.equal(list.status, 200);
  assert.equal(list.json.data[0].number, 2);
  assert.ok(list.json.nextCursor);
  const next = await call(`/resources/${id}/revisions?limit=1&cursor=${list.json.nextCursor}`, { token });
  assert.equal(next.json.data[0].number, 1);
  assert.equal((await call(`/resources/${id}/revisions?cursor=garbage`, { token })).status, 422);

  const one = await call(`/resources/${id}/revisions/1`, { token });
  assert.equal(one.json.body, "Start in January.");
  const restored = await call(`/resources/${id}/revisions/1/restore`, { token, method: "POST" });
  assert.equal(restored.status, 200);
  assert.equal(restored.json.revision, 3);
  assert.equal(restored.json.body, "Start in January.");
  const three = await call(`/resources/${id}/revisions/3`, { token });
  assert.equal(three.json.restoredFrom, 1);
  assert.equal((await call(`/resources/${id}/revisions/3/restore`, { token, method: "POST" })).status, 409);
});

test("API: status changes and reviews, by who may make them", async () => {
  const id = (await buildResource(db, payroll.id, { ownerId: core.id, title: "Handover notes" })).id;
  const memberToken = await tokenFor(member);
  const convenorToken = await tokenFor(convenor);
  const status = (token: string, action: string) =>
    call(`/resources/${id}/status`, { token, method: "POST", body: { action } });
  assert.equal((await status(memberToken, "endorse")).status, 403);
  assert.equal((await status(memberToken, "archive")).status, 403);
  assert.equal((await status(memberToken, "dance")).status, 422);
  const endorsed = await status(convenorToken, "endorse");
  assert.equal(endorsed.status, 200);
  assert.equal(endorsed.json.status, "endorsed");
  assert.equal(endorsed.json.endorsedBy.name, "Cara Convenor");
  assert.equal((await status(convenorToken, "endorse")).status, 409);
  assert.equal(
    (await status(await tokenFor(programme), "unendorse")).status,
    403,
    "programme team does not endorse for a community",
  );
  const reviewed = await call(`/resources/${id}/review`, {
    token: await tokenFor(core),
    method: "POST",
    body: { reviewBy: "2099-01-31" },
  });
  assert.equal(reviewed.status, 200);
  assert.equal(reviewed.json.reviewBy, "2099-01-31");
  assert.equal(reviewed.json.reviewedBy.name, "Cora Core");
  assert.equal(
    (await call(`/resources/${id}/review`, { token: memberToken, method: "POST", body: {} })).status,
    403,
  );
  const archived = await status(convenorToken, "archive");
  assert.equal(archived.json.status, "archived");
  assert.equal(archived.json.endorsedAt, null);
  assert.equal((await status(convenorToken, "unarchive")).json.status, "published");
  const activity = await db
    .select({ verb: activityEvents.verb })
    .from(activityEvents)
    .where(and(eq(activityEvents.objectId, id)));
  assert.deepEqual(activity.map((a) => a.verb).sort(), [
    "resource.archived",
    "resource.endorsed",
    "resource.reviewed",
    "resource.unarchived",
  ]);
});

test("the resource routes are in the OpenAPI document, under Resources, and it still validates", async () => {
  const { Validator } = await import("@seriousme/openapi-schema-validator");
  const spec = await (await app.request("/api/openapi.json")).json();
  const result = await new Validator().validate(spec);
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  const expected: [string, string][] = [
    ["/communities/{slug}/resources", "post"],
    ["/resources/{id}", "get"],
    ["/resources/{id}", "patch"],
    ["/resources/{id}/revisions", "get"],
    ["/resources/{id}/revisions/{number}", "get"],
    ["/resources/{id}/revisions/{number}/restore", "post"],
    ["/resources/{id}/status", "post"],
    ["/resources/{id}/review", "post"],
    ["/communities/{slug}/resources/due", "get"],
  ];
  for (const [path, method] of expected) {
    const operation = spec.paths[`/api/v1${path}`]?.[method];
    assert.ok(operation, `${method} ${path} is documented`);
    assert.deepEqual(operation.tags, ["Resources"]);
  }
  assert.ok(spec.paths["/api/v1/resources/{id}"].patch.responses["409"]);
});
