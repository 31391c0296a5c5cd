import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { auditLog } from "../../platform/audit.js";
import { displayPrefix, hashToken, newTokenSecret } from "../tokens/secret.js";
import { apiTokens } from "../tokens/tables.js";
import { communities } from "./tables.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const core = await buildPerson(db, { name: "Kofi Core" });
const outsider = await buildPerson(db, { name: "Olly Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const community = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  practiceAreas: ["payroll"],
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: core.id, role: "core" },
  ],
});
await buildCommunity(db, {
  name: "Old Group",
  slug: "old-group",
  status: "closed",
  members: [{ personId: convenor.id, role: "convenor" }],
});

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

const patch = (slug: string, token: string | null, body: unknown) =>
  app.request(`/api/v1/communities/${slug}`, {
    method: "PATCH",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });

const settings = (overrides: Record<string, string> = {}) => ({
  name: "Payroll Practitioners",
  tagline: "Getting people paid",
  description: "We compare month-end checklists.",
  type: "professional",
  practiceAreas: "payroll, pensions",
  joinPolicy: "request",
  joiningQuestion: "What would you like to learn?",
  visibility: "listed",
  contentAccess: "members",
  mailingListUrl: "https://lists.example.org/payroll",
  chatUrl: "https://chat.example.org/payroll",
  websiteUrl: "",
  contactEmail: "payroll@example.org",
  ...overrides,
});

test("only convenors and the programme team reach settings; closed communities are read-only", async () => {
  const anonymous = new Visitor(app as never);
  assert.notEqual((await anonymous.get("/communities/payroll/settings")).status, 200);
  for (const person of [core, outsider]) {
    const visitor = await signedIn(person);
    const page = await visitor.get("/communities/payroll/settings");
    assert.equal(page.status, 403, person.name);
    assert.match(page.html, /Only the convenors/);
    assert.equal((await visitor.post("/communities/payroll/settings", settings())).status, 403);
  }
  const closed = await (await signedIn(convenor)).get("/communities/old-group/settings");
  assert.equal(closed.status, 403);
  assert.match(closed.html, /has closed/);
  const page = await (await signedIn(convenor)).get("/communities/payroll/settings");
  assert.equal(page.status, 200);
  assert.match(page.html, /value="Payroll Practitioners"/);
  assert.doesNotMatch(page.html, /name="slug"/, "the web address is not editable here");
});

test("bad addresses and emails are refused beside the field, with the values kept", async () => {
  const visitor = await signedIn(convenor);
  const response = await visitor.post(
    "/communities/payroll/settings",
    settings({
      mailingListUrl: "javascript:alert(1)",
      chatUrl: "not a link",
      websiteUrl: "ftp://example.org/",
      contactEmail: "payroll at example",
      tagline: "Kept <tagline>",
    }),
  );
  assert.equal(response.status, 422);
  assert.match(response.html, /There is a problem/);
  assert.match(response.html, /Enter the mailing list address in full/);
  assert.match(response.html, /Enter the chat group address in full/);
  assert.match(response.html, /Enter the website address in full/);
  assert.match(response.html, /Enter an email address in the correct format/);
  assert.match(response.html, /value="payroll at example"/);
  assert.match(response.html, /value="not a link"/);
  assert.match(response.html, /value="Kept &lt;tagline&gt;"/);
  const [row] = await db.select().from(communities).where(eq(communities.id, community.id));
  assert.equal(row?.mailingListUrl, "", "nothing was saved");
});

test("a convenor saves settings: activity names the changed fields, no audit entry", async () => {
  const visitor = await signedIn(convenor);
  const response = await visitor.post("/communities/payroll/settings", settings());
  assert.equal(response.status, 303);
  assert.equal(response.location, "/communities/payroll");
  const [row] = await db.select().from(communities).where(eq(communities.id, community.id));
  assert.equal(row?.joinPolicy, "request");
  assert.equal(row?.contentAccess, "members");
  assert.equal(row?.chatUrl, "https://chat.example.org/payroll");
  assert.deepEqual(row?.practiceAreas, ["payroll", "pensions"]);
  assert.equal(row?.slug, "payroll");
  const [event] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "community.updated"), eq(activityEvents.communityId, community.id)));
  const changed = [...((event?.data?.fields as string[] | undefined) ?? [])].sort();
  assert.deepEqual(
    changed,
    [
      "chatUrl",
      "contactEmail",
      "contentAccess",
      "description",
      "joinPolicy",
      "joiningQuestion",
      "mailingListUrl",
      "practiceAreas",
      "tagline",
    ].sort(),
  );
  assert.equal((await db.select().from(auditLog).where(eq(auditLog.communityId, community.id))).length, 0);
  const page = await visitor.get("/communities/payroll");
  assert.match(page.html, /The settings have been saved/);
});

test("the programme team's changes are also audit-logged", async () => {
  const visitor = await signedIn(programme);
  const response = await visitor.post(
    "/communities/payroll/settings",
    settings({ tagline: "Supported tagline" }),
  );
  assert.equal(response.status, 303);
  const entries = await db.select().from(auditLog).where(eq(auditLog.communityId, community.id));
  assert.equal(entries.length, 1);
  assert.equal(entries[0]?.action, "community.updated");
  assert.deepEqual(entries[0]?.data?.fields, ["tagline"]);
});

test("API: PATCH changes only what is sent, validates, and refuses others", async () => {
  const token = await tokenFor(convenor);
  const response = await patch("payroll", token, { websiteUrl: "https://payroll.example.org/" });
  assert.equal(response.status, 200);
  const body = (await response.json()) as Record<string, unknown>;
  assert.equal(body.websiteUrl, "https://payroll.example.org/");
  assert.equal(body.tagline, "Supported tagline", "fields not sent are unchanged");
  assert.equal(body.chatUrl, "https://chat.example.org/payroll");

  const areas = await patch("payroll", token, { practiceAreas: ["payroll", "Tax"] });
  assert.deepEqual(((await areas.json()) as { practiceAreas: string[] }).practiceAreas, ["payroll", "tax"]);

  const bad = await patch("payroll", token, { chatUrl: "javascript:alert(1)", contactEmail: "nope" });
  assert.equal(bad.status, 422);
  const problem = (await bad.json()) as { errors: { field: string }[] };
  assert.deepEqual(problem.errors.map((e) => e.field).sort(), ["chatUrl", "contactEmail"]);

  assert.equal((await patch("payroll", await tokenFor(core), { tagline: "x" })).status, 403);
  assert.equal((await patch("payroll", null, { tagline: "x" })).status, 401);
  assert.equal((await patch("old-group", token, { tagline: "x" })).status, 403);
  assert.equal((await patch("no-such", token, { tagline: "x" })).status, 404);
  const doc = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const path = Object.entries(doc.paths).find(([p]) => p.endsWith("/communities/{slug}"));
  assert.ok(path?.[1].patch, "PATCH is in the OpenAPI document");
});
