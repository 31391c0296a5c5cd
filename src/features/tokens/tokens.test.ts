import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { hashToken } from "./secret.js";
import { createToken, MAX_ACTIVE_TOKENS } from "./service.js";
import { apiTokens } from "./tables.js";

const { app, db } = await createTestApp();

const owner = await buildPerson(db, { name: "Olu Owner" });
const other = await buildPerson(db, { name: "Tess Other", siteRole: "admin" });
await buildCommunity(db, { name: "Payroll Practitioners", slug: "payroll-practitioners" });

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${person.email}`);
  return visitor;
}

const api = (path: string, token: string) =>
  app.request(path, { headers: { authorization: `Bearer ${token}` } });

const secretPattern = /cvn_[A-Za-z0-9_-]{43}/g;
let secret = "";
let tokenId = "";

test("visitors who are not signed in are sent to sign in", async () => {
  const visitor = new Visitor(app as never);
  const page = await visitor.get("/me/tokens");
  assert.equal(page.status, 303);
  assert.equal(page.headers.get("location"), "/sign-in?next=%2Fme%2Ftokens");
});

test("a token made on /me/tokens is shown once, stored as a hash, and lists communities through the API", async () => {
  const visitor = await signedIn(owner);
  const empty = await visitor.get("/me/tokens");
  assert.equal(empty.status, 200);
  assert.equal(empty.headers.get("cache-control"), "no-store");
  assert.match(empty.html, /You have no API tokens/);

  const blank = await visitor.post("/me/tokens", { name: "   " });
  assert.equal(blank.status, 422);
  assert.match(blank.html, /<title>Error: API tokens/);
  assert.match(blank.html, /Enter a name for the token/);
  const long = await visitor.post("/me/tokens", { name: "A very long name ".repeat(5) });
  assert.equal(long.status, 422);
  assert.match(long.html, /Keep the name under 60 characters/);
  assert.match(long.html, /value="A very long name A very long name/, "what was typed is kept");

  const created = await visitor.post("/me/tokens", { name: "Monthly report" });
  assert.equal(created.status, 200);
  const shown = [...new Set(created.html.match(secretPattern))];
  assert.equal(shown.length, 1, "the new token is on the page");
  secret = shown[0]!;
  assert.match(created.html, /Copy it now: this is the only time it is shown/);

  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.personId, owner.id));
  assert.ok(row);
  tokenId = row.id;
  assert.equal(row.tokenHash, hashToken(secret));
  assert.equal(row.prefix, secret.slice(0, 12));
  assert.ok(!JSON.stringify(row).includes(secret), "the token itself is not stored");

  const later = await visitor.get("/me/tokens");
  assert.doesNotMatch(later.html, secretPattern, "never shown again");
  assert.match(later.html, /Monthly report/);
  assert.match(later.html, new RegExp(`${row.prefix}…`));
  assert.match(later.html, /Never/, "not used yet");

  const communities = await api("/api/v1/communities", secret);
  assert.equal(communities.status, 200);
  const body = (await communities.json()) as { data: { slug: string }[] };
  assert.deepEqual(
    body.data.map((c) => c.slug),
    ["payroll-practitioners"],
  );
  const me = (await (await api("/api/v1/me", secret)).json()) as { handle: string };
  assert.equal(me.handle, owner.handle);

  const events = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "token.created"), eq(activityEvents.actorId, owner.id)));
  assert.equal(events.length, 1);
  assert.equal(events[0]?.objectId, tokenId);
  assert.ok(!JSON.stringify(events[0]).includes(secret), "the activity log never holds the token");
});

test("last_used_at is written at most once a minute", async () => {
  const lastUsed = async () =>
    (await db.select({ at: apiTokens.lastUsedAt }).from(apiTokens).where(eq(apiTokens.id, tokenId)))[0]?.at;
  const first = await lastUsed();
  assert.ok(first, "the API calls above noted the use");
  await api("/api/v1/me", secret);
  assert.equal(
    (await lastUsed())?.getTime(),
    first.getTime(),
    "a second use within the minute writes nothing",
  );

  const longAgo = new Date(Date.now() - 5 * 60_000);
  await db.update(apiTokens).set({ lastUsedAt: longAgo }).where(eq(apiTokens.id, tokenId));
  await api("/api/v1/me", secret);
  const moved = await lastUsed();
  assert.ok(moved && moved.getTime() > longAgo.getTime() + 60_000, "an older note is brought up to date");
  const visitor = await signedIn(owner);
  assert.match((await visitor.get("/me/tokens")).html, /just now|seconds? ago|minute ago/);
});

test("nobody else can revoke a token, not even an administrator", async () => {
  const visitor = await signedIn(other);
  const page = await visitor.get(`/me/tokens/${tokenId}/revoke`);
  assert.equal(page.status, 403);
  assert.match(page.html, /You can only manage your own API tokens/);
  const post = await visitor.post(`/me/tokens/${tokenId}/revoke`);
  assert.equal(post.status, 403);
  assert.equal((await api("/api/v1/me", secret)).status, 200, "the token still works");
  assert.doesNotMatch((await visitor.get("/me/tokens")).html, /Monthly report/, "nor see it in their list");
});

test("revoking asks first, needs the CSRF token, and stops the token at once", async () => {
  const visitor = await signedIn(owner);
  const confirm = await visitor.get(`/me/tokens/${tokenId}/revoke`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /Revoke the token “Monthly report”\?/);
  assert.match(confirm.html, /will stop working at once/);
  assert.match(confirm.html, /You cannot undo this/);

  const forged = await visitor.post(`/me/tokens/${tokenId}/revoke`, {}, { csrf: false });
  assert.equal(forged.status, 403);
  assert.equal((await api("/api/v1/me", secret)).status, 200);

  const revoked = await visitor.post(`/me/tokens/${tokenId}/revoke`);
  assert.equal(revoked.status, 303);
  assert.equal(revoked.location, "/me/tokens");
  const list = await visitor.get("/me/tokens");
  assert.match(list.html, /The token “Monthly report” has been revoked/);
  assert.match(list.html, /You have no API tokens/);

  const refused = await api("/api/v1/me", secret);
  assert.equal(refused.status, 401);
  assert.equal(refused.headers.get("www-authenticate"), 'Bearer realm="Convene", error="invalid_token"');
  assert.equal(refused.headers.get("content-type"), "application/problem+json");

  assert.equal((await visitor.get(`/me/tokens/${tokenId}/revoke`)).status, 404, "gone once revoked");
  const events = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "token.revoked"), eq(activityEvents.objectId, tokenId)));
  assert.equal(events.length, 1);
});

test(`a person can hold at most ${MAX_ACTIVE_TOKENS} tokens`, async () => {
  const actor = await actorFor(db, other.id);
  for (let n = 0; n < MAX_ACTIVE_TOKENS; n++) await createToken(db, actor, { name: `Script ${n}` });
  const visitor = await signedIn(other);
  const refused = await visitor.post("/me/tokens", { name: "One more" });
  assert.equal(refused.status, 422);
  assert.match(refused.html, /Revoke one you no longer use first/);
  assert.match(refused.html, /value="One more"/);
});
