import assert from "node:assert/strict";
import { test } from "node:test";
import { and, eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { actorFor, buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { actors } from "../../../test/support/policy-matrix.js";
import { activityEvents } from "../../platform/activity.js";
import { auditLog } from "../../platform/audit.js";
import { decodeCursor, encodeCursor } from "../../platform/http/pagination.js";
import { decide } from "../../platform/policy.js";
import { memberships } from "../memberships/tables.js";
import { notifications } from "../notifications/tables.js";
import { createToken } from "../tokens/service.js";
import { moderationMatrix } from "./moderation-policy.matrix.js";
import { openFlagsByCommunity } from "./moderation-queries.js";
import { flagPost, moveThread } from "./moderation-service.js";
import { flags, replies, threads } from "./tables.js";

const { app, db } = await createTestApp();

const convenor = await buildPerson(db, { name: "Cora Convenor" });
const core = await buildPerson(db, { name: "Kofi Core" });
const member = await buildPerson(db, { name: "Mo Member" });
const author = await buildPerson(db, { name: "Ada Author" });
const outsider = await buildPerson(db, { name: "Olu Outsider" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

const community = await buildCommunity(db, {
  name: "HR Operations",
  slug: "hr-operations",
  contentAccess: "members",
  members: [
    { personId: convenor.id, role: "convenor" },
    { personId: core.id, role: "core" },
    { personId: member.id, role: "member" },
    { personId: author.id, role: "member" },
  ],
});
const elsewhere = await buildCommunity(db, {
  name: "Payroll People",
  slug: "payroll-people",
  members: [{ personId: convenor.id, role: "convenor" }],
});
const notMine = await buildCommunity(db, {
  name: "Finance Forum",
  slug: "finance-forum",
  members: [{ personId: core.id, role: "convenor" }],
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

let counter = 0;
async function buildThread(communityId = community.id, body = "How do we handle **payroll** cut-off?") {
  counter += 1;
  const [thread] = await db
    .insert(threads)
    .values({ communityId, authorId: author.id, title: `Payroll cut-off ${counter}`, body, replyCount: 1 })
    .returning();
  const [reply] = await db
    .insert(replies)
    .values({
      threadId: thread!.id,
      communityId,
      authorId: author.id,
      body: "Buy cheap watches at spam.example",
    })
    .returning();
  return { thread: thread!, reply: reply! };
}

const threadUrl = (id: string, slug = "hr-operations") => `/communities/${slug}/discussions/${id}`;
const flagUrl = (threadId: string, postId: string) => `${threadUrl(threadId)}/posts/${postId}/flag`;
const queue = "/communities/hr-operations/moderation";

async function flagsOn(postId: string) {
  return db.select().from(flags).where(eq(flags.postId, postId));
}

test("the moderation rules answer as the matrix says", () => {
  for (const row of moderationMatrix) {
    for (const [kind, actor] of Object.entries(actors)) {
      const decision = decide(actor, row.action, row.target as never);
      assert.equal(
        decision.allowed,
        row.allowed.includes(kind as never),
        `${row.action} on ${row.when} by ${kind}`,
      );
      if (!decision.allowed) assert.ok(decision.reason.length > 10, "a refusal says why");
    }
  }
});

test("a member reports a reply: the form, validation, the flag, activity and the convenors told", async () => {
  const { thread, reply } = await buildThread();
  const visitor = await signedIn(member);
  const form = await visitor.get(flagUrl(thread.id, reply.id));
  assert.equal(form.status, 200);
  assert.match(form.html, /<h1>Report this reply<\/h1>/);
  assert.match(form.html, /href="\/communities\/hr-operations\/charter#code-of-conduct"/);
  assert.match(form.html, /Breaks the code of conduct/);

  const missing = await visitor.post(flagUrl(thread.id, reply.id), { note: "kept" });
  assert.equal(missing.status, 422);
  assert.match(missing.html, /Choose why you are reporting this post/);
  assert.match(missing.html, />kept<\/textarea>/);

  const otherWithoutNote = await visitor.post(flagUrl(thread.id, reply.id), { reason: "other", note: " " });
  assert.equal(otherWithoutNote.status, 422);
  assert.match(otherWithoutNote.html, /Tell the moderators what is wrong with this post/);
  assert.match(otherWithoutNote.html, /value="other" checked/);

  const sent = await visitor.post(flagUrl(thread.id, reply.id), { reason: "spam", note: "Advert" });
  assert.equal(sent.status, 303);
  assert.equal(sent.location, threadUrl(thread.id));
  const [flag] = await flagsOn(reply.id);
  assert.equal(flag?.reason, "spam");
  assert.equal(flag?.status, "open");
  assert.equal(flag?.reporterId, member.id);
  assert.equal(flag?.communityId, community.id);
  assert.equal(flag?.threadId, thread.id);

  const [event] = await db
    .select()
    .from(activityEvents)
    .where(and(eq(activityEvents.verb, "post.flagged"), eq(activityEvents.objectId, reply.id)));
  assert.equal(event?.actorId, member.id);

  const again = await visitor.post(flagUrl(thread.id, reply.id), { reason: "spam" });
  assert.equal(again.status, 409);
  assert.match(again.html, /You have already reported this post/);
  assert.equal((await flagsOn(reply.id)).length, 1);
  assert.match((await visitor.get(flagUrl(thread.id, reply.id))).html, /You have already reported this post/);

  // A second report from someone else collapses into one notification for the convenor.
  const coreVisitor = await signedIn(core);
  assert.equal((await coreVisitor.post(flagUrl(thread.id, thread.id), { reason: "off_topic" })).status, 303);
  const told = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, convenor.id), eq(notifications.kind, "discussion.post_flagged")));
  assert.equal(told.length, 1);
  assert.equal(told[0]?.url, queue);
  assert.match(told[0]?.title ?? "", /^\d+ posts reported in HR Operations$/);
});

test("the author cannot report their own post, nor an outsider a members-only one", async () => {
  const { thread, reply } = await buildThread();
  const own = await (await signedIn(author)).post(flagUrl(thread.id, reply.id), { reason: "spam" });
  assert.equal(own.status, 403);
  assert.equal((await (await signedIn(author)).get(flagUrl(thread.id, reply.id))).status, 403);
  const stranger = await signedIn(outsider);
  assert.equal((await stranger.get(flagUrl(thread.id, reply.id))).status, 403);
  assert.equal((await stranger.post(flagUrl(thread.id, reply.id), { reason: "spam" })).status, 403);
  assert.equal((await flagsOn(reply.id)).length, 0);
  // A post that is not in the thread of the address is not found.
  const other = await buildThread();
  assert.equal((await (await signedIn(member)).get(flagUrl(thread.id, other.reply.id))).status, 404);
  await assert.rejects(
    flagPost(
      db,
      await actorFor(db, author.id),
      community,
      { ...reply, kind: "reply", title: "" },
      {
        reason: "spam",
        note: "",
      },
    ),
    /your own post/,
  );
});

test("the queue is for convenors and the programme team; hostile notes are inert", async () => {
  const { thread, reply } = await buildThread(community.id, "Reply <script>alert(1)</script> **bold**");
  await db
    .update(replies)
    .set({ body: "Hello <img src=x onerror=alert(1)> **bold**" })
    .where(eq(replies.id, reply.id));
  await (await signedIn(member)).post(flagUrl(thread.id, reply.id), {
    reason: "other",
    note: "<script>alert('note')</script>",
  });
  const page = await (await signedIn(convenor)).get(queue);
  assert.equal(page.status, 200);
  assert.match(page.html, /<h2 id="moderation-title">Moderation<\/h2>/);
  assert.match(page.html, /&lt;script&gt;alert\(&#39;note&#39;\)&lt;\/script&gt;/);
  assert.doesNotMatch(page.html, /<script>alert/);
  assert.doesNotMatch(page.html, /<img/);
  assert.match(page.html, /<strong>bold<\/strong>/);
  assert.match(page.html, new RegExp(`Reply in “${thread.title}”`));
  assert.match(page.html, /Hide the post…/);
  assert.match(page.html, /Dismiss the reports/);

  assert.equal((await (await signedIn(programme)).get(queue)).status, 200);
  for (const refused of [core, member, outsider]) {
    const response = await (await signedIn(refused)).get(queue);
    assert.equal(response.status, 403, refused.name);
    assert.match(response.html, /Only the convenors of HR Operations and the programme team/);
  }
  const empty = await (await signedIn(convenor)).get("/communities/payroll-people/moderation");
  assert.match(empty.html, /No open reports/);

  const overview = await (await signedIn(programme)).get("/admin/moderation");
  assert.equal(overview.status, 200);
  assert.match(overview.html, /href="\/communities\/hr-operations\/moderation">HR Operations<\/a>/);
  assert.equal((await (await signedIn(convenor)).get("/admin/moderation")).status, 403);
});

test("hiding a reply resolves its reports, tells the author, and is audited; unhiding shows it again", async () => {
  const { thread, reply } = await buildThread();
  await (await signedIn(member)).post(flagUrl(thread.id, reply.id), { reason: "spam" });
  const moderator = await signedIn(convenor);
  const hidePath = `${threadUrl(thread.id)}/moderation/posts/${reply.id}/hide`;

  assert.equal((await (await signedIn(member)).get(hidePath)).status, 403);
  assert.equal((await (await signedIn(core)).post(hidePath, { reason: "Spam" })).status, 403);

  const confirm = await moderator.get(hidePath);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /<h1>Hide this reply\?<\/h1>/);
  assert.match(confirm.html, /The author is told/);
  const blank = await moderator.post(hidePath, { reason: "" });
  assert.equal(blank.status, 422);
  assert.match(blank.html, /Say why you are hiding this post/);

  const hidden = await moderator.post(`${hidePath}?from=queue`, { reason: "Advertising <b>spam</b>" });
  assert.equal(hidden.status, 303);
  assert.equal(hidden.location, queue);
  const [row] = await db.select().from(replies).where(eq(replies.id, reply.id));
  assert.ok(row?.hiddenAt);
  assert.equal(row?.hiddenById, convenor.id);
  assert.equal(row?.hiddenReason, "Advertising <b>spam</b>");
  const [flag] = await flagsOn(reply.id);
  assert.equal(flag?.status, "resolved");
  assert.equal(flag?.resolvedById, convenor.id);
  assert.ok(flag?.resolvedAt);

  const [told] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, author.id), eq(notifications.kind, "discussion.post_hidden")));
  assert.match(told?.title ?? "", /A moderator hid your reply/);
  assert.match(told?.body ?? "", /Advertising <b>spam<\/b>/);
  const [audit] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "post.hidden"), eq(auditLog.targetId, reply.id)));
  assert.equal(audit?.actorId, convenor.id);
  assert.equal(audit?.reason, "Advertising <b>spam</b>");

  // Others can no longer report it; the resolved tab lists it, escaped.
  assert.equal((await (await signedIn(core)).get(flagUrl(thread.id, reply.id))).status, 404);
  const resolved = await moderator.get(`${queue}?status=resolved`);
  assert.match(resolved.html, /Hidden: Advertising &lt;b&gt;spam&lt;\/b&gt;/);
  assert.match(resolved.html, /Unhide the post/);

  const unhidden = await moderator.post(`${threadUrl(thread.id)}/moderation/posts/${reply.id}/unhide`);
  assert.equal(unhidden.status, 303);
  assert.equal(unhidden.location, `${threadUrl(thread.id)}#reply-${reply.id}`);
  const [after] = await db.select().from(replies).where(eq(replies.id, reply.id));
  assert.equal(after?.hiddenAt, null);
  assert.equal(after?.hiddenReason, null);
  const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, reply.id));
  assert.deepEqual(audits.map((a) => a.action).sort(), ["post.hidden", "post.unhidden"]);
});

