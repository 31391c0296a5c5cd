import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildEvent } from "../../../test/support/event-factories.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { replies, threads } from "../discussions/tables.js";

const { app, db, database } = await createTestApp();

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  return visitor;
}

const me = await buildPerson(db, { name: "Hana Home", skills: ["payroll", "pensions"] });
const other = await buildPerson(db, { name: "Olu Other" });
const mine = await buildCommunity(db, {
  name: "Payroll Practitioners",
  members: [{ personId: me.id }, { personId: other.id }],
});
const elsewhere = await buildCommunity(db, { name: "Elsewhere Circle", members: [{ personId: other.id }] });

async function thread(communityId: string, title: string, fields: Partial<typeof threads.$inferInsert> = {}) {
  const [row] = await db
    .insert(threads)
    .values({ communityId, authorId: other.id, kind: "question", title, ...fields })
    .returning();
  return row!;
}

await thread(mine.id, "When is the pensions cut-off?");
await thread(mine.id, "Tagged question about month end", { tags: ["payroll"] });
await thread(mine.id, "Weekly catch-up notes", { kind: "discussion" });
await thread(mine.id, "My own payroll question", { authorId: me.id });
await thread(mine.id, "Hidden payroll question", { hiddenAt: new Date() });
await thread(elsewhere.id, "Payroll question elsewhere");
const done = await thread(mine.id, "Answered payroll question");
const [reply] = await db
  .insert(replies)
  .values({ threadId: done.id, communityId: mine.id, authorId: other.id, body: "Done." })
  .returning();
await db.update(threads).set({ acceptedReplyId: reply!.id }).where(eq(threads.id, done.id));
await buildEvent(db, mine.id, { title: "Month-end clinic", startsAt: new Date(Date.now() + 3 * 86_400_000) });
await buildEvent(db, elsewhere.id, {
  title: "Elsewhere social",
  startsAt: new Date(Date.now() + 2 * 86_400_000),
});

const section = (html: string, heading: string) => {
  const start = html.indexOf(heading);
  assert.ok(start >= 0, `section ${heading}`);
  return html.slice(start, html.indexOf("</section>", start));
};

test("the home page shows what is new and questions the person might answer", async () => {
  const visitor = await signedIn(me);
  const before = database.queryCount.value;
  const page = await visitor.get("/");
  assert.ok(database.queryCount.value - before <= 10, "a few queries");
  assert.equal(page.status, 200);
  assert.match(page.html, /Welcome back, Hana/);
  assert.match(page.html, /Your communities/);
  const latest = section(page.html, "New in your communities");
  assert.match(latest, /Weekly catch-up notes/);
  assert.match(latest, /Discussion/);
  assert.match(latest, /Payroll Practitioners/);
  assert.doesNotMatch(latest, /Hidden payroll question/);
  assert.doesNotMatch(latest, /elsewhere/, "only the person's communities");
  const toAnswer = section(page.html, "Questions you might answer");
  assert.match(toAnswer, /When is the pensions cut-off\?/, "words match a skill");
  assert.match(toAnswer, /Tagged question about month end/, "tags match a skill");
  assert.doesNotMatch(toAnswer, /My own payroll question/);
  assert.doesNotMatch(toAnswer, /Answered payroll question/);
  assert.doesNotMatch(toAnswer, /Weekly catch-up/);
  assert.doesNotMatch(toAnswer, /Hidden payroll|elsewhere/);
  const upcoming = section(page.html, "Upcoming events");
  assert.match(upcoming, /Month-end clinic/);
  assert.doesNotMatch(upcoming, /Elsewhere social/, "only the person's communities and events they go to");
  assert.match(upcoming, /href="\/events">See all events/);
});

test("anonymous visitors get the public home page", async () => {
  const page = await new Visitor(app as never).get("/");
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.html, /New in your communities|Upcoming events/);
});
