import assert from "node:assert/strict";
import { test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { and, eq, inArray } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { actorFor, buildCommunity, buildPerson } from "../../../test/support/factories.js";
import { actors, kinds } from "../../../test/support/policy-matrix.js";
import { signInOnce } from "../../../test/support/signed-in.js";
import { activityEvents } from "../../platform/activity.js";
import { decide } from "../../platform/policy.js";
import type { PageContext } from "../../ui/page-context.js";
import { sessionBoardMatrix } from "./board-policy.matrix.js";
import { proposeSession, setVote } from "./board-service.js";
import { loadEvent } from "./load.js";
import { events, sessionProposals, sessionVotes } from "./tables.js";
import { loadSessionBoard, SessionBoard } from "./views/session-board.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const alice = await buildPerson(db, { name: "Alice Going" });
const bob = await buildPerson(db, { name: "Bob Going" });
const carol = await buildPerson(db, { name: "Carol Going" });
const dave = await buildPerson(db, { name: "Dave Not Going" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });

const staffWide = await buildCommunity(db, {
  name: "Open Data",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: alice.id },
    { personId: bob.id },
    { personId: carol.id },
    { personId: dave.id },
  ],
});
const membersOnly = await buildCommunity(db, {
  name: "HR Operations",
  contentAccess: "members",
  members: [{ personId: convenor.id, role: "convenor" }, { personId: alice.id }],
});

const unconference = (overrides: Parameters<typeof buildEvent>[2] = {}) =>
  buildEvent(db, staffWide.id, {
    type: "unconference",
    title: "Data day",
    going: [alice.id, bob.id, carol.id],
    ...overrides,
  });

const signedIn = signInOnce(app, { openHome: true });

async function propose(personId: string, eventId: string, title: string) {
  return proposeSession(db, await actorFor(db, personId), await loadEvent(db, eventId), true, {
    title,
    description: "",
  });
}

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

test("the board's policy rows hold", () => {
  for (const row of sessionBoardMatrix) {
    for (const kind of kinds) {
      const allowed = decide(actors[kind], row.action, row.target as never).allowed;
      assert.equal(allowed, row.allowed.includes(kind), `${row.action} (${row.when}) for ${kind}`);
    }
  }
});

test("only unconferences have a board: any other event is a 404, pages and API", async () => {
  const talk = await buildEvent(db, staffWide.id, { type: "talk", going: [alice.id] });
  const v = await signedIn(alice);
  assert.equal((await v.get(`/events/${talk.id}/board`)).status, 404);
  assert.equal((await v.post(`/events/${talk.id}/board/proposals`, { title: "Hello there" })).status, 404);
  assert.equal((await (await signedIn(convenor)).get(`/events/${talk.id}/board/schedule`)).status, 404);
  assert.equal((await v.get(`/events/not-an-id/board`)).status, 404);
  const loaded = await loadEvent(db, talk.id);
  const data = await loadSessionBoard({
    db,
    loaded,
    actor: await actorFor(db, alice.id),
    now: new Date(),
    canManage: false,
  });
  assert.equal(data, null);
});

test("people going and organisers propose; others see why they cannot; typed values survive a 422", async () => {
  const event = await unconference();
  const path = `/events/${event.id}/board/proposals`;
  const daveView = await (await signedIn(dave)).get(`/events/${event.id}/board`);
  assert.equal(daveView.status, 200);
  assert.match(daveView.html, /Say you are going to propose sessions/);
  assert.doesNotMatch(daveView.html, /Propose this session/);
  assert.equal((await (await signedIn(dave)).post(path, { title: "Not going" })).status, 403);

  const v = await signedIn(alice);
  const bad = await v.post(path, { title: "ab", description: "<script>alert(1)</script> typed" });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /Enter a title of at least 3 characters/);
  assert.match(bad.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; typed/);
  assert.doesNotMatch(bad.html, /<script>alert/);

  const made = await v.post(path, { title: "Open data licences", description: "Which licence, when?" });
  assert.equal(made.status, 303);
  assert.match(made.location ?? "", new RegExp(`^/events/${event.id}/board#proposal-`));
  assert.equal((await (await signedIn(convenor)).post(path, { title: "Organiser's pick" })).status, 303);

  const board = await v.get(`/events/${event.id}/board`);
  assert.match(board.html, /Open data licences/);
  assert.match(board.html, /Proposed by Alice Going/);
  assert.match(board.html, /You have <strong>3<\/strong> of 3 votes left/);
  const verbs = await db
    .select({ verb: activityEvents.verb })
    .from(activityEvents)
    .where(eq(activityEvents.verb, "session.proposed"));
  assert.ok(verbs.length >= 2);

  const membersOnlyEvent = await buildEvent(db, membersOnly.id, { type: "unconference", going: [alice.id] });
  assert.equal((await (await signedIn(outsider)).get(`/events/${membersOnlyEvent.id}/board`)).status, 403);
  assert.equal((await new Visitor(app as never).get(`/events/${membersOnlyEvent.id}/board`)).status, 303);
  const ended = await unconference({
    startsAt: new Date(Date.now() - 5 * 3_600_000),
    endsAt: new Date(Date.now() - 3_600_000),
  });
  assert.equal((await v.post(`/events/${ended.id}/board/proposals`, { title: "Too late now" })).status, 403);
});

