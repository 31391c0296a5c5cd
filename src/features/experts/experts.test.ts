import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { reactions, replies, threads } from "../discussions/tables.js";
import { people } from "../people/tables.js";

const { app, db } = await createTestApp();

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  return visitor;
}

const asker = await buildPerson(db, { name: "Asha Asker" });
const answerer = await buildPerson(db, { name: "Zara Answerer" });
const skilled = await buildPerson(db, { name: "Abel Skilled", skills: ["payroll", "excel"] });
const optedOut = await buildPerson(db, { name: "Olive Optout", skills: ["payroll"] });
await db.update(people).set({ suggestAsExpert: false }).where(eq(people.id, optedOut.id));
const insider = await buildPerson(db, { name: "Ivo Insider" });
const secretAnswerer = await buildPerson(db, { name: "Sam Secret" });
const outsider = await buildPerson(db, { name: "Otto Outsider" });
const fans = await Promise.all([1, 2, 3].map((n) => buildPerson(db, { name: `Fan ${n}` })));
await db
  .update(people)
  .set({ jobTitle: "Payroll Officer", canHelpWith: "" })
  .where(eq(people.id, answerer.id));

const open = await buildCommunity(db, {
  name: "Payroll Practitioners",
  slug: "payroll-practitioners",
  members: [asker, answerer, skilled, ...fans].map((p) => ({ personId: p.id })),
});
const secret = await buildCommunity(db, {
  name: "Pay Review Panel",
  slug: "pay-review-panel",
  contentAccess: "members",
  members: [insider, secretAnswerer].map((p) => ({ personId: p.id })),
});

/** A question with one accepted answer by `by`, straight into the tables. */
async function answered(communityId: string, title: string, by: string, helpfulFrom: string[] = []) {
  const [thread] = await db
    .insert(threads)
    .values({ communityId, authorId: asker.id, kind: "question", title, body: "How do you do it?", tags: [] })
    .returning();
  const [reply] = await db
    .insert(replies)
    .values({ threadId: thread!.id, communityId, authorId: by, body: "Here is how we do it." })
    .returning();
  await db
    .update(threads)
    .set({ acceptedReplyId: reply!.id, acceptedAt: new Date(), replyCount: 1 })
    .where(eq(threads.id, thread!.id));
  for (const personId of helpfulFrom) {
    await db.insert(reactions).values({ postId: reply!.id, personId, kind: "helpful", threadId: thread!.id });
  }
  return { thread: thread!, reply: reply! };
}

await answered(open.id, "Payroll cut-off for overtime claims", answerer.id, [fans[0]!.id, fans[1]!.id]);
await answered(open.id, "Correcting a payroll underpayment", answerer.id, [fans[2]!.id]);
await answered(open.id, "Booking rooms for away days", skilled.id);
await answered(secret.id, "Confidential payroll settlement", secretAnswerer.id);
const hidden = await answered(open.id, "Payroll hidden thread", asker.id);
await db.update(threads).set({ hiddenAt: new Date() }).where(eq(threads.id, hidden.thread.id));