test("unhiding tells the author, unless they can no longer read the community; both are audited", async () => {
  const moderator = await signedIn(convenor);
  const unhidden = async (personId: string) =>
    db
      .select()
      .from(notifications)
      .where(and(eq(notifications.personId, personId), eq(notifications.kind, "discussion.post_unhidden")));

  // A reply: the author is told where it is, once (earlier tests may have told them of others).
  const { thread, reply } = await buildThread();
  const base = `${threadUrl(thread.id)}/moderation/posts/${reply.id}`;
  const aboutThis = async () =>
    (await unhidden(author.id)).filter((n) => n.url === `${threadUrl(thread.id)}#reply-${reply.id}`);
  assert.equal((await moderator.post(`${base}/hide`, { reason: "Looks like spam" })).status, 303);
  assert.equal((await aboutThis()).length, 0);
  // To anyone but a moderator a hidden post is not there at all.
  assert.equal((await (await signedIn(member)).post(`${base}/unhide`)).status, 404);
  assert.equal((await aboutThis()).length, 0, "a refused unhide tells nobody");
  assert.equal((await moderator.post(`${base}/unhide`)).status, 303);
  const told = await aboutThis();
  assert.equal(told.length, 1);
  assert.match(
    told[0]?.title ?? "",
    /A moderator showed your reply in “Payroll cut-off \d+” in HR Operations again/,
  );
  const [audit] = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, "post.unhidden"), eq(auditLog.targetId, reply.id)));
  assert.equal(audit?.actorId, convenor.id);

  // A thread whose author has since left this members-only community: unhidden and audited, but
  // its author is not told of a community they can no longer read.
  const leaver = await buildPerson(db, { name: "Lee Leaver" });
  await db.insert(memberships).values({ communityId: community.id, personId: leaver.id, state: "left" });
  const [gone] = await db
    .insert(threads)
    .values({
      communityId: community.id,
      authorId: leaver.id,
      title: "Written before leaving",
      body: "Hello",
      hiddenAt: new Date(),
      hiddenReason: "Off topic",
    })
    .returning();
  const threadBase = `${threadUrl(gone!.id)}/moderation/posts/${gone!.id}`;
  assert.equal((await moderator.post(`${threadBase}/unhide`)).status, 303);
  const [row] = await db.select().from(threads).where(eq(threads.id, gone!.id));
  assert.equal(row?.hiddenAt, null);
  assert.equal((await unhidden(leaver.id)).length, 0);
  const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, gone!.id));
  assert.deepEqual(
    audits.map((a) => a.action),
    ["post.unhidden"],
  );

  // The same for a thread whose author can still read it.
  const [own] = await db
    .insert(threads)
    .values({
      communityId: community.id,
      authorId: author.id,
      title: "Back again",
      body: "Hi",
      hiddenAt: new Date(),
    })
    .returning();
  assert.equal(
    (await moderator.post(`${threadUrl(own!.id)}/moderation/posts/${own!.id}/unhide`)).status,
    303,
  );
  const titles = (await unhidden(author.id)).map((n) => n.title);
  assert.ok(
    titles.includes("A moderator showed your thread “Back again” in HR Operations again"),
    titles.join(),
  );
});

