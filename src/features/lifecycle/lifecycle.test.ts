import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { actors } from "../../../test/support/policy-matrix.js";
import { activityEvents } from "../../platform/activity.js";
import { decide } from "../../platform/policy.js";
import { communities, stages } from "../communities/tables.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { stageGuides } from "./checklists.js";
import { lifecycleMatrix } from "./policy.matrix.js";
import { moveStage } from "./service.js";
import { checklistTicks, stageChanges } from "./tables.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const secondConvenor = await buildPerson(db, { name: "Sam Second" });
const core = await buildPerson(db, { name: "Kofi Core" });
const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const community = await buildCommunity(db, {
  name: "HR Operations",
  slug: "hr-operations",
  stage: "design",
  contentAccess: "members",
  createdAt: new Date("2025-01-10T09:00:00Z"),
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

// Sign-in is rate-limited per address, so each person signs in once and keeps their session.
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

const page = "/communities/hr-operations/lifecycle";
const tickPath = (key: string, slug = "hr-operations") => `/communities/${slug}/lifecycle/checklist/${key}`;

async function ticked(key: string, communityId = community.id) {
  const [row] = await db
    .select()
    .from(checklistTicks)
    .where(and(eq(checklistTicks.communityId, communityId), eq(checklistTicks.itemKey, key)));
  return row ?? null;
}

async function currentStage(id = community.id) {
  const [row] = await db.select().from(communities).where(eq(communities.id, id));
  return row!;
}

test("the lifecycle rules answer as the matrix says", () => {
  for (const row of lifecycleMatrix) {
    for (const [kind, actor] of Object.entries(actors)) {
      const decision = decide(actor, row.action, row.target as never);
      const expected = row.allowed.includes(kind as never);
      assert.equal(decision.allowed, expected, `${row.action} on ${row.when} by ${kind}`);
      if (!decision.allowed) assert.ok(decision.reason.length > 10, "a refusal says why");
    }
  }
});

test("every stage has a purpose and four to six actions with stable, unique keys", () => {
  assert.deepEqual(
    stageGuides.map((guide) => guide.stage),
    [...stages],
  );
  const keys = new Set<string>();
  for (const guide of stageGuides) {
    assert.ok(guide.purpose.endsWith("."), `${guide.stage} has a one-sentence purpose`);
    assert.ok(guide.items.length >= 4 && guide.items.length <= 6, `${guide.stage} has 4–6 actions`);
    for (const item of guide.items) {
      assert.match(item.key, new RegExp(`^${guide.stage}\\.[a-z-]+$`));
      assert.ok(item.title && item.hint.endsWith("."), `${item.key} has a title and a one-line hint`);
      assert.ok(!keys.has(item.key), `${item.key} is unique`);
      keys.add(item.key);
    }
  }
  assert.ok(keys.has("inquire.audience"));
});

test("visitors are sent to sign in; any signed-in person can read the lifecycle", async () => {
  const anonymous = new Visitor(app as never);
  const refused = await anonymous.get(page);
  assert.equal(refused.status, 303);
  assert.match(refused.headers.get("location") ?? "", /^\/sign-in\?next=/);

  const visitor = await signedIn(outsider);
  const response = await visitor.get(page);
  assert.equal(response.status, 200);
  assert.match(response.html, /<title>Lifecycle – HR Operations – /);
  assert.match(response.html, /<li class="stage-step stage-current" aria-current="step">/);
  assert.match(response.html, /Design<\/span><span class="stage-marker">Current stage<\/span>/);
  assert.equal(response.html.match(/aria-current="step"/g)?.length, 1);
  assert.match(response.html, /has been at the <strong>Design<\/strong> stage since/);
  assert.match(
    response.html,
    /<time datetime="2025-01-10T09:00:00.000Z"/,
    "since its creation until it moves",
  );
  assert.match(response.html, /Design: suggested actions/);
  assert.match(response.html, /Draft the charter/);
  assert.equal(response.html.match(/<details class="stage-details">/g)?.length, 5, "other stages collapsed");
  assert.match(response.html, /Nobody has moved the stage yet/);
  assert.doesNotMatch(response.html, /Mark as done/, "outsiders cannot tick");
  assert.doesNotMatch(response.html, /Move to another stage/, "outsiders cannot move the stage");
});

test("who may tick an item: core, convenors and the programme team, never in a closed community", async () => {
  for (const person of [member, outsider]) {
    const visitor = await signedIn(person);
    const refused = await visitor.post(tickPath("design.charter"), { ticked: "true" });
    assert.equal(refused.status, 403, person.name);
    assert.match(refused.html, /Only the convenors and core team of HR Operations/);
  }
  assert.equal(await ticked("design.charter"), null);

  const anonymous = new Visitor(app as never);
  const visitorRefused = await anonymous.post(tickPath("design.charter"), { ticked: "true" });
  assert.notEqual(visitorRefused.status, 200);
  assert.equal(await ticked("design.charter"), null);

  const closedVisitor = await signedIn(convenor);
  const closedRefused = await closedVisitor.post(tickPath("inquire.audience", "old-group"), {
    ticked: "true",
  });
  assert.equal(closedRefused.status, 403);
  assert.match(closedRefused.html, /has closed/);
  assert.equal(await ticked("inquire.audience", closed.id), null);

  for (const [person, key] of [
    [core, "design.activities"],
    [convenor, "design.charter"],
    [programme, "inquire.sponsor"],
  ] as const) {
    const visitor = await signedIn(person);
    const done = await visitor.post(tickPath(key), { ticked: "true" });
    assert.equal(done.status, 303, person.name);
    assert.equal(done.location, `${page}#checklist-${key.replace(".", "-")}`);
    assert.equal((await ticked(key))?.tickedById, person.id);
  }
});

test("a tick shows who and when; ticking twice keeps the first; unticking removes it", async () => {
  const visitor = await signedIn(convenor);
  const before = await ticked("design.charter");
  assert.ok(before);
  await visitor.post(tickPath("design.charter"), { ticked: "true" });
  assert.deepEqual(await ticked("design.charter"), before, "a second tick changes nothing");

  const shown = await visitor.get(page);
  assert.match(shown.html, /Marked “Draft the charter” as done/);
  assert.match(
    shown.html,
    /Ticked by <a href="\/people\/[^"]+">Cora Convenor<\/a> on <time datetime="[^"]+"/,
  );
  assert.match(shown.html, /2 of 5 done/);
  assert.match(shown.html, /Mark as not done<span class="visually-hidden">: Draft the charter/);

  const undone = await visitor.post(tickPath("design.charter"), { ticked: "false" });
  assert.equal(undone.status, 303);
  assert.equal(await ticked("design.charter"), null);
  await visitor.post(tickPath("design.charter"), { ticked: "false" });

  const verbs = (
    await db
      .select()
      .from(activityEvents)
      .where(and(eq(activityEvents.actorId, convenor.id), eq(activityEvents.communityId, community.id)))
  ).map((event) => [event.verb, event.data?.item]);
  assert.deepEqual(verbs, [
    ["lifecycle.item_ticked", "design.charter"],
    ["lifecycle.item_unticked", "design.charter"],
  ]);
});

test("with htmx, ticking answers with just the item to swap in", async () => {
  const visitor = await signedIn(core);
  await visitor.get(page);
  const response = await app.request(tickPath("design.rhythm"), {
    method: "POST",
    body: new URLSearchParams({ ticked: "true" }).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: visitor.cookieHeader(),
      "hx-request": "true",
      "x-csrf-token": visitor.csrfToken,
    },
  });
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /^<li class="checklist-item checklist-done" id="checklist-design-rhythm">/);
  assert.doesNotMatch(html, /<html|<main/);
  assert.match(html, /Ticked by <a href="\/people\/[^"]+">Kofi Core<\/a>/);
  assert.match(html, /Mark as not done/);
  assert.match(html, /hx-target="#checklist-design-rhythm"/);
  assert.match(
    html,
    /<span id="progress-design" hx-swap-oob="true">2 of 5 done<\/span>/,
    "the count follows",
  );
  assert.ok(await ticked("design.rhythm"));
});

