import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { actors } from "../../../test/support/policy-matrix.js";
import { activityEvents } from "../../platform/activity.js";
import { decide } from "../../platform/policy.js";
import { memberships } from "../memberships/tables.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { interactionMatrix } from "./interactions-policy.matrix.js";
import { reactionsForThread } from "./interactions-queries.js";
import { reactions, replies, type ThreadKind, threadFollows, threads } from "./tables.js";

const { app, db, database } = await createTestApp();

const asker = await buildPerson(db, { name: "Asha Asker" });
const answerer = await buildPerson(db, { name: "Ben Answerer" });
const second = await buildPerson(db, { name: "Cy Second" });
const convenor = await buildPerson(db, { name: "Cora Convenor" });
const member = await buildPerson(db, { name: "Mo Member" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });

const community = await buildCommunity(db, {
  name: "HR Operations",
  slug: "hr-operations",
  contentAccess: "members",
  members: [
    { personId: asker.id },
    { personId: answerer.id },
    { personId: second.id },
    { personId: member.id },
    { personId: convenor.id, role: "convenor" },
  ],
});
const staffWide = await buildCommunity(db, {
  name: "Open Data",
  slug: "open-data",
  contentAccess: "staff",
  members: [{ personId: asker.id }],
});
const closed = await buildCommunity(db, {
  name: "Old Group",
  slug: "old-group",
  status: "closed",
  members: [{ personId: asker.id }, { personId: answerer.id }],
});

let clock = Date.parse("2030-03-14T10:00:00Z");
async function buildThread(
  options: {
    communityId?: string;
    authorId?: string;
    kind?: ThreadKind;
    title?: string;
    tags?: string[];
  } = {},
) {
  clock += 60_000;
  const [thread] = await db
    .insert(threads)
    .values({
      communityId: options.communityId ?? community.id,
      authorId: options.authorId ?? asker.id,
      kind: options.kind ?? "question",
      title: options.title ?? "How do you handle payroll cut-off?",
      body: "We keep missing the cut-off.",
      tags: options.tags ?? ["payroll"],
      lastActivityAt: new Date(clock),
    })
    .returning();
  return thread!;
}
async function buildReply(
  thread: { id: string; communityId: string },
  authorId = answerer.id,
  extra: Partial<typeof replies.$inferInsert> = {},
) {
  const [reply] = await db
    .insert(replies)
    .values({
      threadId: thread.id,
      communityId: thread.communityId,
      authorId,
      body: "Move it earlier.",
      ...extra,
    })
    .returning();
  return reply!;
}

const sessions = new Map<string, Visitor>();
async function signedIn(person: { email: string }) {
  const known = sessions.get(person.email);
  if (known) return known;
  const visitor = new Visitor(app as never);
  const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
  assert.equal(response.status, 303, `sign-in of ${person.email}`);
  await visitor.get("/");
  sessions.set(person.email, visitor);
  return visitor;
}

/** A form post as htmx sends it. */
async function htmxPost(visitor: Visitor, path: string, fields: Record<string, string> = {}) {
  const body = new URLSearchParams({ _csrf: visitor.csrfToken, ...fields });
  const response = await app.request(path, {
    method: "POST",
    body: body.toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: visitor.cookieHeader(),
      "hx-request": "true",
    },
  });
  return { status: response.status, html: await response.text(), location: response.headers.get("location") };
}

/** A page as htmx fetches it after following a redirect (the same page, with htmx's header). */
async function htmxGet(visitor: Visitor, path: string) {
  const response = await app.request(path, {
    headers: { cookie: visitor.cookieHeader(), "hx-request": "true" },
  });
  return { status: response.status, html: await response.text() };
}

/** A reaction button's accessible name: its text, tags stripped and spaces collapsed. */
function buttonName(html: string, kind: string) {
  const button = new RegExp(`<button[^>]*value="${kind}"[^>]*>([\\s\\S]*?)</button>`).exec(html)?.[1] ?? "";
  return button
    .replace(/<[^>]+>/g, "")
    .replace(/\s+/g, " ")
    .replace(/ ,/g, ",")
    .trim();
}

const threadUrl = (thread: { id: string }, slug = "hr-operations") =>
  `/communities/${slug}/discussions/${thread.id}`;

async function threadRow(id: string) {
  const [row] = await db.select().from(threads).where(eq(threads.id, id));
  return row!;
}

async function events(verb: string, objectId: string) {
  return db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, verb), eq(activityEvents.objectId, objectId)));
}