test("votes: one per session, toggled, within the allowance, counts kept", async () => {
  const event = await unconference({ votesPerPerson: 2 });
  const [p1, p2, p3] = [
    await propose(bob.id, event.id, "Session one"),
    await propose(bob.id, event.id, "Session two"),
    await propose(carol.id, event.id, "Session three"),
  ];
  const v = await signedIn(alice);
  const vote = (id: string) => v.post(`/events/${event.id}/board/proposals/${id}/vote`);
  assert.equal((await vote(p1!.id)).status, 303);
  assert.equal((await vote(p2!.id)).status, 303);
  const refused = await vote(p3!.id);
  assert.equal(refused.status, 422);
  assert.match(refused.html, /You have used all 2 of your votes/);
  let page = await v.get(`/events/${event.id}/board`);
  assert.equal(count(page.html, /aria-pressed="true"/g), 2);
  assert.equal(count(page.html, /aria-pressed="false"/g), 1);
  assert.match(page.html, /You have <strong>0<\/strong> of 2 votes left/);

  assert.equal((await vote(p1!.id)).status, 303, "a second click takes the vote back");
  assert.equal((await vote(p3!.id)).status, 303);
  page = await v.get(`/events/${event.id}/board`);
  assert.equal(count(page.html, /aria-pressed="true"/g), 2);
  assert.equal(
    (await (await signedIn(dave)).post(`/events/${event.id}/board/proposals/${p1!.id}/vote`)).status,
    403,
  );
  assert.equal((await v.post(`/events/${event.id}/board/proposals/not-a-proposal/vote`)).status, 404);

  const counts = await db
    .select({ id: sessionProposals.id, voteCount: sessionProposals.voteCount })
    .from(sessionProposals)
    .where(eq(sessionProposals.eventId, event.id));
  const byId = new Map(counts.map((r) => [r.id, r.voteCount]));
  assert.deepEqual([byId.get(p1!.id), byId.get(p2!.id), byId.get(p3!.id)], [0, 1, 1]);
  const voted = await db
    .select({ verb: activityEvents.verb })
    .from(activityEvents)
    .where(
      and(
        inArray(activityEvents.objectId, [p1!.id, p2!.id, p3!.id]),
        eq(activityEvents.verb, "session.voted"),
      ),
    );
  assert.equal(voted.length, 3);
});

