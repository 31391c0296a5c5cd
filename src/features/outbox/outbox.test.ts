import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { auditLog } from "../../platform/audit.js";
import { enqueueMail } from "../../platform/mail/outbox.js";
import { mailOutbox } from "../../platform/mail/tables.js";
import { renderEmail } from "../../ui/email/render.js";

// No SMTP_URL: messages stay queued, as on a fresh install.
const { app, db, config } = await createTestApp();
const admin = await buildPerson(db, { name: "Ada Admin", siteRole: "admin" });
const member = await buildPerson(db, { name: "Mo Member" });
const programme = await buildPerson(db, { name: "Pat Programme", siteRole: "programme" });

async function signedIn(person: { email: string }) {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signIn(person.email, FACTORY_PASSWORD)).status, 303);
  return visitor;
}

const enqueue = (subject: string, extra: { headers?: Record<string, string> } = {}) =>
  enqueueMail(db, {
    to: "bea@example.org",
    kind: "test",
    ...renderEmail({ config, title: subject, paragraphs: ["Hello <Bea> & friends"] }),
    ...extra,
  });

const adminVisitor = await signedIn(admin);

test("an empty outbox explains how to turn sending on", async () => {
  const page = await adminVisitor.get("/admin/outbox");
  assert.equal(page.status, 200);
  assert.match(page.html, /<title>Email outbox – Northfield University – Convene<\/title>/);
  assert.match(page.html, /No email yet/);
  assert.match(page.html, /SMTP_URL/);
  assert.match(page.html, /Email is not being sent/);
  assert.match(page.html, /aria-label="Breadcrumb"[\s\S]*href="\/admin"/);
});

test("only administrators read the outbox", async () => {
  const id = await enqueue("Private message");
  for (const person of [member, programme]) {
    const visitor = await signedIn(person);
    for (const path of ["/admin/outbox", `/admin/outbox/${id}`]) {
      const page = await visitor.get(path);
      assert.equal(page.status, 403, path);
      assert.match(page.html, /Only administrators can read the email outbox/);
    }
    const post = await visitor.post(`/admin/outbox/${id}/send-again`);
    assert.equal(post.status, 403);
  }
  const visitor = new Visitor(app as never);
  const anonymous = await visitor.get("/admin/outbox");
  assert.equal(anonymous.status, 303);
  assert.match(anonymous.headers.get("location") ?? "", /^\/sign-in\?next=%2Fadmin%2Foutbox/);
});

test("the outbox lists messages newest first, filters by status and pages through them", async () => {
  for (let n = 0; n < 55; n++) await enqueue(`Numbered message ${String(n).padStart(2, "0")}`);
  const [failed] = await db
    .update(mailOutbox)
    .set({ status: "failed", attempts: 8, lastError: "550 mailbox unavailable" })
    .where(eq(mailOutbox.subject, "Numbered message 03"))
    .returning();

  const first = await adminVisitor.get("/admin/outbox");
  const subjects = (html: string) =>
    [...html.matchAll(/>(Numbered message \d+|Private message)<\/a>/g)].map((m) => m[1]);
  const one = subjects(first.html);
  assert.equal(one.length, 50);
  assert.equal(one[0], "Numbered message 54", "newest first");
  assert.match(first.html, /Queued \(55\)/);
  assert.match(first.html, /Failed \(1\)/);
  const next = /href="([^"]+)" rel="next"/.exec(first.html)?.[1]?.replaceAll("&amp;", "&");
  assert.ok(next, "a link to the next page");
  const two = subjects((await adminVisitor.get(next)).html);
  assert.deepEqual(two, [
    "Numbered message 04",
    "Numbered message 03",
    "Numbered message 02",
    "Numbered message 01",
    "Numbered message 00",
    "Private message",
  ]);

  const onlyFailed = await adminVisitor.get("/admin/outbox?status=failed");
  assert.deepEqual(subjects(onlyFailed.html), ["Numbered message 03"]);
  assert.match(onlyFailed.html, /550 mailbox unavailable/);
  assert.match(onlyFailed.html, /<a href="\/admin\/outbox\?status=failed" aria-current="page">/);
  const noneSent = await adminVisitor.get("/admin/outbox?status=sent");
  assert.match(noneSent.html, /No sent messages/);
  const nonsense = await adminVisitor.get("/admin/outbox?status=bogus&cursor=garbage");
  assert.equal(nonsense.status, 200, "a bad filter or cursor shows the first page of everything");
  assert.ok(failed);
});

test("a message shows its headers, its plain text and its HTML as escaped source", async () => {
  const id = await enqueue("With headers", {
    headers: { "List-Unsubscribe": "<http://localhost:3000/unsubscribe?k=x>" },
  });
  const page = await adminVisitor.get(`/admin/outbox/${id}`);
  assert.equal(page.status, 200);
  assert.match(page.html, /<h1>With headers<\/h1>/);
  assert.match(page.html, /List-Unsubscribe/);
  assert.match(page.html, /&lt;http:\/\/localhost:3000\/unsubscribe\?k=x&gt;/);
  assert.match(page.html, /Hello &lt;Bea&gt; &amp; friends/, "the text part, escaped");
  assert.match(page.html, /<summary>HTML source<\/summary><pre[^>]*>&lt;!doctype html&gt;/);
  assert.match(page.html, /Northfield University &lt;convene@localhost&gt;/, "From comes from MAIL_FROM");
  assert.match(page.html, /Send again now/);
  assert.equal((await adminVisitor.get("/admin/outbox/nope")).status, 404);
});

test("Send again now queues a failed message again and records who did it", async () => {
  const [failed] = await db.select().from(mailOutbox).where(eq(mailOutbox.status, "failed"));
  assert.ok(failed);
  const page = await adminVisitor.get(`/admin/outbox/${failed.id}`);
  assert.match(page.html, new RegExp(`action="/admin/outbox/${failed.id}/send-again"`));

  const refused = await adminVisitor.post(`/admin/outbox/${failed.id}/send-again`, {}, { csrf: false });
  assert.equal(refused.status, 403, "the form needs its CSRF token");

  const before = Date.now();
  const response = await adminVisitor.post(`/admin/outbox/${failed.id}/send-again`);
  assert.equal(response.status, 303);
  assert.equal(response.location, `/admin/outbox/${failed.id}`);
  const after = await adminVisitor.get(`/admin/outbox/${failed.id}`);
  assert.match(after.html, /is queued again, but SMTP_URL is not set/);

  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, failed.id));
  assert.equal(row?.status, "queued");
  assert.equal(row?.attempts, 0);
  assert.ok(
    (row?.nextAttemptAt.getTime() ?? Infinity) <= Date.now() &&
      (row?.nextAttemptAt.getTime() ?? 0) >= before - 1000,
  );
  assert.equal(row?.lastError, "550 mailbox unavailable", "the last error is kept for the record");
  const [audit] = await db.select().from(auditLog).where(eq(auditLog.targetId, failed.id));
  assert.equal(audit?.action, "mail.sent_again");
  assert.equal(audit?.actorId, admin.id);
});

test("a sent message cannot be sent again", async () => {
  const id = await enqueue("Already delivered");
  await db
    .update(mailOutbox)
    .set({ status: "sent", sentAt: new Date(), attempts: 1 })
    .where(eq(mailOutbox.id, id));
  const page = await adminVisitor.get(`/admin/outbox/${id}`);
  assert.doesNotMatch(page.html, /Send again now/);
  const response = await adminVisitor.post(`/admin/outbox/${id}/send-again`);
  assert.equal(response.status, 409);
  assert.match(response.html, /already been sent/);
});