test("the interaction rules answer as the matrix says", () => {
  for (const row of interactionMatrix) {
    for (const [kind, actor] of Object.entries(actors)) {
      const decision = decide(actor, row.action, row.target as never);
      const expected = row.allowed.includes(kind as never);
      assert.equal(decision.allowed, expected, `${row.action} on ${row.when} by ${kind}`);
      if (!decision.allowed) assert.ok(decision.reason.length > 10, "a refusal says why");
    }
  }
});

test("the asker accepts an answer: recorded, the answerer is told, and can unaccept", async () => {
  const thread = await buildThread({ tags: ["payroll", "cut-off"] });
  const reply = await buildReply(thread);
  const visitor = await signedIn(asker);

  const accepted = await visitor.post(`${threadUrl(thread)}/replies/${reply.id}/accept`);
  assert.equal(accepted.status, 303);
  assert.equal(accepted.location, `${threadUrl(thread)}#reply-${reply.id}`);
  const row = await threadRow(thread.id);
  assert.equal(row.acceptedReplyId, reply.id);
  assert.ok(row.acceptedAt);

  const [event] = await events("answer.accepted", reply.id);
  assert.equal(event?.actorId, asker.id);
  assert.equal(event?.communityId, community.id);
  assert.deepEqual(
    { ...(event?.data as Record<string, unknown>), title: undefined },
    {
      threadId: thread.id,
      replyId: reply.id,
      answererId: answerer.id,
      tags: ["payroll", "cut-off"],
      title: undefined,
    },
  );

  const told = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.personId, answerer.id), eq(notifications.kind, "discussion.answer_accepted")),
    );
  assert.equal(told.length, 1);
  assert.match(told[0]!.title, /Your answer was accepted/);
  assert.equal(told[0]!.url, `${threadUrl(thread)}#reply-${reply.id}`);

  const undone = await visitor.post(`${threadUrl(thread)}/replies/${reply.id}/unaccept`);
  assert.equal(undone.status, 303);
  assert.equal((await threadRow(thread.id)).acceptedReplyId, null);
  assert.equal((await threadRow(thread.id)).acceptedAt, null);
});

test("a convenor accepts and replaces the answer; with htmx the answer section moves into place", async () => {
  const thread = await buildThread();
  const first = await buildReply(thread);
  const better = await buildReply(thread, second.id);
  const visitor = await signedIn(convenor);

  // Without JavaScript: Post/Redirect/Get to the reply, with a flash.
  assert.equal((await visitor.post(`${threadUrl(thread)}/replies/${first.id}/accept`)).status, 303);

  // The control asks htmx to swap the whole thread region, selected from the page it gets back.
  const before = await visitor.get(threadUrl(thread));
  assert.equal([...before.html.matchAll(/class="thread"/g)].length, 1, "one region to select");
  assert.match(
    before.html,
    new RegExp(
      `hx-post="${threadUrl(thread)}/replies/${better.id}/accept" hx-target="closest .thread" hx-select=".thread" hx-swap="outerHTML"`,
    ),
  );

  // With htmx: the post redirects to the thread itself (no flash, no fragment), which htmx follows.
  const swapped = await htmxPost(visitor, `${threadUrl(thread)}/replies/${better.id}/accept`);
  assert.equal(swapped.status, 303);
  assert.equal(swapped.location, threadUrl(thread));
  assert.equal((await threadRow(thread.id)).acceptedReplyId, better.id);
  const page = await htmxGet(visitor, swapped.location!);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.html, /You accepted this answer/);
  const region = page.html.slice(page.html.indexOf('class="thread"'));
  const acceptedSection = /<section class="accepted-answer"[\s\S]*?<\/section>/.exec(region)?.[0] ?? "";
  const repliesSection = /<section class="replies"[\s\S]*?<\/section>/.exec(region)?.[0] ?? "";
  assert.match(acceptedSection, new RegExp(`id="accept-${better.id}"`), "the new answer is in the section");
  assert.match(acceptedSection, /Unaccept this answer/);
  assert.doesNotMatch(acceptedSection, new RegExp(`id="accept-${first.id}"`));
  assert.match(
    repliesSection,
    new RegExp(`id="accept-${first.id}"`),
    "the old answer is back among the replies",
  );
  assert.doesNotMatch(repliesSection, new RegExp(`id="accept-${better.id}"`));
  assert.match(region, /class="badge thread-answered">Answered/);

  // Unaccepting takes the section away again.
  const back = await htmxPost(visitor, `${threadUrl(thread)}/replies/${better.id}/unaccept`);
  assert.equal(back.status, 303);
  assert.equal(back.location, threadUrl(thread));
  const after = await htmxGet(visitor, back.location!);
  assert.doesNotMatch(after.html, /class="accepted-answer"/);
  assert.doesNotMatch(after.html, /Unaccept this answer/);
  assert.match(after.html, new RegExp(`id="accept-${better.id}"[\\s\\S]*?Accept this answer`));

  // The no-JavaScript path is unchanged.
  const plain = await visitor.post(`${threadUrl(thread)}/replies/${first.id}/accept`);
  assert.equal(plain.status, 303);
  assert.equal(plain.location, `${threadUrl(thread)}#reply-${first.id}`);
  assert.match((await visitor.get(threadUrl(thread))).html, /You accepted this answer/);
});