test("parallel votes never exceed the allowance", async () => {
  const event = await unconference({ votesPerPerson: 3 });
  const proposals = [];
  for (let i = 0; i < 6; i++)
    proposals.push(await propose(i < 3 ? bob.id : carol.id, event.id, `Parallel ${i}`));
  const actor = await actorFor(db, alice.id);
  const loaded = await loadEvent(db, event.id);
  const results = await Promise.allSettled(
    proposals.map((p) => setVote(db, actor, loaded, true, p!.id, true)),
  );
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 3);
  for (const r of results)
    if (r.status === "rejected") assert.equal((r.reason as { code?: string }).code, "no_votes_left");
  const votes = await db
    .select()
    .from(sessionVotes)
    .where(and(eq(sessionVotes.eventId, event.id), eq(sessionVotes.personId, alice.id)));
  assert.equal(votes.length, 3);
  const total = (
    await db
      .select({ n: sessionProposals.voteCount })
      .from(sessionProposals)
      .where(eq(sessionProposals.eventId, event.id))
  ).reduce((sum, r) => sum + r.n, 0);
  assert.equal(total, 3);

  // The same session clicked many times at once: one vote.
  const again = await unconference({ votesPerPerson: 3 });
  const one = await propose(bob.id, again.id, "Clicked often");
  const loadedAgain = await loadEvent(db, again.id);
  await Promise.all(Array.from({ length: 5 }, () => setVote(db, actor, loadedAgain, true, one!.id, true)));
  const [row] = await db.select().from(sessionProposals).where(eq(sessionProposals.id, one!.id));
  assert.equal(row!.voteCount, 1);
});

test("withdrawing: the proposer or an organiser; votes are given back", async () => {
  const event = await unconference();
  const p = await propose(alice.id, event.id, "Withdraw me");
  const loaded = await loadEvent(db, event.id);
  await setVote(db, await actorFor(db, bob.id), loaded, true, p!.id, true);
  const path = `/events/${event.id}/board/proposals/${p!.id}/withdraw`;
  assert.equal((await (await signedIn(bob)).post(path)).status, 403);
  const page = await (await signedIn(alice)).get(`/events/${event.id}/board`);
  assert.match(page.html, /<summary>Withdraw this session<\/summary>/);
  assert.equal((await (await signedIn(alice)).post(path)).status, 303);
  const [row] = await db.select().from(sessionProposals).where(eq(sessionProposals.id, p!.id));
  assert.ok(row!.withdrawnAt);
  assert.equal(row!.voteCount, 0);
  assert.equal((await db.select().from(sessionVotes).where(eq(sessionVotes.proposalId, p!.id))).length, 0);
  assert.equal((await (await signedIn(alice)).post(path)).status, 404);
  const other = await propose(bob.id, event.id, "Organiser removes");
  assert.equal(
    (await (await signedIn(convenor)).post(`/events/${event.id}/board/proposals/${other!.id}/withdraw`))
      .status,
    303,
  );
});

async function renderSection(eventId: string, personId: string, canManage = false) {
  const loaded = await loadEvent(db, eventId);
  const actor = await actorFor(db, personId);
  const data = await loadSessionBoard({ db, loaded, actor, now: new Date(), canManage });
  const ctx: PageContext = {
    actor,
    csrfToken: "t",
    orgName: "Northfield University",
    path: `/events/${eventId}`,
    flash: null,
    requestId: "test",
    signUp: true,
  };
  const node = SessionBoard({ ctx, loaded, data, canManage, now: new Date() });
  return node === null ? "" : String(await node.toString());
}

