import assert from "node:assert/strict";
import { test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../test/support/app.js";
import { Visitor } from "../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../test/support/factories.js";
import { memberships } from "./features/memberships/tables.js";
import { people } from "./features/people/tables.js";
import { createToken } from "./features/tokens/service.js";
import { activityEvents } from "./platform/activity.js";
import { apiRateLimit } from "./platform/api/rate-limit.js";

const { app, db, config } = await createTestApp();

const admin = await buildPerson(db, { name: "Ada Admin", siteRole: "admin" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
const member = await buildPerson(db, { name: "Mo Member" });
const convenor = await buildPerson(db, { name: "Cora Convenor" });

async function tokenFor(person: { id: string }, name = "test") {
  const token = await createToken(db, await actorFor(db, person.id), { name });
  return token.secret;
}
const adminToken = await tokenFor(admin);
const memberToken = await tokenFor(member);
const programmeToken = await tokenFor(programme);

const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll-practitioners",
  practiceAreas: ["payroll"],
  members: [{ personId: convenor.id, role: "convenor" }],
});
await buildCommunity(db, {
  name: "Quiet Corner",
  slug: "quiet-corner",
  visibility: "unlisted",
  members: [{ personId: convenor.id, role: "convenor" }],
});

type Json = Record<string, unknown> & {
  data?: Record<string, unknown>[];
  nextCursor?: string | null;
  errors?: { field: string; message: string }[];
};

async function call(
  path: string,
  options: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const response = await app.request(path, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : null) as Json,
  };
}

function assertProblem(result: Awaited<ReturnType<typeof call>>, status: number, code?: string) {
  assert.equal(result.status, status, JSON.stringify(result.json));
  assert.equal(result.headers.get("content-type"), "application/problem+json");
  assert.equal(result.json.status, status);
  assert.equal(typeof result.json.detail, "string");
  assert.ok(String(result.json.detail).length > 10, "the detail says what happened");
  assert.equal(typeof result.json.requestId, "string");
  if (code) assert.equal(result.json.code, code);
}

/** Follows nextCursor to the end, failing on a repeated id. */
async function walk(path: string, token: string, idOf = (item: Record<string, unknown>) => String(item.id)) {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const separator = path.includes("?") ? "&" : "?";
    const result = await call(cursor ? `${path}${separator}cursor=${encodeURIComponent(cursor)}` : path, {
      token,
    });
    assert.equal(result.status, 200, JSON.stringify(result.json));
    for (const item of result.json.data ?? []) {
      const id = idOf(item);
      assert.ok(!seen.includes(id), `${id} came twice walking ${path}`);
      seen.push(id);
    }
    cursor = result.json.nextCursor ?? null;
    if (!cursor) return seen;
  }
  assert.fail(`${path} never ended`);
}

test("the OpenAPI document is valid OpenAPI 3.1 and describes the API", async () => {
  const response = await app.request("/api/openapi.json");
  assert.equal(response.status, 200);
  const spec = await response.json();
  const validator = new Validator();
  const result = await validator.validate(spec);
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  assert.equal(spec.openapi, "3.1.0");
  assert.equal(spec.info.title, "Convene API");
  assert.equal(spec.info.version, "1");
  assert.deepEqual(
    spec.servers.map((s: { url: string }) => s.url),
    [config.baseUrl],
  );
  assert.deepEqual(spec.components.securitySchemes.bearerAuth, {
    type: "http",
    scheme: "bearer",
    bearerFormat: "cvn_ personal API token",
    description: "A personal API token from /me/tokens.",
  });
  assert.deepEqual(
    spec.tags.map((t: { name: string }) => t.name),
    [
      "Me",
      "People",
      "Communities",
      "Memberships",
      "Charters",
      "Lifecycle",
      "Proposals",
      "Discussions",
      "Events",
      "Resources",
      "Search",
      "Programme",
    ],
  );
  // Every operation is filed under a tag the document declares.
  const declared = new Set(spec.tags.map((t: { name: string }) => t.name));
  for (const [path, operations] of Object.entries(
    spec.paths as Record<string, Record<string, { tags?: string[] }>>,
  ))
    for (const [method, operation] of Object.entries(operations))
      for (const tag of operation.tags ?? [])
        assert.ok(declared.has(tag), `${method} ${path} uses undeclared tag ${tag}`);
  assert.ok(spec.components.schemas.Problem, "problems are documented");
});