test("accepting is refused for others, non-questions, hidden, deleted and foreign replies", async () => {
  const thread = await buildThread();
  const reply = await buildReply(thread);
  const hidden = await buildReply(thread, second.id, { hiddenAt: new Date(), hiddenReason: "spam" });
  const deleted = await buildReply(thread, second.id, { deletedAt: new Date() });
  const discussion = await buildThread({ kind: "discussion" });
  const discussionReply = await buildReply(discussion);
  const other = await buildThread();
  const otherReply = await buildReply(other);

  const someone = await signedIn(member);
  const refused = await someone.post(`${threadUrl(thread)}/replies/${reply.id}/accept`);
  assert.equal(refused.status, 403);
  assert.match(refused.html, /Only the person who asked and the convenors of HR Operations/);

  const owner = await signedIn(asker);
  const notQuestion = await owner.post(`${threadUrl(discussion)}/replies/${discussionReply.id}/accept`);
  assert.equal(notQuestion.status, 403);
  assert.match(notQuestion.html, /Only questions have an accepted answer/);

  for (const gone of [hidden, deleted]) {
    const response = await owner.post(`${threadUrl(thread)}/replies/${gone.id}/accept`);
    assert.equal(response.status, 422);
    assert.match(response.html, /deleted or hidden/);
  }
  assert.equal((await owner.post(`${threadUrl(thread)}/replies/${otherReply.id}/accept`)).status, 404);
  // A thread reached through another community's address does not exist there.
  assert.equal(
    (await owner.post(`${threadUrl(thread, "open-data")}/replies/${reply.id}/accept`)).status,
    404,
  );
  assert.equal((await threadRow(thread.id)).acceptedReplyId, null);

  const anonymous = new Visitor(app as never);
  assert.equal((await anonymous.post(`${threadUrl(thread)}/replies/${reply.id}/accept`)).status, 401);
  const noCsrf = await owner.post(`${threadUrl(thread)}/replies/${reply.id}/accept`, {}, { csrf: false });
  assert.equal(noCsrf.status, 403);
  assert.equal((await threadRow(thread.id)).acceptedReplyId, null);
});

test("reactions toggle per person, are counted, and the bar works with and without htmx", async () => {
  const thread = await buildThread({ kind: "discussion" });
  const reply = await buildReply(thread);
  const url = `${threadUrl(thread)}/posts/${reply.id}/reactions`;

  const asking = await signedIn(asker);
  const given = await asking.post(url, { kind: "helpful" });
  assert.equal(given.status, 303);
  assert.equal(given.location, `${threadUrl(thread)}#reactions-${reply.id}`);

  const other = await signedIn(member);
  const bar = await htmxPost(other, url, { kind: "helpful" });
  assert.equal(bar.status, 200);
  assert.equal(buttonName(bar.html, "helpful"), "Helpful, 2 people");
  assert.match(bar.html, /value="helpful"[^>]*aria-pressed="true"/);
  assert.match(bar.html, /value="thanks"[^>]*aria-pressed="false"/);
  assert.equal(buttonName(bar.html, "thanks"), "Thanks, 0 people");

  // Again: toggled off.
  const off = await htmxPost(other, url, { kind: "helpful" });
  assert.equal(buttonName(off.html, "helpful"), "Helpful, 1 person");
  assert.match(off.html, /value="helpful"[^>]*aria-pressed="false"/);

  const ownThread = await asking.post(`${threadUrl(thread)}/posts/${thread.id}/reactions`, {
    kind: "thanks",
  });
  assert.equal(ownThread.status, 403, "nor on your own thread");
  const added = await events("reaction.added", reply.id);
  assert.equal(added.length, 2);
  assert.deepEqual(added[0]?.data, {
    kind: "helpful",
    postId: reply.id,
    threadId: thread.id,
    authorId: answerer.id,
    tags: ["payroll"],
  });
  assert.equal((await events("reaction.removed", reply.id)).length, 1);
});