test("an unknown item is a 404 and a bad form a 422, never a 500", async () => {
  const visitor = await signedIn(convenor);
  const unknown = await visitor.post(tickPath("design.nothing"), { ticked: "true" });
  assert.equal(unknown.status, 404);
  assert.match(unknown.html, /could not find that checklist item/);
  const hostile = await visitor.post(tickPath("%3Cscript%3E"), { ticked: "true" });
  assert.equal(hostile.status, 404);
  assert.doesNotMatch(hostile.html, /<script>/);
  const bad = await visitor.post(tickPath("design.tools"), { ticked: "maybe" });
  assert.equal(bad.status, 422);
  assert.equal(await ticked("design.tools"), null);
  assert.equal((await visitor.get("/communities/no-such-place/lifecycle")).status, 404);
});

test("who may move the stage: convenors and the programme team, never in a closed community", async () => {
  for (const person of [core, member, outsider]) {
    const visitor = await signedIn(person);
    const confirm = await visitor.get(`${page}/move?stage=prototype`);
    assert.equal(confirm.status, 403, person.name);
    const refused = await visitor.post(`${page}/move`, { stage: "prototype", note: "" });
    assert.equal(refused.status, 403, person.name);
    assert.match(refused.html, /Only the convenors of HR Operations or the programme team/);
  }
  const closedVisitor = await signedIn(convenor);
  const closedRefused = await closedVisitor.post("/communities/old-group/lifecycle/move", {
    stage: "design",
    note: "",
  });
  assert.equal(closedRefused.status, 403);
  assert.equal((await currentStage()).stage, "design");
  assert.equal((await currentStage(closed.id)).stage, "inquire");
});

