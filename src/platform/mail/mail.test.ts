import assert from "node:assert/strict";
import { after, test } from "node:test";
import { eq, like } from "drizzle-orm";
import { testConfig } from "../../../test/support/app.js";
import { createTestDatabase } from "../../../test/support/database.js";
import { closedPort, startSmtpSink } from "../../../test/support/smtp-sink.js";
import { renderEmail } from "../../ui/email/render.js";
import { createMailDelivery, MAX_ATTEMPTS } from "./delivery.js";
import { enqueueMail } from "./outbox.js";
import { mailOutbox } from "./tables.js";

const database = await createTestDatabase();
const { db } = database;
const sink = await startSmtpSink();
after(async () => {
  for (const created of deliveries) await created.stop();
  await sink.close();
  await database.drop();
});

const config = testConfig();
const from = "Northfield University <convene@northfield.example>";
const mailTo = (url: string | null) => ({ mail: { smtpUrl: url, from } });
const minutes = (n: number) => n * 60_000;
const deliveries: ReturnType<typeof createMailDelivery>[] = [];
/** A delivery that is stopped (its pooled connections closed) when the file ends. */
const delivery = (options: Omit<Parameters<typeof createMailDelivery>[0], "db">) => {
  const created = createMailDelivery({ ...options, db });
  deliveries.push(created);
  return created;
};
const row = async (id: string) => (await db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0]!;

function message(subject: string, headers?: Record<string, string>) {
  const email = renderEmail({
    config,
    title: subject,
    paragraphs: ["Ada <Lovelace> replied to your question about payroll & pensions."],
    action: { label: "Read the reply", url: `${config.baseUrl}/communities/hr/discussions/1` },
    footerNote: "You get this because you follow this discussion.",
  });
  return { to: "bea@northfield.example", ...email, kind: "test", headers };
}