test("reactions are refused on your own post, to non-members, on hidden posts, and in closed communities", async () => {
  const thread = await buildThread({ kind: "discussion" });
  const reply = await buildReply(thread);
  const url = `${threadUrl(thread)}/posts/${reply.id}/reactions`;

  const own = await (await signedIn(answerer)).post(url, { kind: "thanks" });
  assert.equal(own.status, 403);
  assert.match(own.html, /You cannot react to your own post/);

  const stranger = await (await signedIn(outsider)).post(url, { kind: "thanks" });
  assert.equal(stranger.status, 403);
  assert.match(stranger.html, /Only members of HR Operations can see this/);

  // All-staff community: anyone may read, but only members react.
  const open = await buildThread({ communityId: staffWide.id, kind: "discussion" });
  const openReply = await buildReply(open, asker.id);
  const notMember = await (await signedIn(member)).post(
    `${threadUrl(open, "open-data")}/posts/${openReply.id}/reactions`,
    { kind: "thanks" },
  );
  assert.equal(notMember.status, 403);
  assert.match(notMember.html, /Only members of Open Data can react to posts/);

  const hidden = await buildReply(thread, second.id, { hiddenAt: new Date() });
  const onHidden = await (await signedIn(member)).post(`${threadUrl(thread)}/posts/${hidden.id}/reactions`, {
    kind: "thanks",
  });
  assert.equal(onHidden.status, 422);

  const old = await buildThread({ communityId: closed.id, kind: "discussion" });
  const oldReply = await buildReply(old, answerer.id);
  const inClosed = await (await signedIn(asker)).post(
    `${threadUrl(old, "old-group")}/posts/${oldReply.id}/reactions`,
    {
      kind: "thanks",
    },
  );
  assert.equal(inClosed.status, 403);
  assert.match(inClosed.html, /Old Group has closed/);

  const rows = await db.select().from(reactions).where(eq(reactions.threadId, thread.id));
  assert.equal(rows.length, 0);
});

test("hostile reaction kinds are refused with 422 and never echoed", async () => {
  const thread = await buildThread({ kind: "discussion" });
  const reply = await buildReply(thread);
  const visitor = await signedIn(member);
  for (const kind of ["<script>alert(1)</script>", "love", "", "helpful' or 1=1 --"]) {
    const response = await visitor.post(`${threadUrl(thread)}/posts/${reply.id}/reactions`, { kind });
    assert.equal(response.status, 422, `kind ${kind}`);
    assert.doesNotMatch(response.html, /<script>alert/);
  }
  const missing = await visitor.post(`${threadUrl(thread)}/posts/${reply.id}/reactions`, {});
  assert.equal(missing.status, 422);
  assert.equal(
    (await visitor.post(`${threadUrl(thread)}/posts/no-such-post/reactions`, { kind: "thanks" })).status,
    404,
  );
});

test("reactionsForThread loads every post's counts and the viewer's own in one query", async () => {
  const thread = await buildThread({ kind: "discussion" });
  const a = await buildReply(thread);
  const b = await buildReply(thread, second.id);
  await db.insert(reactions).values([
    { postId: thread.id, personId: member.id, kind: "thanks", threadId: thread.id },
    { postId: a.id, personId: member.id, kind: "helpful", threadId: thread.id },
    { postId: a.id, personId: second.id, kind: "helpful", threadId: thread.id },
    { postId: a.id, personId: asker.id, kind: "same_problem", threadId: thread.id },
  ]);
  const before = database.queryCount.value;
  const byPost = await reactionsForThread(db, thread.id, member.id);
  assert.equal(database.queryCount.value - before, 1);
  assert.deepEqual(byPost.get(thread.id), {
    counts: { thanks: 1, helpful: 0, same_problem: 0 },
    mine: ["thanks"],
  });
  assert.deepEqual(byPost.get(a.id), {
    counts: { thanks: 0, helpful: 2, same_problem: 1 },
    mine: ["helpful"],
  });
  assert.equal(byPost.has(b.id), false);
  const anonymousView = await reactionsForThread(db, thread.id, null);
  assert.deepEqual(anonymousView.get(a.id)?.mine, []);
});