test("dismissing reports closes them without touching the post", async () => {
  const { thread } = await buildThread();
  await (await signedIn(member)).post(flagUrl(thread.id, thread.id), { reason: "off_topic" });
  const dismissPath = `${threadUrl(thread.id)}/moderation/posts/${thread.id}/dismiss?from=queue`;
  assert.equal((await (await signedIn(member)).post(dismissPath)).status, 403);
  const response = await (await signedIn(convenor)).post(dismissPath);
  assert.equal(response.status, 303);
  assert.equal(response.location, queue);
  const [flag] = await flagsOn(thread.id);
  assert.equal(flag?.status, "dismissed");
  const [row] = await db.select().from(threads).where(eq(threads.id, thread.id));
  assert.equal(row?.hiddenAt, null);
  assert.doesNotMatch((await (await signedIn(convenor)).get(queue)).html, new RegExp(`report-${thread.id}`));
});

test("lock, pin and move a thread; replies and reports move with it", async () => {
  const { thread, reply } = await buildThread();
  await (await signedIn(member)).post(flagUrl(thread.id, reply.id), { reason: "spam" });
  const moderator = await signedIn(convenor);
  const base = `${threadUrl(thread.id)}/moderation`;
  assert.equal((await (await signedIn(core)).post(`${base}/lock`)).status, 403);

  assert.equal((await moderator.post(`${base}/lock`)).status, 303);
  assert.equal((await moderator.post(`${base}/pin`)).status, 303);
  let [row] = await db.select().from(threads).where(eq(threads.id, thread.id));
  assert.ok(row?.lockedAt && row.pinnedAt);
  await moderator.post(`${base}/unlock`);
  await moderator.post(`${base}/unpin`);
  [row] = await db.select().from(threads).where(eq(threads.id, thread.id));
  assert.equal(row?.lockedAt, null);
  assert.equal(row?.pinnedAt, null);
  const verbs = await db.select().from(activityEvents).where(eq(activityEvents.objectId, thread.id));
  assert.deepEqual(verbs.map((v) => v.verb).sort(), [
    "thread.locked",
    "thread.pinned",
    "thread.unlocked",
    "thread.unpinned",
  ]);

  const confirm = await moderator.get(`${base}/move`);
  assert.equal(confirm.status, 200);
  assert.match(confirm.html, /Payroll People/);
  assert.doesNotMatch(confirm.html, /Finance Forum/);
  const notModerated = await moderator.post(`${base}/move`, { community: "finance-forum" });
  assert.equal(notModerated.status, 403);
  const same = await moderator.post(`${base}/move`, { community: "hr-operations" });
  assert.equal(same.status, 422);
  assert.match(same.html, /already in HR Operations/);

  const moved = await moderator.post(`${base}/move`, { community: "payroll-people" });
  assert.equal(moved.status, 303);
  assert.equal(moved.location, threadUrl(thread.id, "payroll-people"));
  [row] = await db.select().from(threads).where(eq(threads.id, thread.id));
  assert.equal(row?.communityId, elsewhere.id);
  const [movedReply] = await db.select().from(replies).where(eq(replies.id, reply.id));
  assert.equal(movedReply?.communityId, elsewhere.id);
  const [movedFlag] = await flagsOn(reply.id);
  assert.equal(movedFlag?.communityId, elsewhere.id);
  const [told] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.personId, author.id), eq(notifications.kind, "discussion.thread_moved")));
  assert.match(told?.title ?? "", /from HR Operations to Payroll People/);
  const audits = await db.select().from(auditLog).where(eq(auditLog.targetId, thread.id));
  assert.ok(audits.some((a) => a.action === "thread.moved"));
  // The old address no longer finds it.
  assert.equal((await moderator.get(`${base}/move`)).status, 404);
  await assert.rejects(
    moveThread(db, await actorFor(db, core.id), notMine, { ...row!, communityId: notMine.id }, community),
    /Only the convenors of HR Operations/,
  );
});