test("a convenor moves the stage after confirming; the change is dated, recorded and announced", async () => {
  const visitor = await signedIn(convenor);
  const lifecycle = await visitor.get(page);
  assert.match(lifecycle.html, /Move to another stage/);
  assert.match(lifecycle.html, /<option value="design">Design \(current stage\)<\/option>/);

  const confirm = await visitor.get(`${page}/move?stage=prototype`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /<h1>Move HR Operations from Design to Prototype\?<\/h1>/);
  assert.match(confirm.html, /Move to Prototype/);

  const tooLong = await visitor.post(`${page}/move`, { stage: "prototype", note: "x".repeat(1001) });
  assert.equal(tooLong.status, 422);
  assert.match(tooLong.html, /Keep the note under 1,000 characters/);
  assert.match(tooLong.html, /x{1001}<\/textarea>/, "what was typed is kept");
  assert.equal((await currentStage()).stage, "design");

  const hostile = '<script>alert("x")</script> Piloted with **six** people';
  const moved = await visitor.post(`${page}/move`, { stage: "prototype", note: hostile });
  assert.equal(moved.status, 303);
  assert.equal(moved.location, page);

  const row = await currentStage();
  assert.equal(row.stage, "prototype");
  assert.ok(row.stageChangedAt && Date.now() - row.stageChangedAt.getTime() < 60_000);
  const [change] = await db.select().from(stageChanges).where(eq(stageChanges.communityId, community.id));
  assert.equal(change?.fromStage, "design");
  assert.equal(change?.toStage, "prototype");
  assert.equal(change?.changedById, convenor.id);
  assert.equal(change?.note, hostile);

  const [event] = await db
    .select()
    .from(activityEvents)
    .where(
      and(eq(activityEvents.verb, "community.stage_changed"), eq(activityEvents.communityId, community.id)),
    );
  assert.equal(event?.actorId, convenor.id);
  assert.equal(event?.data?.from, "design");
  assert.equal(event?.data?.to, "prototype");

  const told = await db.select().from(notifications).where(eq(notifications.kind, "lifecycle.stage_changed"));
  assert.deepEqual(told.map((n) => n.personId).sort(), [secondConvenor.id, core.id].sort());
  assert.equal(told[0]?.title, "HR Operations moved from Design to Prototype");
  assert.equal(told[0]?.url, page);

  const shown = await visitor.get(page);
  assert.match(shown.html, /HR Operations has moved to the Prototype stage/);
  assert.match(shown.html, /has been at the <strong>Prototype<\/strong> stage since/);
  assert.match(shown.html, new RegExp(`<time datetime="${row.stageChangedAt!.toISOString()}"`));
  assert.match(shown.html, /Design <span aria-hidden="true">→<\/span>/);
  assert.match(
    shown.html,
    /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; Piloted with \*\*six\*\* people/,
  );
  assert.doesNotMatch(shown.html, /<script>alert/);
  assert.match(shown.html, /Prototype: suggested actions/);
});

test("moving to the current stage, or to no stage, is refused with a clear message", async () => {
  const visitor = await signedIn(convenor);
  const same = await visitor.get(`${page}/move?stage=prototype`);
  assert.equal(same.status, 422);
  assert.match(same.html, /HR Operations is already at the Prototype stage. Choose a different stage./);
  assert.match(same.html, /There is a problem/);
  const posted = await visitor.post(`${page}/move`, { stage: "prototype", note: "again" });
  assert.equal(posted.status, 422);
  assert.match(posted.html, /already at the Prototype stage/);
  const none = await visitor.get(`${page}/move?stage=`);
  assert.equal(none.status, 422);
  assert.match(none.html, /Choose the stage to move to/);
  const junk = await visitor.post(`${page}/move`, { stage: "<b>", note: "" });
  assert.equal(junk.status, 422);
  assert.doesNotMatch(junk.html, /<b>/);
  const changes = await db.select().from(stageChanges).where(eq(stageChanges.communityId, community.id));
  assert.equal(changes.length, 1);
});