test("follow and unfollow a thread, with and without htmx, and list them on /me/following", async () => {
  const thread = await buildThread({ title: "Follow <b>me</b>" });
  const visitor = await signedIn(second);

  const followed = await visitor.post(`${threadUrl(thread)}/follow`);
  assert.equal(followed.status, 303);
  assert.equal(followed.location, threadUrl(thread));
  const again = await htmxPost(visitor, `${threadUrl(thread)}/follow`);
  assert.equal(again.status, 200);
  assert.match(again.html, /Stop following/);
  assert.equal((await events("thread.followed", thread.id)).length, 1, "following twice records once");

  const list = await visitor.get("/me/following");
  assert.equal(list.status, 200);
  assert.match(list.html, /<h1>Threads you follow<\/h1>/);
  assert.match(list.html, /Follow &lt;b&gt;me&lt;\/b&gt;/);
  assert.match(list.html, /HR Operations/);
  assert.match(list.html, /Unanswered/);

  const unfollowed = await visitor.post(`${threadUrl(thread)}/unfollow`, { next: "/me/following" });
  assert.equal(unfollowed.status, 303);
  assert.equal(unfollowed.location, "/me/following");
  assert.equal((await events("thread.unfollowed", thread.id)).length, 1);
  const empty = await visitor.get("/me/following");
  assert.match(empty.html, /You are not following any threads/);

  // Only /me/following is a place to return to.
  await visitor.post(`${threadUrl(thread)}/follow`);
  const elsewhere = await visitor.post(`${threadUrl(thread)}/unfollow`, { next: "https://evil.example/" });
  assert.equal(elsewhere.location, threadUrl(thread));
  const htmxUnfollow = await htmxPost(visitor, `${threadUrl(thread)}/follow`);
  assert.match(htmxUnfollow.html, /Stop following/);

  // Members-only: outsiders cannot follow.
  const refused = await (await signedIn(outsider)).post(`${threadUrl(thread)}/follow`);
  assert.equal(refused.status, 403);
});

test("/me/following is paginated and leaves out threads the person can no longer read", async () => {
  const person = await buildPerson(db, { name: "Fay Follower" });
  await db.insert(memberships).values({ communityId: community.id, personId: person.id });
  const made = [];
  for (let i = 0; i < 22; i++) made.push(await buildThread({ title: `Thread number ${i}` }));
  for (const thread of made)
    await db.insert(threadFollows).values({ threadId: thread.id, personId: person.id });
  const hidden = await buildThread({ title: "Hidden thread" });
  await db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, hidden.id));
  await db.insert(threadFollows).values({ threadId: hidden.id, personId: person.id });

  const visitor = await signedIn(person);
  const first = await visitor.get("/me/following");
  assert.match(first.html, /Thread number 21/);
  assert.doesNotMatch(first.html, /Thread number 1\b/);
  assert.doesNotMatch(first.html, /Hidden thread/);
  const next = /href="([^"]+)" rel="next"/.exec(first.html)?.[1]?.replace(/&amp;/g, "&");
  assert.ok(next);
  const second = await visitor.get(next);
  assert.match(second.html, /Thread number 1\b/);
  assert.match(second.html, /Thread number 0/);
  assert.doesNotMatch(second.html, /Thread number 21/);

  // Leaving the members-only community takes its threads off the list.
  await db
    .update(memberships)
    .set({ state: "left" })
    .where(and(eq(memberships.communityId, community.id), eq(memberships.personId, person.id)));
  const fresh = new Visitor(app as never);
  await fresh.signIn(person.email, FACTORY_PASSWORD);
  const after = await fresh.get("/me/following");
  assert.match(after.html, /You are not following any threads/);
  const anonymous = await new Visitor(app as never).get("/me/following");
  assert.equal(anonymous.status, 303, "visitors are sent to sign in");
  assert.match(anonymous.headers.get("location") ?? "", /sign-in/);
});

