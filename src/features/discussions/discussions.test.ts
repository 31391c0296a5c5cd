import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { activityEvents } from "../../platform/activity.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { replies, threadFollows, threads } from "./tables.js";

const { app, db, database } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cara Convenor" });
const member = await buildPerson(db, { name: "Mo Member" });
const helper = await buildPerson(db, { name: "Hal Helper" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });

const payroll = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll",
  members: [{ personId: convenor.id, role: "convenor" }, { personId: member.id }, { personId: helper.id }],
});
const secret = await buildCommunity(db, {
  name: "Staff Wellbeing",
  slug: "wellbeing",
  contentAccess: "members",
  members: [{ personId: member.id }, { personId: convenor.id, role: "convenor" }],
});
await buildCommunity(db, {
  name: "Old Group",
  slug: "old-group",
  status: "closed",
  members: [{ personId: member.id }],
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

async function tokenFor(who: { id: string }) {
  return (await createToken(db, await actorFor(db, who.id), { name: "discussions" })).secret;
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

/** Starts a thread through the form and returns its id. */
async function startThread(who: { email: string }, slug: string, fields: Record<string, string>) {
  const visitor = await signedIn(who);
  const response = await visitor.post(`/communities/${slug}/discussions/new`, {
    kind: "question",
    tags: "",
    ...fields,
  });
  assert.equal(response.status, 303, response.html.slice(0, 3000));
  const id = /discussions\/([0-9a-f-]{36})$/.exec(response.location ?? "")?.[1];
  assert.ok(id, `redirected to the thread: ${response.location}`);
  return id;
}

async function threadRow(id: string) {
  const [row] = await db.select().from(threads).where(eq(threads.id, id));
  return row!;
}

test("a member starts a question, sees it in the list, another replies, quoting works", async () => {
  const id = await startThread(member, "payroll", {
    title: "How do you handle back pay at year end?",
    body: `We keep getting it **wrong**. @${helper.handle} may know.`,
    tags: "Payroll, year end",
  });
  const page = await (await signedIn(member)).get(`/communities/payroll/discussions/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /How do you handle back pay at year end\?/);
  assert.match(page.html, /<strong>wrong<\/strong>/);
  assert.match(
    page.html,
    new RegExp(`<a class="mention" href="/people/${helper.handle}">@${helper.handle}</a>`),
  );
  assert.equal(page.html.match(/<h1[ >]/g)?.length, 1, "one h1");
  assert.match(page.html, /id="similar-threads"|Your reply/);

  // The author follows their thread; the mentioned helper is told.
  const follows = await db.select().from(threadFollows).where(eq(threadFollows.threadId, id));
  assert.deepEqual(
    follows.map((f) => f.personId),
    [member.id],
  );
  const told = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, helper.id), eq(notifications.kind, "discussion.mentioned")));
  assert.equal(told.length, 1);

  const list = await (await signedIn(outsider)).get("/communities/payroll/discussions");
  assert.equal(list.status, 200);
  assert.match(list.html, /How do you handle back pay at year end\?/);
  assert.match(list.html, /Question/);
  assert.match(list.html, /0 replies/);
  assert.match(list.html, /<a href="\/communities\/payroll\/discussions" aria-current="page">/);

  // A reply, then a quote of it.
  const helperVisitor = await signedIn(helper);
  const reply = await helperVisitor.post(`/communities/payroll/discussions/${id}/replies`, {
    body: "We run a correction payroll in March.",
  });
  assert.equal(reply.status, 303);
  const [first] = await db.select().from(replies).where(eq(replies.threadId, id));
  assert.ok(first);
  const quoted = await (await signedIn(member)).get(
    `/communities/payroll/discussions/${id}?replyTo=${first.id}`,
  );
  assert.match(quoted.html, /&gt; We run a correction payroll in March\./);
  assert.match(quoted.html, new RegExp(`name="inReplyToId" value="${first.id}"`));
  const answer = await (await signedIn(member)).post(`/communities/payroll/discussions/${id}/replies`, {
    body: "> We run a correction payroll in March.\n\nThank you!",
    inReplyToId: first.id,
  });
  assert.equal(answer.status, 303);
  const thread = await threadRow(id);
  assert.equal(thread.replyCount, 2);
  assert.ok(thread.firstReplyAt);
  const after = await (await signedIn(outsider)).get(`/communities/payroll/discussions/${id}`);
  assert.match(after.html, /in reply to <a href="#reply-/);
  assert.match(after.html, /<blockquote>/);
  // The author (a follower) was told of the helper's reply.
  const replyNotices = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, member.id), eq(notifications.kind, "discussion.new_reply")));
  assert.equal(replyNotices.length, 1);

  // Filters: unanswered questions and "my communities".
  const unanswered = await (await signedIn(outsider)).get("/communities/payroll/discussions?show=unanswered");
  assert.match(unanswered.html, /back pay/);
  const announcements = await (await signedIn(outsider)).get(
    "/communities/payroll/discussions?show=announcements",
  );
  assert.doesNotMatch(announcements.html, /back pay/);
  const mine = await (await signedIn(helper)).get("/questions");
  assert.equal(mine.status, 200);
  assert.match(mine.html, /back pay/);
  const notMine = await (await signedIn(outsider)).get("/questions");
  assert.doesNotMatch(notMine.html, /back pay/);

  const verbs = (
    await db.select().from(activityEvents).where(eq(activityEvents.communityId, payroll.id))
  ).map((e) => e.verb);
  assert.ok(verbs.includes("thread.created") && verbs.includes("reply.created"));
});

test("bad input keeps the values and says what is wrong; preview renders without saving", async () => {
  const visitor = await signedIn(member);
  const before = (await db.select().from(threads)).length;
  const bad = await visitor.post("/communities/payroll/discussions/new", {
    kind: "question",
    title: "Hi",
    body: "",
    tags: "",
  });
  assert.equal(bad.status, 422);
  assert.match(bad.html, /Enter a title of at least 3 characters/);
  assert.match(bad.html, /Write your post/);
  assert.match(bad.html, /value="Hi"/);
  const preview = await visitor.post("/communities/payroll/discussions/new", {
    kind: "discussion",
    title: "A title",
    body: "Some _emphasis_",
    tags: "",
    action: "preview",
  });
  assert.equal(preview.status, 200);
  assert.match(preview.html, /<em>emphasis<\/em>/);
  assert.match(preview.html, /value="A title"/);
  assert.equal((await db.select().from(threads)).length, before, "nothing saved");
  const fragment = await visitor.post("/communities/payroll/discussions/preview", { body: "**bold**" });
  assert.equal(fragment.status, 200);
  assert.match(fragment.html, /^<div id="post-preview"/);
  assert.match(fragment.html, /<strong>bold<\/strong>/);
});

test("announcements are for convenors and core; closed communities and non-members cannot post", async () => {
  const plain = await signedIn(member);
  const refused = await plain.post("/communities/payroll/discussions/new", {
    kind: "announcement",
    title: "Big news",
    body: "Read this",
    tags: "",
  });
  assert.equal(refused.status, 422);
  assert.match(
    refused.html,
    /Only the convenors and core members of Payroll Practitioners can post announcements/,
  );
  assert.match(refused.html, /value="Big news"/);
  const id = await startThread(convenor, "payroll", {
    kind: "announcement",
    title: "Big news",
    body: "Read this",
  });
  const list = await plain.get("/communities/payroll/discussions?show=announcements");
  assert.match(list.html, /Announcement/);
  assert.match(list.html, new RegExp(id));

  const outsiderVisitor = await signedIn(outsider);
  const notMember = await outsiderVisitor.post("/communities/payroll/discussions/new", {
    kind: "question",
    title: "Can I ask?",
    body: "Please",
    tags: "",
  });
  assert.equal(notMember.status, 403);
  assert.equal((await outsiderVisitor.get("/communities/payroll/discussions/new")).status, 403);
  const thread = await outsiderVisitor.get(`/communities/payroll/discussions/${id}`);
  assert.match(thread.html, /Only members of Payroll Practitioners can reply/);
  assert.doesNotMatch(thread.html, /Post reply/);
  const anonymous = await new Visitor(app as never).get(`/communities/payroll/discussions/${id}`);
  assert.equal(anonymous.status, 303, "visitors are sent to sign in");

  const closed = await plain.post("/communities/old-group/discussions/new", {
    kind: "question",
    title: "Anyone?",
    body: "Hello",
    tags: "",
  });
  assert.equal(closed.status, 403);
  assert.match(closed.html, /has closed/);
});

test("a members-only community's threads are invisible to non-members, in pages and the API", async () => {
  const id = await startThread(member, "wellbeing", { title: "Quiet worries", body: "Private words" });
  const outsiderVisitor = await signedIn(outsider);
  const list = await outsiderVisitor.get("/communities/wellbeing/discussions");
  assert.equal(list.status, 200);
  assert.match(list.html, /Only members can see the discussions/);
  assert.doesNotMatch(list.html, /Quiet worries/);
  const page = await outsiderVisitor.get(`/communities/wellbeing/discussions/${id}`);
  assert.equal(page.status, 403);
  assert.doesNotMatch(page.html, /Quiet worries|Private words/);
  const token = await tokenFor(outsider);
  assert.equal((await call("/communities/wellbeing/threads", { token })).status, 403);
  const direct = await call(`/threads/${id}`, { token });
  assert.equal(direct.status, 403);
  assert.doesNotMatch(JSON.stringify(direct.json), /Quiet worries|Private words/);
  assert.equal(
    (await call(`/threads/${id}/replies`, { token, method: "POST", body: { body: "hi" } })).status,
    403,
  );
  const memberToken = await tokenFor(member);
  const seen = await call(`/threads/${id}`, { token: memberToken });
  assert.equal(seen.status, 200);
  assert.equal(seen.json.title, "Quiet worries");
  assert.equal(secret.slug, "wellbeing");
});

test("hostile titles, bodies, tags and mentions render inert", async () => {
  const id = await startThread(member, "payroll", {
    kind: "discussion",
    title: "<script>alert(1)</script> title",
    body: '[click](javascript:alert(1)) <img src=x onerror=alert(1)> @"><script>x</script> <a href="javascript:alert(2)">x</a>',
    tags: '<b>bold</b>, "><script>alert(3)</script>',
  });
  for (const path of [`/communities/payroll/discussions/${id}`, "/communities/payroll/discussions"]) {
    const page = await (await signedIn(member)).get(path);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.html, /<script>alert/);
    assert.doesNotMatch(page.html, /href="javascript:/i);
    assert.doesNotMatch(page.html, /<img/);
    assert.doesNotMatch(page.html, /<b>bold/);
    assert.match(page.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; title/);
  }
  const preview = await (await signedIn(member)).post("/communities/payroll/discussions/preview", {
    body: "<img src=x onerror=alert(1)> [x](javascript:alert(1))",
  });
  assert.doesNotMatch(preview.html, /<img|href="javascript:/);
});

test("locked threads refuse replies; hidden posts are for moderators only; deleted posts leave a tombstone", async () => {
  const id = await startThread(member, "payroll", { title: "Lockable thread", body: "Opening words" });
  const visitor = await signedIn(helper);
  await visitor.post(`/communities/payroll/discussions/${id}/replies`, { body: "First reply text" });
  await visitor.post(`/communities/payroll/discussions/${id}/replies`, { body: "Second reply, soon hidden" });
  const all = await db.select().from(replies).where(eq(replies.threadId, id));
  const hiddenReply = all.find((r) => r.body.startsWith("Second"))!;
  await db
    .update(replies)
    .set({ hiddenAt: new Date(), hiddenReason: "Off topic" })
    .where(eq(replies.id, hiddenReply.id));
  const asMember = await (await signedIn(member)).get(`/communities/payroll/discussions/${id}`);
  assert.doesNotMatch(asMember.html, /soon hidden/);
  const asConvenor = await (await signedIn(convenor)).get(`/communities/payroll/discussions/${id}`);
  assert.match(asConvenor.html, /soon hidden/);
  assert.match(asConvenor.html, /Hidden by a moderator: Off topic/);
  const memberToken = await tokenFor(member);
  const api = await call(`/threads/${id}`, { token: memberToken });
  assert.doesNotMatch(JSON.stringify(api.json), /soon hidden/);

  await db.update(threads).set({ lockedAt: new Date() }).where(eq(threads.id, id));
  const refused = await visitor.post(`/communities/payroll/discussions/${id}/replies`, { body: "Too late" });
  assert.equal(refused.status, 403);
  assert.match(refused.html, /locked/);
  const lockedPage = await visitor.get(`/communities/payroll/discussions/${id}`);
  assert.match(lockedPage.html, /This thread is locked/);
  const apiRefused = await call(`/threads/${id}/replies`, {
    token: await tokenFor(helper),
    method: "POST",
    body: { body: "Too late" },
  });
  assert.equal(apiRefused.status, 403);

  // Deleting one's own reply leaves a tombstone.
  const firstReply = all.find((r) => r.body.startsWith("First"))!;
  const confirm = await visitor.get(`/communities/payroll/discussions/${id}/replies/${firstReply.id}/delete`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /You cannot undo this/);
  assert.equal(
    (
      await (
        await signedIn(member)
      ).post(`/communities/payroll/discussions/${id}/replies/${firstReply.id}/delete`)
    ).status,
    403,
    "not someone else's",
  );
  const deleted = await visitor.post(
    `/communities/payroll/discussions/${id}/replies/${firstReply.id}/delete`,
  );
  assert.equal(deleted.status, 303);
  const after = await visitor.get(`/communities/payroll/discussions/${id}`);
  assert.match(after.html, /This post was deleted\./);
  assert.doesNotMatch(after.html, /First reply text/);

  // A hidden thread is a 404 for everyone but moderators.
  await db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, id));
  assert.equal((await visitor.get(`/communities/payroll/discussions/${id}`)).status, 404);
  assert.equal((await (await signedIn(convenor)).get(`/communities/payroll/discussions/${id}`)).status, 200);
  assert.doesNotMatch((await visitor.get("/communities/payroll/discussions")).html, /Lockable thread/);
  assert.equal((await call(`/threads/${id}`, { token: memberToken })).status, 404);
});

test("editing keeps the history; only the author may edit", async () => {
  const id = await startThread(member, "payroll", { title: "Original title", body: "Original body" });
  const visitor = await signedIn(member);
  const form = await visitor.get(`/communities/payroll/discussions/${id}/edit`);
  assert.equal(form.status, 200);
  assert.match(form.html, /Original body/);
  assert.equal(
    (await (await signedIn(helper)).get(`/communities/payroll/discussions/${id}/edit`)).status,
    403,
  );
  const saved = await visitor.post(`/communities/payroll/discussions/${id}/edit`, {
    title: "Better title",
    body: "Better body",
    tags: "",
  });
  assert.equal(saved.status, 303);
  const page = await visitor.get(`/communities/payroll/discussions/${id}`);
  assert.match(page.html, /Better title/);
  assert.match(
    page.html,
    new RegExp(`href="/communities/payroll/discussions/${id}/history\\?post=${id}">edited`),
  );
  const history = await visitor.get(`/communities/payroll/discussions/${id}/history?post=${id}`);
  assert.equal(history.status, 200);
  assert.match(history.html, /Original title/);
  assert.match(history.html, /Original/);
  assert.match(history.html, /Better/);
  assert.match(history.html, /Mo Member/);

  // A reply edit too.
  const helperVisitor = await signedIn(helper);
  await helperVisitor.post(`/communities/payroll/discussions/${id}/replies`, { body: "Reply first draft" });
  const [reply] = await db.select().from(replies).where(eq(replies.threadId, id));
  const edited = await helperVisitor.post(
    `/communities/payroll/discussions/${id}/replies/${reply!.id}/edit`,
    {
      body: "Reply second draft",
    },
  );
  assert.equal(edited.status, 303);
  const replyHistory = await helperVisitor.get(
    `/communities/payroll/discussions/${id}/history?post=${reply!.id}`,
  );
  assert.match(replyHistory.html, /first draft/);
  assert.match(replyHistory.html, /<ins>second<\/ins> draft/);

  // Deleting the thread leaves a tombstone with replies readable.
  assert.equal((await visitor.post(`/communities/payroll/discussions/${id}/delete`)).status, 303);
  const tomb = await helperVisitor.get(`/communities/payroll/discussions/${id}`);
  assert.equal(tomb.status, 200);
  assert.match(tomb.html, /This post was deleted\./);
  assert.match(tomb.html, /Reply second draft/);
  assert.doesNotMatch(tomb.html, /Better body/);
});

test("the thread page runs at most 5 queries of its own for a thread with 200 replies", async () => {
  const id = await startThread(member, "payroll", { title: "A very long thread", body: "Opening" });
  const now = Date.now();
  await db.insert(replies).values(
    Array.from({ length: 200 }, (_, i) => ({
      threadId: id,
      communityId: payroll.id,
      authorId: i % 2 ? helper.id : convenor.id,
      body: `Reply number ${i} for @${member.handle}`,
      createdAt: new Date(now + i),
    })),
  );
  await db.update(threads).set({ replyCount: 200 }).where(eq(threads.id, id));
  const visitor = await signedIn(helper);
  // Baseline: what any signed-in request costs before a route runs (session and actor), measured
  // on a path no route answers.
  let start = database.queryCount.value;
  await visitor.get("/no-route-answers-this-path");
  const baseline = database.queryCount.value - start;
  start = database.queryCount.value;
  const page = await visitor.get(`/communities/payroll/discussions/${id}`);
  const used = database.queryCount.value - start - baseline;
  assert.equal(page.status, 200);
  assert.match(page.html, /Reply number 199/);
  assert.ok(used <= 5, `the thread page's own queries: ${used}`);
});

test("the API starts, lists, reads, replies, edits with history and deletes", async () => {
  const token = await tokenFor(member);
  const helperToken = await tokenFor(helper);
  assert.equal((await call("/communities/payroll/threads")).status, 401);
  const bad = await call("/communities/payroll/threads", {
    token,
    method: "POST",
    body: { kind: "question", title: "x", body: "" },
  });
  assert.equal(bad.status, 422);
  assert.match(bad.type ?? "", /problem\+json/);
  const announcement = await call("/communities/payroll/threads", {
    token,
    method: "POST",
    body: { kind: "announcement", title: "Hear ye", body: "News" },
  });
  assert.equal(announcement.status, 422);
  assert.match(announcement.json.detail, /announcements/);

  const created = await call("/communities/payroll/threads", {
    token,
    method: "POST",
    body: { kind: "question", title: "API question about pensions", body: "Details", tags: ["Pensions"] },
  });
  assert.equal(created.status, 201);
  const id = created.json.id as string;
  assert.deepEqual(created.json.tags, ["pensions"]);

  const list = await call("/communities/payroll/threads?kind=question&unanswered=true", {
    token: helperToken,
  });
  assert.equal(list.status, 200);
  assert.ok(list.json.data.some((t: { id: string }) => t.id === id));

  const reply = await call(`/threads/${id}/replies`, {
    token: helperToken,
    method: "POST",
    body: { body: "Ask the pensions team." },
  });
  assert.equal(reply.status, 201);
  const replyId = reply.json.id as string;
  const badReply = await call(`/threads/${id}/replies`, {
    token: helperToken,
    method: "POST",
    body: { body: "Yes", inReplyToId: "not-a-reply" },
  });
  assert.equal(badReply.status, 422);

  const read = await call(`/threads/${id}?limit=1`, { token });
  assert.equal(read.status, 200);
  assert.equal(read.json.replyCount, 1);
  assert.equal(read.json.replies[0].body, "Ask the pensions team.");

  assert.equal(
    (await call(`/replies/${replyId}`, { token, method: "PATCH", body: { body: "Hijack" } })).status,
    403,
  );
  const edited = await call(`/replies/${replyId}`, {
    token: helperToken,
    method: "PATCH",
    body: { body: "Ask the pensions team first." },
  });
  assert.equal(edited.status, 200);
  assert.ok(edited.json.editedAt);
  const patched = await call(`/threads/${id}`, {
    token,
    method: "PATCH",
    body: { title: "Pensions question" },
  });
  assert.equal(patched.status, 200);
  assert.equal(patched.json.title, "Pensions question");
  const revisions = await call(`/threads/${id}/revisions`, { token });
  assert.equal(revisions.json.data[0].title, "API question about pensions");
  const replyRevisions = await call(`/threads/${id}/revisions?post=${replyId}`, { token });
  assert.equal(replyRevisions.json.data[0].body, "Ask the pensions team.");

  assert.equal((await call(`/replies/${replyId}`, { token: helperToken, method: "DELETE" })).status, 204);
  const afterDelete = await call(`/threads/${id}`, { token });
  assert.equal(afterDelete.json.replies[0].deleted, true);
  assert.equal(afterDelete.json.replies[0].body, "");
  assert.equal((await call(`/threads/${id}`, { token: helperToken, method: "DELETE" })).status, 403);
  assert.equal((await call(`/threads/${id}`, { token, method: "DELETE" })).status, 204);
  assert.equal((await call(`/threads/${id}`, { token })).json.deleted, true);

  const doc = await app.request("/api/openapi.json");
  const paths = Object.keys(((await doc.json()) as { paths: Record<string, unknown> }).paths);
  for (const path of [
    "/communities/{slug}/threads",
    "/threads/{id}",
    "/threads/{id}/replies",
    "/replies/{id}",
  ])
    assert.ok(paths.includes(path) || paths.includes(`/api/v1${path}`), path);
});

test("reading a thread records one thread.viewed per person per day", async () => {
  const id = await startThread(member, "payroll", { title: "Viewed thread", body: "Look" });
  const visitor = await signedIn(helper);
  await visitor.get(`/communities/payroll/discussions/${id}`);
  await visitor.get(`/communities/payroll/discussions/${id}`);
  const views = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.objectId, id), eq(activityEvents.verb, "thread.viewed")));
  assert.equal(views.length, 1);
  assert.equal(views[0]!.actorId, helper.id);
  assert.equal(views[0]!.communityId, payroll.id);
});