const names = (html: string) =>
  [...html.matchAll(/<h2 class="expert-name"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);

test("the expert finder is for signed-in colleagues", async () => {
  const response = await new Visitor(app as never).get("/experts?q=payroll");
  assert.equal(response.status, 303);
  assert.match(response.headers.get("location") ?? "", /^\/sign-in/);
  const api = await new Visitor(app as never).get("/api/v1/experts?q=payroll");
  assert.equal(api.status, 401);
});

test("people are ranked by evidence and the reasons say why", async () => {
  const visitor = await signedIn(outsider);
  const page = await visitor.get("/experts?q=payroll");
  assert.equal(page.status, 200);
  const ranked = names(page.html);
  assert.deepEqual(ranked.slice(0, 2), ["Zara Answerer", "Abel Skilled"], "accepted answers outrank a skill");
  assert.match(page.html, /2 accepted answers about payroll/);
  assert.match(page.html, /3 people found their replies helpful/);
  assert.match(page.html, /Lists payroll among their skills/);
  assert.match(page.html, /Payroll Officer/);
  assert.doesNotMatch(page.html, /Olive Optout/, "people who opted out are not suggested");
  assert.doesNotMatch(page.html, /Asha Asker/, "a hidden thread is no evidence");
  const own = await (await signedIn(answerer)).get("/experts?q=payroll");
  assert.ok(!names(own.html).includes("Zara Answerer"), "nobody is suggested to themselves");
});

test("members-only evidence counts only for people who can read it", async () => {
  const outside = await (await signedIn(outsider)).get("/experts?q=payroll");
  assert.doesNotMatch(outside.html, /Sam Secret/);
  assert.doesNotMatch(outside.html, /Confidential/);
  const inside = await (await signedIn(insider)).get("/experts?q=payroll");
  assert.match(inside.html, /Sam Secret/);
  assert.match(inside.html, /1 accepted answer about payroll/);
  const api = await (await signedIn(outsider)).get("/api/v1/experts?q=payroll");
  assert.equal(api.status, 200);
  const body = JSON.parse(api.html) as { items: { name: string; reasons: string[] }[]; total: number };
  assert.equal(body.items[0]?.name, "Zara Answerer");
  assert.ok(!body.items.some((item) => item.name === "Sam Secret" || item.name === "Olive Optout"));
});

test("Ask them starts a question in a shared community that mentions them", async () => {
  const page = await (await signedIn(asker)).get("/experts?q=payroll");
  assert.match(
    page.html,
    new RegExp(
      `href="/communities/payroll-practitioners/discussions/new\\?kind=question&amp;title=payroll&amp;body=%40${answerer.handle}%20"`,
    ),
  );
  // Somebody with no community in common is asked on their profile.
  const outside = await (await signedIn(outsider)).get("/experts?q=payroll");
  assert.match(outside.html, new RegExp(`href="/people/${answerer.handle}"[^>]*>Ask them`));
});

test("empty and unmatched searches say what to do, and hostile input is inert", async () => {
  const visitor = await signedIn(outsider);
  assert.match((await visitor.get("/experts")).html, /Search for a topic/);
  assert.match((await visitor.get("/experts?q=underwater+basket+weaving")).html, /Nobody found for/);
  for (const q of ["<script>alert(1)</script>", "payroll' | !:* & (", "'); drop table people; --"]) {
    const response = await visitor.get(`/experts?q=${encodeURIComponent(q)}&offset=abc`);
    assert.equal(response.status, 200, q);
    assert.doesNotMatch(response.html, /<script>alert/);
  }
  assert.equal((await visitor.get("/experts?q=payroll&offset=99999")).status, 200);
});

test("opting out on the profile form hides a person from the finder", async () => {
  const visitor = await signedIn(skilled);
  const form = await visitor.get("/me/profile");
  assert.match(form.html, /Suggest me in the expert finder/);
  assert.match(form.html, /name="suggestAsExpert" value="yes" checked/);
  const profile = {
    name: "Abel Skilled",
    timeZone: "Europe/London",
    skills: "payroll, excel",
    mentoring: "neither",
  };
  assert.equal((await visitor.post("/me/profile", { ...profile, suggestAsExpert: "no" })).status, 303);
  let [row] = await db.select().from(people).where(eq(people.id, skilled.id));
  assert.equal(row?.suggestAsExpert, false);
  const colleague = await signedIn(outsider);
  assert.ok(!names((await colleague.get("/experts?q=payroll")).html).includes("Abel Skilled"));
  assert.doesNotMatch((await visitor.get("/me/profile")).html, /value="yes" checked/);
  assert.equal(
    (await visitor.post("/me/profile", { ...profile, suggestAsExpert: ["no", "yes"] })).status,
    303,
  );
  [row] = await db.select().from(people).where(eq(people.id, skilled.id));
  assert.equal(row?.suggestAsExpert, true);
  // A form without the field leaves the choice as it was.
  assert.equal((await visitor.post("/me/profile", profile)).status, 303);
  [row] = await db.select().from(people).where(eq(people.id, skilled.id));
  assert.equal(row?.suggestAsExpert, true);
});