test("a queued message arrives with both parts, its headers, the organisation and the settings link", async () => {
  const id = await enqueueMail(
    db,
    message("A reply to your question", {
      "List-Unsubscribe": "<http://localhost:3000/unsubscribe?k=reply>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }),
  );
  assert.equal((await row(id)).status, "queued");
  const result = await delivery({ config: mailTo(sink.url) }).deliverDue();
  assert.deepEqual(result, { sent: 1, retried: 0, failed: 0 });

  const mail = await sink.waitFor((m) => m.subject === "A reply to your question");
  assert.deepEqual(mail.to, ["bea@northfield.example"]);
  assert.equal(mail.from, "convene@northfield.example");
  assert.match(mail.headers.from ?? "", /Northfield University/);
  assert.equal(mail.headers["list-unsubscribe"], "<http://localhost:3000/unsubscribe?k=reply>");
  assert.equal(mail.headers["list-unsubscribe-post"], "List-Unsubscribe=One-Click");
  for (const part of [mail.text, mail.html]) {
    assert.match(part, /Northfield University communities of practice/);
    assert.match(part, /http:\/\/localhost:3000\/me\/settings\/notifications/);
    assert.match(part, /http:\/\/localhost:3000\/communities\/hr\/discussions\/1/);
  }
  assert.match(mail.text, /Ada <Lovelace> replied to your question about payroll & pensions\./);
  assert.match(mail.html, /Ada &lt;Lovelace&gt; replied to your question about payroll &amp; pensions\./);
  assert.doesNotMatch(mail.html, /<Lovelace>/, "typed text is escaped in the HTML part");

  const sent = await row(id);
  assert.equal(sent.status, "sent");
  assert.ok(sent.sentAt);
  assert.equal(sent.attempts, 1);
});

test("while the mail server is down a message waits with its error, then goes once it is back", async () => {
  const id = await enqueueMail(db, message("Waiting for the server"));
  const start = Date.now();
  const down = createMailDelivery({ config: mailTo(`smtp://127.0.0.1:${await closedPort()}`), db });
  assert.deepEqual(await down.deliverDue(), { sent: 0, retried: 1, failed: 0 });
  await down.stop();

  const waiting = await row(id);
  assert.equal(waiting.status, "queued");
  assert.equal(waiting.attempts, 1);
  assert.match(waiting.lastError ?? "", /ECONNREFUSED/);
  const delay = waiting.nextAttemptAt.getTime() - start;
  assert.ok(
    delay >= minutes(1) - 1000 && delay < minutes(2),
    `retried a minute later, not after ${delay} ms`,
  );

  // The server is back, but the retry is not due yet: nothing is sent early.
  const soon = delivery({ config: mailTo(sink.url) });
  assert.equal((await soon.deliverDue()).sent, 0);
  const later = delivery({ config: mailTo(sink.url), now: () => new Date(start + minutes(2)) });
  assert.deepEqual(await later.deliverDue(), { sent: 1, retried: 0, failed: 0 });
  await sink.waitFor((m) => m.subject === "Waiting for the server");
  const delivered = await row(id);
  assert.equal(delivered.status, "sent");
  assert.equal(delivered.attempts, 2);
});

test("the waits grow, and after eight failed attempts the message is marked failed and kept", async () => {
  const id = await enqueueMail(db, message("Never arrives"));
  let clock = Date.now();
  const down = delivery({
    config: mailTo(`smtp://127.0.0.1:${await closedPort()}`),
    now: () => new Date(clock),
  });
  const waits: number[] = [];
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const result = await down.deliverDue();
    const current = await row(id);
    assert.equal(current.attempts, attempt);
    if (attempt < MAX_ATTEMPTS) {
      assert.deepEqual(result, { sent: 0, retried: 1, failed: 0 }, `attempt ${attempt}`);
      waits.push(Math.round((current.nextAttemptAt.getTime() - clock) / 60_000));
      clock = current.nextAttemptAt.getTime();
    } else {
      assert.deepEqual(result, { sent: 0, retried: 0, failed: 1 });
    }
  }
  assert.deepEqual(waits.slice(0, 5), [1, 5, 30, 120, 720]);
  const failed = await row(id);
  assert.equal(failed.status, "failed");
  assert.match(failed.lastError ?? "", /ECONNREFUSED/);
  // Failed mail stays in the outbox and is not picked up again by itself.
  clock += minutes(60 * 24 * 30);
  assert.deepEqual(await down.deliverDue(), { sent: 0, retried: 0, failed: 0 });
  assert.equal((await row(id)).status, "failed");
});

test("two deliveries running at once never send a message twice", async () => {
  const count = 45;
  for (let n = 0; n < count; n++) await enqueueMail(db, message(`Batch message ${n}`));
  const one = delivery({ config: mailTo(sink.url) });
  const two = delivery({ config: mailTo(sink.url) });
  const [a, b] = await Promise.all([one.deliverDue(), two.deliverDue()]);
  assert.equal(a.sent + b.sent, count);
  await one.stop();
  await two.stop();
  const subjects = sink.messages.filter((m) => m.subject.startsWith("Batch message ")).map((m) => m.subject);
  assert.equal(subjects.length, count, "each message arrived exactly once");
  assert.equal(new Set(subjects).size, count);
  const rows = await db.select().from(mailOutbox).where(like(mailOutbox.subject, "Batch message %"));
  assert.ok(rows.every((r) => r.status === "sent" && r.attempts === 1));
});

test("without SMTP nothing is sent: messages stay queued for admins to read", async () => {
  const id = await enqueueMail(db, message("Kept in the outbox"));
  const idle = delivery({ config: mailTo(null) });
  assert.deepEqual(await idle.deliverDue(), { sent: 0, retried: 0, failed: 0 });
  idle.start(10);
  await idle.stop();
  const kept = await row(id);
  assert.equal(kept.status, "queued");
  assert.equal(kept.attempts, 0);
});

test("enqueueMail joins the caller's transaction: a rolled-back act leaves no email", async () => {
  await assert.rejects(
    db.transaction(async (tx) => {
      await enqueueMail(tx, message("Rolled back"));
      throw new Error("the act failed");
    }),
    /the act failed/,
  );
  const rows = await db.select().from(mailOutbox).where(eq(mailOutbox.subject, "Rolled back"));
  assert.equal(rows.length, 0);
});
