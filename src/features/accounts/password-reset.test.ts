import assert from "node:assert/strict";
import { after, test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";
import { startSmtpSink } from "../../../test/support/smtp-sink.js";
import { authSessions } from "../../platform/auth/tables.js";
import { createMailDelivery } from "../../platform/mail/delivery.js";
import { mailOutbox } from "../../platform/mail/tables.js";

const sink = await startSmtpSink();
const { app, db, config } = await createTestApp({
  mail: { smtpUrl: sink.url, from: "Northfield University <convene@northfield.example>" },
});
const delivery = createMailDelivery({ config, db });
after(async () => {
  await delivery.stop();
  await sink.close();
});

const person = await buildPerson(db, { name: "Rosa Reset", email: "rosa@northfield.example" });
const newPassword = "a brand new sentence";
let token = "";

const answer = /If an account exists for that address, we have sent a link/;

test("the sign-in page offers a way back in", async () => {
  const page = await new Visitor(app as never).get("/sign-in");
  assert.match(page.html, /<a href="\/forgot-password">Forgot your password\?<\/a>/);
  const form = await new Visitor(app as never).get("/forgot-password");
  assert.equal(form.status, 200);
  assert.match(form.html, /<title>Reset your password – Northfield University – Convene<\/title>/);
});

test("a person asks for a reset and the email brings a link to our reset page", async () => {
  const visitor = new Visitor(app as never);
  const asked = await visitor.post("/forgot-password", { email: "  Rosa@Northfield.example " });
  assert.equal(asked.status, 303);
  assert.equal(asked.location, "/forgot-password/sent");
  const sent = await visitor.get("/forgot-password/sent");
  assert.match(sent.html, answer);
  assert.doesNotMatch(sent.html, /does not send email yet/, "SMTP is configured here");

  assert.equal((await delivery.deliverDue()).sent, 1);
  const mail = await sink.waitFor((m) => m.to.includes("rosa@northfield.example"));
  assert.equal(mail.subject, "Reset your Northfield University password");
  assert.match(mail.text, /Hello Rosa Reset,/);
  const link = /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
  assert.ok(link, "the text part links to /reset-password with a token");
  token = link[1]!;
  assert.match(mail.html, new RegExp(`href="http://localhost:3000/reset-password\\?token=${token}"`));
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.kind, "password_reset"));
  assert.equal(row?.status, "sent");
});

test("an unknown address gets the same answer, and no email is written", async () => {
  const before = await db.select().from(mailOutbox);
  const visitor = new Visitor(app as never);
  const asked = await visitor.post("/forgot-password", { email: "nobody@northfield.example" });
  assert.equal(asked.status, 303);
  assert.equal(asked.location, "/forgot-password/sent");
  assert.match((await visitor.get("/forgot-password/sent")).html, answer);
  assert.equal((await db.select().from(mailOutbox)).length, before.length);
});

test("a mistyped address is explained beside the field and kept", async () => {
  const response = await new Visitor(app as never).post("/forgot-password", { email: "rosa@" });
  assert.equal(response.status, 422);
  assert.match(response.html, /There is a problem/);
  assert.match(response.html, /href="#field-email"/);
  assert.match(response.html, /value="rosa@"/);
});

test("a bad or missing token gets a page that says so and offers a new link", async () => {
  const visitor = new Visitor(app as never);
  for (const path of ["/reset-password?token=not-a-real-token", "/reset-password"]) {
    const page = await visitor.get(path);
    assert.equal(page.status, 404, path);
    assert.match(page.html, /This reset link does not work/);
    assert.match(page.html, /href="\/forgot-password"/);
  }
  const posted = await visitor.post("/reset-password", {
    token: "not-a-real-token",
    password: newPassword,
    confirm: newPassword,
  });
  assert.equal(posted.status, 404);
  assert.match(posted.html, /This reset link does not work/);
});

test("a weak or mismatched new password comes back with errors, the token kept and passwords not", async () => {
  const visitor = new Visitor(app as never);
  const form = await visitor.get(`/reset-password?token=${token}`);
  assert.equal(form.status, 200);
  assert.equal(form.headers.get("cache-control"), "no-store");
  assert.match(form.html, /Choose a new password/);

  const weak = await visitor.post("/reset-password", { token, password: "short", confirm: "short" });
  assert.equal(weak.status, 422);
  assert.match(weak.html, /Use at least 10 characters/);
  assert.match(weak.html, new RegExp(`name="token" value="${token}"`));
  assert.doesNotMatch(weak.html, /value="short"/);

  const mismatch = await visitor.post("/reset-password", {
    token,
    password: newPassword,
    confirm: "a different sentence",
  });
  assert.equal(mismatch.status, 422);
  assert.match(mismatch.html, /href="#field-confirm"/);
  assert.match(mismatch.html, /The two passwords do not match/);
  assert.doesNotMatch(mismatch.html, /a brand new sentence|a different sentence/);
});

test("the new password works, the old one does not, and other sessions are signed out", async () => {
  const elsewhere = new Visitor(app as never);
  assert.equal((await elsewhere.signIn(person.email, FACTORY_PASSWORD)).status, 303);

  const visitor = new Visitor(app as never);
  const changed = await visitor.post("/reset-password", {
    token,
    password: newPassword,
    confirm: newPassword,
  });
  assert.equal(changed.status, 303);
  assert.equal(changed.location, "/sign-in");
  const signIn = await visitor.get("/sign-in");
  assert.match(signIn.html, /Your password has been changed\. Sign in with your new password\./);

  const sessions = await db.select().from(authSessions).where(eq(authSessions.userId, person.id));
  assert.equal(sessions.length, 0, "every session of the person ended with the reset");
  assert.match((await elsewhere.get("/")).html, /Sign in/);

  assert.equal((await new Visitor(app as never).signIn(person.email, FACTORY_PASSWORD)).status, 422);
  assert.equal((await new Visitor(app as never).signIn(person.email, newPassword)).status, 303);

  // A link works once.
  const again = await visitor.get(`/reset-password?token=${token}`);
  assert.equal(again.status, 404);
});

test("asking again and again is slowed down with the same words for everyone", async () => {
  const visitor = new Visitor(app as never);
  let limited = null;
  for (let attempt = 0; attempt < 6 && !limited; attempt++) {
    const response = await visitor.post("/forgot-password", {
      email: `someone${attempt}@northfield.example`,
    });
    if (response.status === 429) limited = response;
    else assert.equal(response.status, 303);
  }
  assert.ok(limited, "Better Auth limits reset requests from one address");
  assert.match(limited.html, /Too many attempts/);
});