test("organisers lay out, place and publish; the grid shows on the board and the event page", async () => {
  const event = await unconference();
  const first = await propose(alice.id, event.id, "Linked data");
  const second = await propose(bob.id, event.id, "Dashboards <b>now</b>");
  const path = `/events/${event.id}/board/schedule`;
  assert.equal((await (await signedIn(alice)).get(path)).status, 403);
  assert.equal((await (await signedIn(alice)).post(path, { action: "publish" })).status, 403);
  const v = await signedIn(convenor);
  assert.equal((await v.get(path)).status, 200);

  const badGrid = await v.post(path, {
    action: "grid",
    rooms: `Main hall\n${"x".repeat(61)}`,
    slots: "10:00–10:45",
  });
  assert.equal(badGrid.status, 422);
  assert.match(badGrid.html, /Keep each room to 60 characters or fewer/);
  assert.match(badGrid.html, /xxxxxxxxxx/, "the typed rooms are kept");

  assert.equal(
    (await v.post(path, { action: "grid", rooms: "Main hall\n\nLibrary", slots: "10:00–10:45\n11:00–11:45" }))
      .status,
    303,
  );
  const [grid] = await db.select().from(events).where(eq(events.id, event.id));
  assert.deepEqual(grid!.boardRooms, ["Main hall", "Library"]);
  assert.deepEqual(grid!.boardSlots, ["10:00–10:45", "11:00–11:45"]);

  const form = await v.get(path);
  assert.match(form.html, /<select id="field-cell-1-1" name="cell-1-1">/);
  assert.match(
    form.html,
    /<label class="visually-hidden" for="field-cell-0-0">Main hall at 10:00–10:45<\/label>/,
  );

  const twice = await v.post(path, { action: "place", "cell-0-0": first!.id, "cell-1-0": first!.id });
  assert.equal(twice.status, 422);
  assert.match(twice.html, /“Linked data” is placed twice/);

  const empty = await v.post(path, { action: "publish" });
  assert.equal(empty.status, 422);
  assert.match(empty.html, /Place at least one session before publishing/);

  assert.equal(
    (await v.post(path, { action: "place", "cell-0-0": first!.id, "cell-1-1": second!.id })).status,
    303,
  );
  const unpublished = await renderSection(event.id, alice.id);
  assert.doesNotMatch(unpublished, /<table/);
  assert.match(unpublished, /See the 2 proposed sessions and vote/);

  assert.equal((await v.post(path, { action: "publish" })).status, 303);
  const section = await renderSection(event.id, alice.id);
  assert.match(section, /<table class="board-grid stack-on-mobile">/);
  assert.match(section, /<th scope="col">Main hall<\/th>/);
  assert.match(section, /<th scope="row">11:00–11:45<\/th>/);
  assert.match(section, /<td data-label="Main hall"><span class="board-session-title">Linked data<\/span>/);
  assert.match(section, /Dashboards &lt;b&gt;now&lt;\/b&gt;/);
  assert.doesNotMatch(section, /Lay out the schedule/);
  assert.match(await renderSection(event.id, convenor.id, true), /Lay out the schedule/);
  const board = await (await signedIn(bob)).get(`/events/${event.id}/board`);
  assert.match(board.html, /The published schedule/);

  const published = await db
    .select({ verb: activityEvents.verb })
    .from(activityEvents)
    .where(and(eq(activityEvents.objectId, event.id), eq(activityEvents.verb, "event.schedule_published")));
  assert.equal(published.length, 1);

  // Shrinking the grid takes the Library session off it.
  const shrunk = await v.post(path, {
    action: "grid",
    rooms: "Main hall",
    slots: "10:00–10:45\n11:00–11:45",
  });
  assert.equal(shrunk.status, 303);
  const [moved] = await db.select().from(sessionProposals).where(eq(sessionProposals.id, second!.id));
  assert.equal(moved!.room, null);

  assert.equal((await v.post(path, { action: "unpublish" })).status, 303);
  assert.doesNotMatch(await renderSection(event.id, alice.id), /<table/);
});