test("the history lists every change newest first, with its date", async () => {
  const actor = await actorFor(db, programme.id);
  const target = await currentStage();
  await moveStage(
    db,
    actor,
    target,
    { stage: "inquire", note: "Back to basics" },
    new Date("2030-03-14T10:00:00Z"),
  );
  const visitor = await signedIn(member);
  const shown = await visitor.get(page);
  assert.match(
    shown.html,
    /has been at the <strong>Inquire<\/strong> stage since <time datetime="2030-03-14T10:00:00.000Z"[^>]*>14 March 2030<\/time>/,
  );
  const back = shown.html.indexOf('Prototype <span aria-hidden="true">→</span>');
  const forward = shown.html.indexOf('Design <span aria-hidden="true">→</span>');
  assert.ok(back > 0 && forward > back, "newest first");
  assert.match(shown.html, /Pat Programme<\/a>, <time datetime="2030-03-14T10:00:00.000Z"/);
  assert.match(shown.html, /Back to basics/);
  // The programme team moved it: both convenors and the core member hear of it.
  const told = await db.select().from(notifications).where(eq(notifications.personId, convenor.id));
  assert.equal(told.length, 1);
});

test("the API reads the lifecycle, ticks and unticks, and moves the stage", async () => {
  const token = (await createToken(db, await actorFor(db, convenor.id), { name: "Script" })).secret;
  const memberToken = (await createToken(db, await actorFor(db, member.id), { name: "Script" })).secret;
  const call = (method: string, path: string, secret: string, body?: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${secret}`,
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
  const base = "/communities/hr-operations/lifecycle";

  assert.equal((await app.request(`/api/v1${base}`)).status, 401);
  const read = await call("GET", base, memberToken);
  assert.equal(read.status, 200);
  const lifecycle = (await read.json()) as {
    stage: string;
    since: string;
    checklist: { stage: string; current: boolean; items: { key: string; ticked: boolean }[] }[];
    history: { from: string; to: string; note: string; changedBy: { name: string } }[];
  };
  assert.equal(lifecycle.stage, "inquire");
  assert.equal(lifecycle.since, "2030-03-14T10:00:00.000Z");
  assert.deepEqual(
    lifecycle.checklist.map((c) => c.stage),
    [...stages],
  );
  assert.equal(lifecycle.checklist.find((c) => c.current)?.stage, "inquire");
  assert.equal(lifecycle.history[0]?.to, "inquire");
  assert.equal(lifecycle.history[0]?.changedBy.name, "Pat Programme");
  assert.equal(lifecycle.history.length, 2);

  const refused = await call("PUT", `${base}/checklist/inquire.domain`, memberToken);
  assert.equal(refused.status, 403);
  const done = await call("PUT", `${base}/checklist/inquire.domain`, token);
  assert.equal(done.status, 200);
  const item = (await done.json()) as { key: string; ticked: boolean; tickedBy: { name: string } };
  assert.equal(item.key, "inquire.domain");
  assert.equal(item.ticked, true);
  assert.equal(item.tickedBy.name, "Cora Convenor");
  const missing = await call("PUT", `${base}/checklist/inquire.unknown`, token);
  assert.equal(missing.status, 404);
  assert.match(missing.headers.get("content-type") ?? "", /problem\+json/);
  assert.equal((await call("DELETE", `${base}/checklist/inquire.domain`, token)).status, 204);
  assert.equal(await ticked("inquire.domain"), null);
  assert.equal((await call("DELETE", `${base}/checklist/inquire.domain`, token)).status, 204);

  assert.equal((await call("POST", `${base}/stage`, memberToken, { stage: "bogus" })).status, 403);
  const invalid = await call("POST", `${base}/stage`, token, { stage: "bogus" });
  assert.equal(invalid.status, 422);
  const same = await call("POST", `${base}/stage`, token, { stage: "inquire" });
  assert.equal(same.status, 422);
  assert.match(((await same.json()) as { detail: string }).detail, /already at the Inquire stage/);
  const moved = await call("POST", `${base}/stage`, token, { stage: "launch", note: "Ready" });
  assert.equal(moved.status, 201);
  const change = (await moved.json()) as {
    from: string;
    to: string;
    note: string;
    changedBy: { name: string };
  };
  assert.deepEqual(
    { from: change.from, to: change.to, note: change.note, by: change.changedBy.name },
    { from: "inquire", to: "launch", note: "Ready", by: "Cora Convenor" },
  );
  assert.equal((await currentStage()).stage, "launch");

  const spec = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, object> };
  assert.ok(spec.paths["/api/v1/communities/{slug}/lifecycle"]);
  assert.ok(spec.paths["/api/v1/communities/{slug}/lifecycle/checklist/{item}"]);
  assert.ok(spec.paths["/api/v1/communities/{slug}/lifecycle/stage"]);
});
