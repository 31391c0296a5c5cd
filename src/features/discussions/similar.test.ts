import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { anyWordQuery } from "./similar-queries.js";
import { replies, threads } from "./tables.js";

const { app, db } = await createTestApp();

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  return visitor;
}

const member = await buildPerson(db, { name: "Mia Member" });
const insider = await buildPerson(db, { name: "Ivo Insider" });
const open = await buildCommunity(db, { name: "Payroll Practitioners", members: [{ personId: member.id }] });
const secret = await buildCommunity(db, {
  name: "Pay Review Panel",
  contentAccess: "members",
  members: [{ personId: insider.id }],
});
const unlisted = await buildCommunity(db, { name: "Quiet Corner", visibility: "unlisted" });

async function thread(
  communityId: string,
  title: string,
  options: { answered?: boolean; replies?: number } = {},
) {
  const [row] = await db
    .insert(threads)
    .values({ communityId, authorId: member.id, kind: "question", title, body: "Any ideas?" })
    .returning();
  if (options.answered) {
    const [reply] = await db
      .insert(replies)
      .values({ threadId: row!.id, communityId, authorId: insider.id, body: "We did this." })
      .returning();
    await db
      .update(threads)
      .set({ acceptedReplyId: reply!.id, replyCount: options.replies ?? 1 })
      .where(eq(threads.id, row!.id));
  }
  return row!;
}

await thread(open.id, "Overtime payroll deadlines in December");
const answered = await thread(open.id, "Payroll cut-off for overtime claims", { answered: true, replies: 3 });
await thread(secret.id, "Confidential payroll settlement");
await thread(unlisted.id, "Quiet payroll musings");
const hiddenThread = await thread(open.id, "Hidden payroll rant");
await db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, hiddenThread.id));
const deletedThread = await thread(open.id, "Deleted payroll rant");
await db.update(threads).set({ deletedAt: new Date() }).where(eq(threads.id, deletedThread.id));
await thread(open.id, "<script>alert(1)</script> payroll trick");

const htmx = { "hx-request": "true" };

test("similar threads need a signed-in person", async () => {
  const response = await new Visitor(app as never).get("/discussions/similar?title=payroll", htmx);
  assert.notEqual(response.status, 200);
});

test("similar threads show answered ones first, from communities the person can read", async () => {
  const visitor = await signedIn(member);
  const response = await visitor.get("/discussions/similar?title=overtime%20payr", htmx);
  assert.equal(response.status, 200);
  assert.match(response.html, /Somebody may have dealt with this/);
  assert.match(response.html, /aria-live="polite"/);
  const titles = [...response.html.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.equal(titles[0], "Payroll cut-off for overtime claims", "answered threads come first");
  assert.ok(titles.includes("Overtime payroll deadlines in December"));
  assert.match(response.html, new RegExp(`href="/communities/${open.slug}/discussions/${answered.id}"`));
  assert.match(response.html, /Answered/);
  assert.match(response.html, /3 replies/);
  assert.match(response.html, /Payroll Practitioners/);
  assert.doesNotMatch(response.html, /Confidential/, "members-only threads stay hidden from non-members");
  assert.doesNotMatch(response.html, /Quiet payroll/, "unlisted communities stay out of lists");
  assert.doesNotMatch(response.html, /Hidden payroll|Deleted payroll/);
  assert.ok(titles.length <= 5);
});

test("members see their own members-only threads", async () => {
  const response = await (await signedIn(insider)).get("/discussions/similar?title=payroll", htmx);
  assert.match(response.html, /Confidential payroll settlement/);
});

test("short titles, no match and hostile input give nothing, inertly", async () => {
  const visitor = await signedIn(member);
  for (const title of ["pa", "", "zzzzqqq", "&|!:*()'", "the and of"]) {
    const response = await visitor.get(`/discussions/similar?title=${encodeURIComponent(title)}`, htmx);
    assert.equal(response.status, 200, title);
    assert.doesNotMatch(response.html, /Somebody may have dealt with this/, title);
  }
  const hostile = await visitor.get("/discussions/similar?title=trick", htmx);
  assert.match(hostile.html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; payroll trick/);
  assert.doesNotMatch(hostile.html, /<script>alert/);
  const full = await visitor.get("/discussions/similar?title=payroll");
  assert.match(full.html, /<h1>Similar discussions<\/h1>/);
});

test("the word query keeps only letters and digits", () => {
  assert.equal(anyWordQuery("Payroll: over-time?"), "payroll | over | time");
  assert.equal(anyWordQuery("month end payr"), "month | end | payr:*");
  assert.equal(anyWordQuery("'&|!"), null);
});

test("resources the person can read are suggested too, with their kind; never drafts, archived or hidden ones", async () => {
  const { buildResource } = await import("../../../test/support/resource-factories.js");
  await buildResource(db, open.id, {
    title: "Overtime payroll tip-sheet",
    kind: "tip_sheet",
    status: "endorsed",
  });
  await buildResource(db, open.id, {
    title: "Payroll overtime draft notes",
    status: "draft",
    ownerId: member.id,
  });
  await buildResource(db, open.id, { title: "Payroll overtime archived guide", status: "archived" });
  await buildResource(db, secret.id, { title: "Secret payroll overtime template" });
  await buildResource(db, unlisted.id, { title: "Quiet payroll overtime guide" });
  await buildResource(db, null, { title: "Starter guide to overtime payroll", kind: "guide" });
  await buildResource(db, open.id, {
    title: "<script>alert(2)</script> payroll overtime link",
    kind: "link",
  });

  const response = await (await signedIn(member)).get("/discussions/similar?title=overtime%20payroll", htmx);
  assert.equal(response.status, 200);
  const titles = [...response.html.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
  assert.ok(titles.length <= 5, "still at most five suggestions");
  assert.ok(
    titles.some((t) => t === "Overtime payroll tip-sheet" || t === "Starter guide to overtime payroll"),
    "a resource is among them",
  );
  assert.ok(titles.includes("Payroll cut-off for overtime claims"), "threads are still there");
  assert.match(response.html, /href="\/resources\/[^"]+"/);
  assert.match(response.html, /Tip-sheet|Guide/);
  assert.doesNotMatch(response.html, /draft notes|archived guide|Secret payroll|Quiet payroll/);
  assert.doesNotMatch(response.html, /<script>alert/);

  const insiderView = await (await signedIn(insider)).get(
    "/discussions/similar?title=secret%20template",
    htmx,
  );
  assert.match(
    insiderView.html,
    /Secret payroll overtime template/,
    "members see their members-only resources",
  );
  const toolkit = await (await signedIn(insider)).get("/discussions/similar?title=starter%20guide", htmx);
  assert.match(toolkit.html, /Starter guide to overtime payroll/);
  assert.match(toolkit.html, /Starter toolkit/);
});