test("every route under /api/v1 is in the document, and every documented operation exists", async () => {
  const spec = await (await app.request("/api/openapi.json")).json();
  const documented = new Set<string>();
  for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(item)) {
      if (["get", "put", "post", "delete", "patch"].includes(method)) {
        documented.add(`${method.toUpperCase()} ${path}`);
      }
    }
  }
  // Middleware is registered as method ALL; every real route names its method.
  const registered = new Set(
    app.routes
      .filter((route) => route.path.startsWith("/api/v1/") && route.method !== "ALL")
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, "{$1}")}`),
  );
  assert.ok(registered.size >= 11, `found only ${registered.size} API routes`);
  const undocumented = [...registered].filter((route) => !documented.has(route));
  assert.deepEqual(undocumented, [], `routes missing from /api/openapi.json: ${undocumented.join(", ")}`);
  const phantom = [...documented].filter((route) => !registered.has(route));
  assert.deepEqual(phantom, [], `documented but not served: ${phantom.join(", ")}`);
});

test("the docs page loads Swagger UI from our own files, with no inline script", async () => {
  const response = await app.request("/api/docs");
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /<title>API reference – /);
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 2);
  for (const [, attributes, body] of scripts) {
    assert.match(attributes ?? "", /src="\/api\/docs\/assets\/[\w.-]+\.js"/);
    assert.equal(body, "", "no inline script (the CSP forbids it)");
  }
  const assets = [...html.matchAll(/(?:src|href)="(\/api\/docs\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  assert.equal(assets.length, 3);
  for (const path of assets) {
    const asset = await app.request(path);
    assert.equal(asset.status, 200, path);
    assert.equal(asset.headers.get("cache-control"), "public, max-age=31536000, immutable");
  }
  const init = assets.find((path) => path.includes("/init."));
  assert.ok(init);
  assert.match(await (await app.request(init)).text(), /url: root\.getAttribute\("data-spec-url"\)/);
  assert.match(html, /data-spec-url="\/api\/openapi\.json"/);
  assert.equal((await app.request("/api/docs/assets/swagger-ui-bundle.js")).status, 404, "only hashed names");
});

test("a token acts as its owner: /me, communities and their unlisted ones", async () => {
  const me = await call("/api/v1/me", { token: memberToken });
  assert.equal(me.status, 200);
  assert.deepEqual(me.json, {
    id: member.id,
    handle: member.handle,
    name: "Mo Member",
    email: member.email,
    siteRole: "member",
    memberships: 0,
  });
  assert.equal(me.headers.get("ratelimit-policy"), `${apiRateLimit.limit};w=${apiRateLimit.windowSeconds}`);
  assert.match(me.headers.get("ratelimit") ?? "", /^limit=300, remaining=\d+, reset=\d+$/);

  const listed = await call("/api/v1/communities?sort=name", { token: memberToken });
  assert.equal(listed.status, 200);
  const slugs = listed.json.data?.map((c) => c.slug);
  assert.ok(slugs?.includes("payroll-practitioners"));
  assert.ok(!slugs?.includes("quiet-corner"), "unlisted communities stay out of the directory");
  const convenorToken = await tokenFor(convenor);
  const mine = await call("/api/v1/communities?mine=true", { token: convenorToken });
  assert.deepEqual(mine.json.data?.map((c) => c.slug).sort(), ["payroll-practitioners", "quiet-corner"]);
});

test("a community answers with its facts and what the caller may do, and nothing more", async () => {
  const anonymous = await call("/api/v1/communities/payroll-practitioners");
  assert.equal(anonymous.status, 200);
  assert.deepEqual(Object.keys(anonymous.json).sort(), [
    "activeSince",
    "channels",
    "closedAt",
    "closingNote",
    "contactEmail",
    "contentAccess",
    "createdAt",
    "description",
    "dormantSince",
    "id",
    "joinPolicy",
    "joiningQuestion",
    "lastActivityAt",
    "memberCount",
    "name",
    "practiceAreas",
    "slug",
    "stage",
    "stageChangedAt",
    "status",
    "tagline",
    "type",
    "viewer",
    "visibility",
  ]);
  assert.deepEqual(anonymous.json.viewer, {
    role: null,
    canJoin: false,
    joinRefusal: "Sign in to join this community.",
    canSeeMembers: false,
  });
  assert.ok(!JSON.stringify(anonymous.json).includes("Cora"), "no member names for visitors");
  const unlisted = await call("/api/v1/communities/quiet-corner");
  assert.equal(unlisted.status, 200, "unlisted communities open by address, as their pages do");
  assertProblem(await call("/api/v1/communities/no-such-place"), 404, "not_found");
});

test("people and member lists need a signed-in actor", async () => {
  for (const path of [
    "/api/v1/me",
    "/api/v1/me/memberships",
    "/api/v1/people",
    `/api/v1/people/${member.handle}`,
    "/api/v1/communities/payroll-practitioners/members",
    "/api/v1/communities?mine=true",
  ]) {
    const result = await call(path);
    assertProblem(result, 401);
    assert.match(result.headers.get("www-authenticate") ?? "", /^Bearer realm="Convene"/, path);
  }
  // Even a malformed query is refused for who is asking first.
  assertProblem(await call("/api/v1/people?limit=0"), 401);

  const person = await call(`/api/v1/people/${convenor.handle}`, { token: memberToken });
  assert.equal(person.status, 200);
  assert.equal(person.json.name, "Cora Convenor");
  assert.equal(person.json.email, undefined, "colleagues do not get each other's email addresses");
  // The unlisted Quiet Corner stays off the profile for a colleague who could not find it.
  assert.deepEqual(
    (person.json.communities as { slug: string }[]).map((c) => c.slug),
    ["payroll-practitioners"],
  );
  const own = await call(`/api/v1/people/${convenor.handle}`, { token: await tokenFor(convenor) });
  assert.deepEqual((own.json.communities as { slug: string }[]).map((c) => c.slug).sort(), [
    "payroll-practitioners",
    "quiet-corner",
  ]);
  const members = await call("/api/v1/communities/payroll-practitioners/members", { token: memberToken });
  assert.equal(members.status, 200);
  const [first, ...rest] = members.json.data ?? [];
  assert.deepEqual(rest, []);
  assert.deepEqual(first, {
    person: {
      id: convenor.id,
      handle: convenor.handle,
      name: "Cora Convenor",
      jobTitle: "",
      division: null,
      skills: [],
    },
    role: "convenor",
    state: "active",
    involvement: "take_part",
    breakUntil: null,
    joinedAt: first?.joinedAt,
  });
  assert.match(String(first?.joinedAt), /^\d{4}-\d\d-\d\dT/);
});

test("an unknown or revoked token gets 401 with WWW-Authenticate, even on public routes", async () => {
  for (const authorization of [`Bearer cvn_${"A".repeat(43)}`, "Bearer nonsense", "Basic YTpi"]) {
    const result = await call("/api/v1/communities", { headers: { authorization } });
    assertProblem(result, 401, "invalid_token");
    assert.equal(result.headers.get("www-authenticate"), 'Bearer realm="Convene", error="invalid_token"');
  }
});

test("a member's token cannot create a community or change a role: 403 with the reason", async () => {
  const create = await call("/api/v1/communities", {
    token: memberToken,
    method: "POST",
    body: { name: "Rogue Club" },
  });
  assertProblem(create, 403, "forbidden");
  assert.match(String(create.json.detail), /Only the programme team can create a community/);

  const promote = await call(`/api/v1/people/${member.handle}/site-role`, {
    token: memberToken,
    method: "PUT",
    body: { role: "admin" },
  });
  assertProblem(promote, 403, "forbidden");
  assert.equal(promote.json.detail, "Only administrators can change people's roles.");
  const [row] = await db.select({ role: people.siteRole }).from(people).where(eq(people.id, member.id));
  assert.equal(row?.role, "member");
});

test("the programme team creates a community; bad input is a 422 with each field's problem", async () => {
  const invalid = await call("/api/v1/communities", {
    token: programmeToken,
    method: "POST",
    body: { name: "X", type: "secret-society", practiceAreas: [], joinPolicy: "open", visibility: "listed" },
  });
  assertProblem(invalid, 422, "validation_failed");
  assert.deepEqual(invalid.json.errors, [
    { field: "name", message: "Enter a name of at least 3 characters" },
    { field: "type", message: "Choose the kind of community" },
    { field: "practiceAreas", message: "Add at least one practice area" },
  ]);

  const body = {
    name: "Research Administrators",
    tagline: "Grants, budgets and deadlines",
    type: "professional",
    practiceAreas: ["Grants", "budgets "],
    joinPolicy: "open",
    visibility: "listed",
  };
  const created = await call("/api/v1/communities", { token: programmeToken, method: "POST", body });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  assert.equal(created.headers.get("location"), "/api/v1/communities/research-administrators");
  assert.equal(created.json.slug, "research-administrators");
  assert.deepEqual(created.json.practiceAreas, ["grants", "budgets"], "the page's normalisation applies");
  assert.deepEqual(created.json.viewer, {
    role: "convenor",
    canJoin: false,
    joinRefusal: "You are already a member of Research Administrators.",
    canSeeMembers: true,
  });
  const events = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "community.created"), eq(activityEvents.actorId, programme.id)));
  assert.equal(events.length, 1);

  // A rule the service enforces maps to its field too.
  const again = await call("/api/v1/communities", { token: programmeToken, method: "POST", body });
  assertProblem(again, 422, "duplicate_slug");
  assert.deepEqual(again.json.errors, [
    { field: "name", message: "The address /communities/research-administrators is taken: choose another" },
  ]);
});

test("requests the API cannot read are problems too", async () => {
  const malformed = await app.request("/api/v1/communities", {
    method: "POST",
    headers: { authorization: `Bearer ${programmeToken}`, "content-type": "application/json" },
    body: "{not json",
  });
  assert.equal(malformed.status, 400);
  assert.equal(malformed.headers.get("content-type"), "application/problem+json");
  const wrongType = await app.request("/api/v1/communities", {
    method: "POST",
    headers: { authorization: `Bearer ${programmeToken}`, "content-type": "text/plain" },
    body: "name=x",
  });
  assert.equal(wrongType.status, 415);
  assert.equal(wrongType.headers.get("content-type"), "application/problem+json");

  assertProblem(await call("/api/nothing-here"), 404, "not_found");
  assertProblem(await call("/api/v1/nothing-here", { token: memberToken }), 404, "not_found");
  assertProblem(await call("/api/v1/communities", { token: memberToken, method: "DELETE" }), 404);

  const badQuery = await call("/api/v1/communities?limit=101&sort=loudest&mine=perhaps");
  assertProblem(badQuery, 422, "validation_failed");
  assert.deepEqual(badQuery.json.errors?.map((e) => e.field).sort(), ["limit", "mine", "sort"]);
  const badCursor = await call("/api/v1/communities?cursor=bm9wZQ");
  assertProblem(badCursor, 422);
  assert.deepEqual(
    badCursor.json.errors?.map((e) => e.field),
    ["cursor"],
  );
  // A cursor made for one sort is refused by another, rather than failing inside the query.
  const byName = await call("/api/v1/communities?sort=name&limit=1");
  const mixed = await call(`/api/v1/communities?sort=activity&cursor=${byName.json.nextCursor}`);
  assertProblem(mixed, 422);
});

test("administrators change site roles; the last administrator stays", async () => {
  const promoted = await call(`/api/v1/people/${convenor.handle}/site-role`, {
    token: adminToken,
    method: "PUT",
    body: { role: "programme" },
  });
  assert.equal(promoted.status, 200, JSON.stringify(promoted.json));
  assert.equal(promoted.json.siteRole, "programme");
  assert.equal(promoted.json.handle, convenor.handle);

  const invalid = await call(`/api/v1/people/${convenor.handle}/site-role`, {
    token: adminToken,
    method: "PUT",
    body: { role: "emperor" },
  });
  assertProblem(invalid, 422);
  assert.deepEqual(invalid.json.errors, [{ field: "role", message: "Choose admin, programme or member" }]);

  const demoteSelf = await call(`/api/v1/people/${admin.handle}/site-role`, {
    token: adminToken,
    method: "PUT",
    body: { role: "member" },
  });
  assertProblem(demoteSelf, 422, "last_admin");
  assert.deepEqual(demoteSelf.json.errors, [], "a rule about no single field lists no fields");
  assertProblem(
    await call("/api/v1/people/nobody-at-all/site-role", {
      token: adminToken,
      method: "PUT",
      body: { role: "member" },
    }),
    404,
  );
});

test("joining and leaving through the API, with the reason kept", async () => {
  const joined = await call("/api/v1/communities/payroll-practitioners/membership", {
    token: memberToken,
    method: "POST",
  });
  assert.equal(joined.status, 201, JSON.stringify(joined.json));
  assert.deepEqual(
    { ...joined.json, joinedAt: undefined },
    {
      community: { id: payroll.id, slug: "payroll-practitioners", name: "Payroll Practitioners" },
      role: "member",
      state: "active",
      involvement: "take_part",
      joinedAt: undefined,
    },
  );
  const twice = await call("/api/v1/communities/payroll-practitioners/membership", {
    token: memberToken,
    method: "POST",
  });
  assertProblem(twice, 403);
  assert.equal(twice.json.detail, "You are already a member of Payroll Practitioners.");

  const mine = await call("/api/v1/me/memberships", { token: memberToken });
  assert.deepEqual(
    mine.json.data?.map((m) => (m.community as { slug: string }).slug),
    ["payroll-practitioners"],
  );

  const left = await app.request("/api/v1/communities/payroll-practitioners/membership", {
    method: "DELETE",
    headers: { authorization: `Bearer ${memberToken}`, "content-type": "application/json" },
    body: JSON.stringify({ reason: "Changed teams" }),
  });
  assert.equal(left.status, 204);
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, payroll.id), eq(memberships.personId, member.id)));
  assert.equal(row?.state, "left");
  assert.equal(row?.leaveReason, "Changed teams");

  // Leaving without a body works too; the last convenor is told why they cannot.
  const convenorToken = await tokenFor(convenor, "leaving");
  const lastConvenor = await call("/api/v1/communities/quiet-corner/membership", {
    token: convenorToken,
    method: "DELETE",
  });
  assertProblem(lastConvenor, 422, "last_convenor");
  assertProblem(
    await call("/api/v1/communities/quiet-corner/membership", { token: memberToken, method: "DELETE" }),
    403,
  );
  assertProblem(
    await call("/api/v1/communities/invite-only/membership", { token: memberToken, method: "POST" }),
    404,
  );
  const invite = await buildCommunity(db, {
    name: "Inner Circle",
    slug: "inner-circle",
    joinPolicy: "invite",
  });
  const refused = await call(`/api/v1/communities/${invite.slug}/membership`, {
    token: memberToken,
    method: "POST",
  });
  assertProblem(refused, 403);
  assert.match(String(refused.json.detail), /invite only/);
});

test("pagination walks every page once, for each sort", async () => {
  for (let n = 0; n < 23; n++) {
    await buildCommunity(db, {
      name: `Walk ${String(n % 7).padStart(2, "0")}`, // repeated names: ties broken by id
      memberCount: n % 4, // repeated sizes too
      lastActivityAt: new Date(Date.UTC(2025, 0, 1 + (n % 5))),
    });
  }
  const all = await call("/api/v1/communities?limit=100", { token: memberToken });
  const total = all.json.data?.length ?? 0;
  assert.ok(total >= 26);
  for (const sort of ["activity", "newest", "size", "name"]) {
    const ids = await walk(`/api/v1/communities?sort=${sort}&limit=4`, memberToken);
    assert.equal(ids.length, total, `sort=${sort} walks all ${total}`);
  }
  const walked = await walk("/api/v1/communities?q=walk&limit=5", memberToken);
  assert.equal(walked.length, 23);

  for (let n = 0; n < 9; n++) await buildPerson(db, { name: n % 2 ? "Sam Same" : `Walker ${n}` });
  const everyone = await db.select({ id: people.id }).from(people);
  assert.equal((await walk("/api/v1/people?limit=3", memberToken)).length, everyone.length);

  const big = await buildCommunity(db, {
    name: "Big Tent",
    members: everyone.slice(0, 11).map((p) => ({ personId: p.id })),
  });
  const memberIds = await walk(`/api/v1/communities/${big.slug}/members?limit=2`, memberToken, (m) =>
    String((m.person as { id: string }).id),
  );
  assert.equal(memberIds.length, 11);
});

test("a browser session may read, but must send the page's CSRF token to change anything", async () => {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(member.email, FACTORY_PASSWORD)).status, 303);
  const me = await visitor.get("/api/v1/me");
  assert.equal(me.status, 200);
  assert.equal(JSON.parse(me.html).handle, member.handle);

  // The Visitor keeps its cookies private; the API calls below need them with other methods.
  const cookie = (visitor as unknown as { cookieHeader(): string }).cookieHeader();
  await visitor.get("/communities");
  const join = (headers: Record<string, string>) =>
    app.request("/api/v1/communities/payroll-practitioners/membership", {
      method: "POST",
      headers: { cookie, ...headers },
    });
  const refused = await join({});
  assert.equal(refused.status, 403);
  const problem = await refused.json();
  assert.equal(problem.code, "csrf");
  assert.match(problem.detail, /X-CSRF-Token/);
  assert.equal((await join({ "x-csrf-token": "forged" })).status, 403);
  assert.equal((await join({ "x-csrf-token": visitor.csrfToken })).status, 201);
});

test("rate limiting answers 429 with Retry-After and the RateLimit headers", async () => {
  const token = await tokenFor(member, "busy script");
  const saved = { ...apiRateLimit };
  // An hour's window, so the three requests cannot straddle a window boundary.
  Object.assign(apiRateLimit, { limit: 3, windowSeconds: 3600 });
  try {
    const remaining: string[] = [];
    for (let n = 0; n < 3; n++) {
      const ok = await call("/api/v1/me", { token });
      assert.equal(ok.status, 200);
      remaining.push(ok.headers.get("ratelimit") ?? "");
    }
    assert.deepEqual(
      remaining.map((header) => /remaining=(\d+)/.exec(header)?.[1]),
      ["2", "1", "0"],
    );
    const limited = await call("/api/v1/me", { token });
    assertProblem(limited, 429, "rate_limited");
    const retryAfter = Number(limited.headers.get("retry-after"));
    assert.ok(retryAfter >= 1 && retryAfter <= 3600, `Retry-After ${retryAfter}`);
    assert.equal(limited.headers.get("ratelimit-policy"), "3;w=3600");
    assert.equal(limited.headers.get("ratelimit"), `limit=3, remaining=0, reset=${retryAfter}`);
    // The quota is per token: another token of the same person is not affected.
    assert.equal((await call("/api/v1/me", { token: await tokenFor(member, "other script") })).status, 200);
  } finally {
    Object.assign(apiRateLimit, saved);
  }
});