test("the API accepts answers, reacts, follows and lists followed threads", async () => {
  const token = (await createToken(db, await actorFor(db, asker.id), { name: "Script" })).secret;
  const memberToken = (await createToken(db, await actorFor(db, member.id), { name: "Script" })).secret;
  const outsiderToken = (await createToken(db, await actorFor(db, outsider.id), { name: "Script" })).secret;
  const call = (method: string, path: string, secret: string | null, body?: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: {
        ...(secret ? { authorization: `Bearer ${secret}` } : {}),
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
  const thread = await buildThread();
  const reply = await buildReply(thread);
  const hidden = await buildReply(thread, second.id, { hiddenAt: new Date() });

  assert.equal(
    (await call("PUT", `/threads/${thread.id}/accepted-answer`, null, { replyId: reply.id })).status,
    401,
  );
  assert.equal(
    (await call("PUT", `/threads/${thread.id}/accepted-answer`, memberToken, { replyId: reply.id })).status,
    403,
  );
  assert.equal(
    (await call("PUT", `/threads/${thread.id}/accepted-answer`, token, { replyId: hidden.id })).status,
    422,
  );
  assert.equal((await call("PUT", `/threads/${thread.id}/accepted-answer`, token, {})).status, 422);
  assert.equal(
    (await call("PUT", `/threads/no-such-thread/accepted-answer`, token, { replyId: reply.id })).status,
    404,
  );
  const accepted = await call("PUT", `/threads/${thread.id}/accepted-answer`, token, { replyId: reply.id });
  assert.equal(accepted.status, 200);
  const body = (await accepted.json()) as { acceptedReplyId: string; acceptedAt: string };
  assert.equal(body.acceptedReplyId, reply.id);
  assert.ok(body.acceptedAt);
  assert.equal((await call("DELETE", `/threads/${thread.id}/accepted-answer`, token)).status, 204);
  assert.equal((await threadRow(thread.id)).acceptedReplyId, null);

  const reacted = await call("POST", `/posts/${reply.id}/reactions`, memberToken, { kind: "helpful" });
  assert.equal(reacted.status, 200);
  assert.deepEqual(await reacted.json(), {
    postId: reply.id,
    counts: { thanks: 0, helpful: 1, same_problem: 0 },
    mine: ["helpful"],
  });
  // Adding again changes nothing.
  const twice = await call("POST", `/posts/${reply.id}/reactions`, memberToken, { kind: "helpful" });
  assert.equal(((await twice.json()) as { counts: { helpful: number } }).counts.helpful, 1);
  for (const kind of ["<script>", "love", 42, null]) {
    const bad = await call("POST", `/posts/${reply.id}/reactions`, memberToken, { kind });
    assert.equal(bad.status, 422, `kind ${String(kind)}`);
    assert.match(bad.headers.get("content-type") ?? "", /problem\+json/);
  }
  assert.equal((await call("DELETE", `/posts/${reply.id}/reactions/%3Cscript%3E`, memberToken)).status, 422);
  assert.equal((await call("POST", `/posts/${thread.id}/reactions`, token, { kind: "thanks" })).status, 403);
  assert.equal(
    (await call("POST", `/posts/${reply.id}/reactions`, outsiderToken, { kind: "thanks" })).status,
    403,
  );
  assert.equal((await call("POST", `/posts/nothing/reactions`, memberToken, { kind: "thanks" })).status, 404);
  const removed = await call("DELETE", `/posts/${reply.id}/reactions/helpful`, memberToken);
  assert.equal(removed.status, 200);
  assert.deepEqual(((await removed.json()) as { mine: string[] }).mine, []);

  assert.equal((await call("PUT", `/threads/${thread.id}/follow`, memberToken)).status, 204);
  assert.equal((await call("PUT", `/threads/${thread.id}/follow`, outsiderToken)).status, 403);
  const following = await call("GET", "/me/following", memberToken);
  assert.equal(following.status, 200);
  const page = (await following.json()) as {
    data: { id: string; url: string; community: { slug: string } }[];
  };
  assert.ok(page.data.some((t) => t.id === thread.id && t.url === threadUrl(thread)));
  assert.equal((await call("GET", "/me/following?cursor=nonsense", memberToken)).status, 422);
  assert.equal((await call("DELETE", `/threads/${thread.id}/follow`, memberToken)).status, 204);
  const none = (await (await call("GET", "/me/following", memberToken)).json()) as { data: { id: string }[] };
  assert.ok(!none.data.some((t) => t.id === thread.id));

  const document = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<string, unknown>;
  };
  for (const path of [
    "/api/v1/threads/{id}/accepted-answer",
    "/api/v1/posts/{id}/reactions",
    "/api/v1/posts/{id}/reactions/{kind}",
    "/api/v1/threads/{id}/follow",
    "/api/v1/me/following",
  ])
    assert.ok(document.paths[path], `${path} is documented`);
});