test("the API reports, lists, hides, unhides, dismisses, locks, pins and moves", async () => {
  const { thread, reply } = await buildThread();
  const secret = async (personId: string) =>
    (await createToken(db, await actorFor(db, personId), { name: "Script" })).secret;
  const modToken = await secret(convenor.id);
  const memberToken = await secret(member.id);
  const authorToken = await secret(author.id);
  const outsiderToken = await secret(outsider.id);
  const call = (method: string, path: string, token: string, body?: unknown) =>
    app.request(`/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  assert.equal((await app.request(`/api/v1/posts/${reply.id}/flags`, { method: "POST" })).status, 401);
  assert.equal(
    (await call("POST", `/posts/${reply.id}/flags`, memberToken, { reason: "other" })).status,
    422,
  );
  assert.equal((await call("POST", `/posts/${reply.id}/flags`, authorToken, { reason: "spam" })).status, 403);
  assert.equal(
    (await call("POST", `/posts/${reply.id}/flags`, outsiderToken, { reason: "spam" })).status,
    403,
  );
  const created = await call("POST", `/posts/${reply.id}/flags`, memberToken, { reason: "spam", note: "Ad" });
  assert.equal(created.status, 201);
  const flag = (await created.json()) as { id: string; status: string; reason: string };
  assert.equal(flag.status, "open");
  assert.equal((await call("POST", `/posts/${reply.id}/flags`, memberToken, { reason: "spam" })).status, 409);

  assert.equal((await call("GET", "/communities/hr-operations/flags", memberToken)).status, 403);
  const list = await call("GET", "/communities/hr-operations/flags?status=open", modToken);
  assert.equal(list.status, 200);
  const listed = (await list.json()) as { data: { id: string }[] };
  assert.ok(listed.data.some((f) => f.id === flag.id));

  const dismissed = await call("POST", `/flags/${flag.id}/dismiss`, modToken);
  assert.equal(dismissed.status, 200);
  assert.equal(((await dismissed.json()) as { status: string }).status, "dismissed");
  assert.equal((await call("POST", `/flags/${flag.id}/dismiss`, modToken)).status, 409);

  assert.equal((await call("POST", `/posts/${reply.id}/hide`, memberToken, { reason: "Spam" })).status, 403);
  assert.equal((await call("POST", `/posts/${reply.id}/hide`, modToken, { reason: "" })).status, 422);
  const hidden = await call("POST", `/posts/${reply.id}/hide`, modToken, { reason: "Spam" });
  assert.equal(hidden.status, 200);
  assert.deepEqual(
    { ...((await hidden.json()) as object), hiddenAt: undefined },
    { id: reply.id, kind: "reply", hidden: true, hiddenAt: undefined, hiddenReason: "Spam" },
  );
  // A hidden post is not found by people who are not moderators.
  assert.equal((await call("POST", `/posts/${reply.id}/flags`, memberToken, { reason: "spam" })).status, 404);
  const shown = await call("POST", `/posts/${reply.id}/unhide`, modToken);
  assert.equal(((await shown.json()) as { hidden: boolean }).hidden, false);

  const locked = await call("PUT", `/threads/${thread.id}/lock`, modToken);
  assert.equal(((await locked.json()) as { locked: boolean }).locked, true);
  assert.equal((await call("PUT", `/threads/${thread.id}/pin`, memberToken)).status, 403);
  const pinned = await call("PUT", `/threads/${thread.id}/pin`, modToken);
  assert.equal(((await pinned.json()) as { pinned: boolean }).pinned, true);
  const unlocked = await call("DELETE", `/threads/${thread.id}/lock`, modToken);
  assert.equal(((await unlocked.json()) as { locked: boolean }).locked, false);
  await call("DELETE", `/threads/${thread.id}/pin`, modToken);

  assert.equal(
    (await call("POST", `/threads/${thread.id}/move`, modToken, { community: "finance-forum" })).status,
    403,
  );
  const moved = await call("POST", `/threads/${thread.id}/move`, modToken, { community: "payroll-people" });
  assert.equal(moved.status, 200);
  assert.equal(((await moved.json()) as { community: string }).community, "payroll-people");

  const spec = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
  for (const path of [
    "/api/v1/posts/{id}/flags",
    "/api/v1/communities/{slug}/flags",
    "/api/v1/posts/{id}/hide",
    "/api/v1/posts/{id}/unhide",
    "/api/v1/flags/{id}/dismiss",
    "/api/v1/threads/{id}/lock",
    "/api/v1/threads/{id}/pin",
    "/api/v1/threads/{id}/move",
  ]) {
    assert.ok(spec.paths[path], path);
  }
});

test("a hidden reply is gone from the thread page for members and marked for convenors", async () => {
  const { thread, reply } = await buildThread();
  await db
    .update(replies)
    .set({
      body: "Unique hidden words zebra",
      hiddenAt: new Date(),
      hiddenById: convenor.id,
      hiddenReason: "Spam",
    })
    .where(eq(replies.id, reply.id));
  const forMember = await (await signedIn(member)).get(threadUrl(thread.id));
  assert.equal(forMember.status, 200);
  assert.doesNotMatch(forMember.html, /Unique hidden words zebra/);
  assert.match(forMember.html, /Report this thread/);
  const forConvenor = await (await signedIn(convenor)).get(threadUrl(thread.id));
  assert.equal(forConvenor.status, 200);
  assert.match(forConvenor.html, /Unique hidden words zebra/);
  assert.match(forConvenor.html, /Hidden by a moderator: Spam/);
  assert.match(forConvenor.html, /Unhide this reply/);
  assert.match(forConvenor.html, /Lock the thread/);
  assert.match(forConvenor.html, /Move to another community…/);
  assert.doesNotMatch(forMember.html, /Lock the thread/);
});

test("a closed community's posts can be neither reported nor moderated", async () => {
  const closed = await buildCommunity(db, {
    name: "Old Group",
    slug: "old-group",
    status: "closed",
    members: [
      { personId: convenor.id, role: "convenor" },
      { personId: member.id, role: "member" },
    ],
  });
  const { thread, reply } = await buildThread(closed.id);
  const base = `/communities/old-group/discussions/${thread.id}`;
  const report = await (await signedIn(member)).post(`${base}/posts/${reply.id}/flag`, { reason: "spam" });
  assert.equal(report.status, 403);
  assert.match(report.html, /Old Group has closed/);
  const moderator = await signedIn(convenor);
  assert.equal(
    (await moderator.post(`${base}/moderation/posts/${reply.id}/hide`, { reason: "Spam" })).status,
    403,
  );
  assert.equal((await moderator.post(`${base}/moderation/lock`)).status, 403);
  const [row] = await db.select().from(replies).where(eq(replies.id, reply.id));
  assert.equal(row?.hiddenAt, null);
});

test("the queue and the overview page through every reported post, forwards and back", async () => {
  const busy = await buildCommunity(db, {
    name: "Busy Board",
    slug: "busy-board",
    members: [
      { personId: convenor.id, role: "convenor" },
      { personId: member.id, role: "member" },
      { personId: author.id, role: "member" },
    ],
  });
  const base = new Date("2026-03-01T09:00:00Z");
  const posts = await db
    .insert(threads)
    .values(
      Array.from({ length: 120 }, (_, n) => ({
        communityId: busy.id,
        authorId: author.id,
        title: `Busy thread ${n}`,
        body: "Reported",
      })),
    )
    .returning({ id: threads.id });
  // Three posts share each report time (ties are broken by id); every fourth has a second report.
  // The first 60 posts' reports were dismissed, at distinct times, so both tabs have pages.
  await db.insert(flags).values(
    posts.flatMap((post, n) => {
      const createdAt = new Date(base.getTime() + Math.floor(n / 3) * 60_000);
      const dealt =
        n < 60
          ? {
              status: "dismissed" as const,
              resolvedById: convenor.id,
              resolvedAt: new Date(base.getTime() + 86_400_000 + n * 1000),
            }
          : {};
      const one = { postId: post.id, threadId: post.id, communityId: busy.id, reporterId: member.id };
      return [
        { ...one, reason: "spam" as const, createdAt, ...dealt },
        ...(n % 4 === 0
          ? [{ ...one, reason: "other" as const, createdAt: new Date(createdAt.getTime() + 1), ...dealt }]
          : []),
      ];
    }),
  );
  const moderator = await signedIn(convenor);
  const reportIds = (html: string) => [...html.matchAll(/id="report-([^"]+)"/g)].map((m) => m[1] ?? "");
  const linkOf = (html: string, rel: "next" | "prev") => {
    const found = html.match(new RegExp(`href="([^"]+)" rel="${rel}"`));
    return found ? found[1]!.replace(/&amp;/g, "&") : null;
  };
  async function walk(start: string) {
    const pages: string[][] = [];
    let url: string | null = start;
    let last = "";
    while (url) {
      const response = await moderator.get(url);
      assert.equal(response.status, 200, url);
      pages.push(reportIds(response.html));
      last = url;
      url = linkOf(response.html, "next");
      assert.ok(pages.length < 10, "paging ends");
    }
    // Back from the last page: the page before it, exactly.
    const back = linkOf((await moderator.get(last)).html, "prev");
    assert.ok(back, "the last page links back");
    const previous = reportIds((await moderator.get(back!)).html);
    return { pages, previous };
  }

  // Open reports: the longest-waiting first, 50 a page, none twice, none missed.
  const open = await walk("/communities/busy-board/moderation");
  assert.deepEqual(
    open.pages.map((p) => p.length),
    [50, 10],
  );
  const openIds = posts.slice(60).map((p) => p.id);
  const byKey = (ids: string[]) =>
    [...ids].sort((a, b) => {
      const ia = posts.findIndex((p) => p.id === a);
      const ib = posts.findIndex((p) => p.id === b);
      const ka = Math.floor(ia / 3);
      const kb = Math.floor(ib / 3);
      return ka !== kb ? ka - kb : a < b ? -1 : 1;
    });
  assert.deepEqual(open.pages.flat(), byKey(openIds));
  assert.deepEqual(open.previous, open.pages[0]);
  const first = await moderator.get("/communities/busy-board/moderation");
  assert.doesNotMatch(first.html, /rel="prev"/);
  assert.doesNotMatch(first.html, /Showing the first/);

  // Dealt with: the latest decision first, and the tab is kept while paging.
  const dealt = await walk("/communities/busy-board/moderation?status=resolved");
  assert.deepEqual(
    dealt.pages.map((p) => p.length),
    [50, 10],
  );
  assert.deepEqual(
    dealt.pages.flat(),
    posts
      .slice(0, 60)
      .map((p) => p.id)
      .reverse(),
  );
  assert.deepEqual(dealt.previous, dealt.pages[0]);

  // A cursor that does not decode, or decodes to nonsense, is the first page, not an error.
  for (const cursor of [
    "%3Cscript%3E",
    encodeCursor({ direction: "after", key: "not a date", id: "x" }),
    encodeCursor({ direction: "before", key: 12, id: "'; drop table flags; --" }),
  ]) {
    const odd = await moderator.get(`/communities/busy-board/moderation?cursor=${cursor}`);
    assert.equal(odd.status, 200, cursor);
    assert.deepEqual(reportIds(odd.html), open.pages[0]);
  }
  const oddOverview = await (await signedIn(programme)).get(
    `/admin/moderation?cursor=${encodeCursor({ direction: "after", key: "many", id: "x" })}`,
  );
  assert.equal(oddOverview.status, 200);

  // The overview: the same order whether read whole or two communities at a time; two
  // communities with one report each are ordered by address.
  for (const other of [elsewhere, notMine]) {
    const { thread: reported } = await buildThread(other.id);
    await db.insert(flags).values({
      postId: reported.id,
      threadId: reported.id,
      communityId: other.id,
      reporterId: member.id,
      reason: "other",
    });
  }
  const whole = (await openFlagsByCommunity(db, null, 1000)).items.map((row) => row.slug);
  assert.ok(whole.includes("busy-board"));
  const pages: string[][] = [];
  let page = await openFlagsByCommunity(db, null, 2);
  pages.push(page.items.map((row) => row.slug));
  while (page.next) {
    page = await openFlagsByCommunity(db, decodeCursor(page.next), 2);
    pages.push(page.items.map((row) => row.slug));
  }
  assert.deepEqual(pages.flat(), whole);
  assert.ok(pages.length >= 2, "more than one page of communities");
  const back = await openFlagsByCommunity(db, decodeCursor(page.previous), 2);
  assert.deepEqual(
    back.items.map((row) => row.slug),
    pages[pages.length - 2],
  );
  const overview = await (await signedIn(programme)).get("/admin/moderation");
  assert.equal(overview.status, 200);
  assert.match(overview.html, /Busy Board/);
});