test("API: board, proposals, votes, withdrawal and the schedule with a clear cell conflict", async () => {
  const event = await unconference({ votesPerPerson: 1 });
  const { createToken } = await import("../tokens/service.js");
  const tokenOf = async (personId: string) =>
    (await createToken(db, await actorFor(db, personId), { name: "Script" })).secret;
  const call = async (method: string, path: string, secret: string | null, body?: unknown) => {
    const response = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        ...(body ? { "content-type": "application/json" } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  const [aliceToken, bobToken, daveToken, convenorToken] = [
    await tokenOf(alice.id),
    await tokenOf(bob.id),
    await tokenOf(dave.id),
    await tokenOf(convenor.id),
  ];
  const base = `/events/${event.id}/board`;
  assert.equal((await call("GET", base, null)).status, 401);
  const talk = await buildEvent(db, staffWide.id, { type: "talk" });
  assert.equal((await call("GET", `/events/${talk.id}/board`, aliceToken)).status, 404);

  assert.equal((await call("POST", `${base}/proposals`, daveToken, { title: "Not going" })).status, 403);
  assert.equal((await call("POST", `${base}/proposals`, aliceToken, { title: "" })).status, 422);
  const made = await call("POST", `${base}/proposals`, aliceToken, {
    title: "APIs for all",
    description: "Why not",
  });
  assert.equal(made.status, 201);
  const other = await call("POST", `${base}/proposals`, bobToken, { title: "Second session" });
  const id = made.json.id as string;

  const voted = await call("PUT", `${base}/proposals/${id}/vote`, bobToken);
  assert.deepEqual(voted.json, { proposalId: id, votedByYou: true, votesLeft: 0 });
  assert.equal(
    (await call("PUT", `${base}/proposals/${id}/vote`, bobToken)).status,
    200,
    "repeating changes nothing",
  );
  const over = await call("PUT", `${base}/proposals/${other.json.id}/vote`, bobToken);
  assert.equal(over.status, 422);
  assert.equal(over.json.code, "no_votes_left");
  assert.equal((await call("PUT", `${base}/proposals/${id}/vote`, daveToken)).status, 403);
  const board = await call("GET", base, bobToken);
  assert.equal(board.status, 200);
  assert.equal(board.json.votesLeft, 0);
  assert.equal(board.json.proposals[0].id, id);
  assert.equal(board.json.proposals[0].voteCount, 1);
  assert.equal(board.json.proposals[0].votedByYou, true);
  assert.deepEqual((await call("DELETE", `${base}/proposals/${id}/vote`, bobToken)).json, {
    proposalId: id,
    votedByYou: false,
    votesLeft: 1,
  });

  const schedule = {
    rooms: ["Main hall", "Library"],
    slots: ["10:00–10:45"],
    placements: [
      { proposalId: id, room: 0, slot: 0 },
      { proposalId: other.json.id, room: 0, slot: 0 },
    ],
    published: true,
  };
  assert.equal((await call("PUT", `${base}/schedule`, aliceToken, schedule)).status, 403);
  const clash = await call("PUT", `${base}/schedule`, convenorToken, schedule);
  assert.equal(clash.status, 422);
  assert.equal(clash.json.code, "cell_taken");
  assert.match(clash.json.detail, /“APIs for all” and “Second session” are both in Main hall at 10:00–10:45/);
  const outside = await call("PUT", `${base}/schedule`, convenorToken, {
    ...schedule,
    placements: [{ proposalId: id, room: 5, slot: 0 }],
  });
  assert.equal(outside.status, 422);
  const ok = await call("PUT", `${base}/schedule`, convenorToken, {
    ...schedule,
    placements: [
      { proposalId: id, room: 0, slot: 0 },
      { proposalId: other.json.id, room: 1, slot: 0 },
    ],
  });
  assert.equal(ok.status, 200);
  assert.ok(ok.json.schedulePublishedAt);
  assert.deepEqual(ok.json.proposals.map((p: { room: number; slot: number }) => [p.room, p.slot]).sort(), [
    [0, 0],
    [1, 0],
  ]);

  assert.equal((await call("DELETE", `${base}/proposals/${id}`, bobToken)).status, 403);
  assert.equal((await call("DELETE", `${base}/proposals/${id}`, aliceToken)).status, 204);
  assert.equal((await call("DELETE", `${base}/proposals/${id}`, aliceToken)).status, 404);
});

test("the outputs and board operations are in a valid OpenAPI document, tagged Events", async () => {
  const spec = await (await app.request("/api/openapi.json")).json();
  const result = await new Validator().validate(spec);
  assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
  const expected: [string, string][] = [
    ["/api/v1/events/{id}/outputs", "get"],
    ["/api/v1/events/{id}/outputs", "put"],
    ["/api/v1/events/{id}/board", "get"],
    ["/api/v1/events/{id}/board/proposals", "post"],
    ["/api/v1/events/{id}/board/proposals/{proposalId}", "delete"],
    ["/api/v1/events/{id}/board/proposals/{proposalId}/vote", "put"],
    ["/api/v1/events/{id}/board/proposals/{proposalId}/vote", "delete"],
    ["/api/v1/events/{id}/board/schedule", "put"],
  ];
  for (const [path, method] of expected) {
    const operation = spec.paths?.[path]?.[method];
    assert.ok(operation, `${method.toUpperCase()} ${path} is documented`);
    assert.deepEqual(operation.tags, ["Events"]);
  }
});

test("hostile and odd input is refused or kept inert, never a 500", async () => {
  const event = await unconference();
  const v = await signedIn(alice);
  const long = await v.post(`/events/${event.id}/board/proposals`, {
    title: "x".repeat(10_000),
    description: "y".repeat(5_000),
  });
  assert.equal(long.status, 422);
  assert.match(long.html, /Keep the title to 120 characters or fewer/);
  const odd = await v.post(`/events/${event.id}/board/proposals`, {
    title: "Zalgo z̷̢̛a̶l̴g̵o \u202Eevil\u202C 🎉",
    description: "",
  });
  assert.equal(odd.status, 303);
  assert.equal((await v.post(`/events/${event.id}/board/proposals/${"f".repeat(500)}/withdraw`)).status, 404);
  const organiser = await signedIn(convenor);
  const path = `/events/${event.id}/board/schedule`;
  assert.equal((await organiser.post(path, { action: "place", "cell-99-99": "nope" })).status, 422);
  assert.equal((await organiser.post(path, { action: "something else" })).status, 422);
  const tooMany = await organiser.post(path, {
    action: "grid",
    rooms: Array.from({ length: 13 }, (_, i) => `Room ${i}`).join("\n"),
    slots: "10:00",
  });
  assert.equal(tooMany.status, 422);
  assert.match(tooMany.html, /Add at most 12 rooms/);
  // The programme team may lay out any unconference's schedule.
  const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });
  assert.equal((await (await signedIn(programme)).get(path)).status, 200);
});

