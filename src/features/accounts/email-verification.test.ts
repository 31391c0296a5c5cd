import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { authUsers } from "../../platform/auth/tables.js";
import { mailOutbox } from "../../platform/mail/tables.js";

// No SMTP here: the message waits in the outbox, which is where this test reads it.
const { app, db } = await createTestApp();

const linkIn = (text: string) =>
  /http:\/\/localhost:3000\/api\/auth\/verify-email\?token=[\w.-]+&callbackURL=%2F/.exec(text)?.[0];

test("sign-up sends a confirmation email; its link confirms the address and signs the person in", async () => {
  const visitor = new Visitor(app as never);
  assert.equal((await visitor.signUp("Vera Verify", "vera@example.org")).status, 303);
  // Unconfirmed people can still use the site.
  assert.ok(visitor.signedIn);

  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.to, "vera@example.org"));
  assert.equal(mail?.kind, "email_verification");
  assert.equal(mail?.status, "queued");
  assert.equal(mail?.subject, "Confirm your email address for Northfield University");
  assert.match(mail?.text ?? "", /Hello Vera Verify,/);
  assert.match(mail?.text ?? "", /http:\/\/localhost:3000\/me\/settings\/notifications/);
  const link = linkIn(mail?.text ?? "");
  assert.ok(link, "the email carries Better Auth's verify link back to /");

  // Opened on another device, not signed in: the link confirms and signs in, then lands on /.
  const phone = new Visitor(app as never);
  const opened = await phone.get(link.replace("http://localhost:3000", ""));
  assert.equal(opened.status, 302);
  assert.equal(opened.headers.get("location"), "/");
  assert.ok(phone.signedIn);
  assert.match((await phone.get("/")).html, /Welcome back, Vera/);
  const [user] = await db.select().from(authUsers).where(eq(authUsers.email, "vera@example.org"));
  assert.equal(user?.emailVerified, true);
});

test("a tampered confirmation link confirms nothing", async () => {
  const visitor = new Visitor(app as never);
  const opened = await visitor.get("/api/auth/verify-email?token=forged.token.here&callbackURL=%2F");
  assert.equal(opened.status, 302);
  assert.match(opened.headers.get("location") ?? "", /^\/\?error=/);
  assert.ok(!visitor.signedIn);
});