test("the event page shows the published schedule", async () => {
  const event = await unconference();
  const p = await propose(alice.id, event.id, "Page session");
  const v = await signedIn(convenor);
  const path = `/events/${event.id}/board/schedule`;
  await v.post(path, { action: "grid", rooms: "Main hall", slots: "10:00–10:45" });
  await v.post(path, { action: "place", "cell-0-0": p!.id });
  const before = await (await signedIn(bob)).get(`/events/${event.id}`);
  assert.equal(before.status, 200);
  assert.match(before.html, /See the 1 proposed session and vote/);
  assert.doesNotMatch(before.html, /class="board-grid/);
  await v.post(path, { action: "publish" });
  const after = await (await signedIn(bob)).get(`/events/${event.id}`);
  assert.match(after.html, /<th scope="row">10:00–10:45<\/th>/);
  assert.match(after.html, /Page session/);
});

test("with htmx, a vote swaps the proposals in place, refusals included", async () => {
  const event = await unconference({ votesPerPerson: 1 });
  const [p1, p2] = [await propose(bob.id, event.id, "Swap one"), await propose(bob.id, event.id, "Swap two")];
  const v = await signedIn(alice);
  const htmxVote = async (id: string) => {
    const response = await app.request(`/events/${event.id}/board/proposals/${id}/vote`, {
      method: "POST",
      body: new URLSearchParams({ _csrf: v.csrfToken }).toString(),
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: v.cookieHeader(),
        "hx-request": "true",
      },
    });
    return { status: response.status, html: await response.text() };
  };
  const first = await htmxVote(p1!.id);
  assert.equal(first.status, 200);
  assert.match(first.html, /^<section id="board-proposals"/);
  assert.match(first.html, new RegExp(`id="vote-${p1!.id}"[^>]*aria-pressed="true"`));
  assert.match(first.html, /You have <strong>0<\/strong> of 1 vote left/);
  const refused = await htmxVote(p2!.id);
  assert.equal(refused.status, 200);
  assert.match(refused.html, /role="alert">You have used your vote\. Take one back/);
});

test("organisers set the votes each person may spend", async () => {
  const event = await unconference();
  const v = await signedIn(convenor);
  const path = `/events/${event.id}/board/schedule`;
  assert.match(
    (await v.get(path)).html,
    /name="votesPerPerson"[^>]*value="3"|value="3"[^>]*name="votesPerPerson"/,
  );
  const bad = await v.post(path, { action: "grid", rooms: "Hall", slots: "10:00", votesPerPerson: "99" });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /Give each person at most 10 votes/);
  assert.match(bad.html, /value="99"/);
  assert.equal(
    (await v.post(path, { action: "grid", rooms: "Hall", slots: "10:00", votesPerPerson: "5" })).status,
    303,
  );
  const [row] = await db.select().from(events).where(eq(events.id, event.id));
  assert.equal(row!.votesPerPerson, 5);
  assert.match((await (await signedIn(alice)).get(`/events/${event.id}/board`)).html, /of 5 votes left/);
});
