import assert from "node:assert/strict";
import { test } from "node:test";
import { eq } from "drizzle-orm";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { activityEvents } from "../../platform/activity.js";
import { people } from "../people/tables.js";

const { app, db } = await createTestApp({ emailDomains: ["northfield.ac.uk"] });

test("the first account becomes admin, later ones are members", async () => {
  const first = new Visitor(app as never);
  const response = await first.signUp("Ada Admin", "ada@northfield.ac.uk");
  assert.equal(response.status, 303);
  assert.equal(response.location, "/me/profile");
  assert.ok(first.signedIn);
  const second = new Visitor(app as never);
  await second.signUp("Bea Member", "bea@northfield.ac.uk");
  const rows = await db
    .select({ name: people.name, siteRole: people.siteRole, handle: people.handle })
    .from(people);
  const byName = Object.fromEntries(rows.map((r) => [r.name, r]));
  assert.equal(byName["Ada Admin"]?.siteRole, "admin");
  assert.equal(byName["Bea Member"]?.siteRole, "member");
  assert.equal(byName["Ada Admin"]?.handle, "ada-admin");
  const joined = await db.select().from(activityEvents).where(eq(activityEvents.verb, "person.joined"));
  assert.equal(joined.length, 2, "each new person is recorded in the activity log");
});

test("sign-up outside the allowed email domains is refused beside the field", async () => {
  const visitor = new Visitor(app as never);
  const response = await visitor.signUp("Eve Outsider", "eve@gmail.com");
  assert.equal(response.status, 422);
  assert.match(response.html, /There is a problem/);
  assert.match(response.html, /@northfield\.ac\.uk/);
  assert.match(response.html, /value="eve@gmail.com"/, "the typed email is kept");
  assert.ok(!visitor.signedIn);
});

test("an invalid sign-up form keeps what was typed and explains each field", async () => {
  const visitor = new Visitor(app as never);
  const response = await visitor.post("/sign-up", {
    name: "Cat <b>Bold</b>",
    email: "not-an-email",
    password: "short",
    confirm: "other",
  });
  assert.equal(response.status, 422);
  assert.match(response.html, /href="#field-email"/);
  assert.match(response.html, /Use at least 10 characters/);
  assert.match(response.html, /value="Cat &lt;b&gt;Bold&lt;\/b&gt;"/, "typed text is kept and escaped");
  assert.match(response.html, /aria-invalid="true"/);
});

test("a duplicate email gets a clear message", async () => {
  const visitor = new Visitor(app as never);
  const response = await visitor.signUp("Ada Again", "ada@northfield.ac.uk");
  assert.equal(response.status, 422);
  assert.match(response.html, /already an account/);
});

test("sign in, see who you are, sign out", async () => {
  const visitor = new Visitor(app as never);
  const wrong = await visitor.signIn("bea@northfield.ac.uk", "not the password");
  assert.equal(wrong.status, 422);
  assert.match(wrong.html, /email address or password is not right/);
  assert.match(wrong.html, /value="bea@northfield.ac.uk"/);
  const right = await visitor.post("/sign-in", {
    email: "bea@northfield.ac.uk",
    password: "correct horse battery",
    next: "/communities",
  });
  assert.equal(right.status, 303);
  assert.equal(right.location, "/communities");
  const home = await visitor.get("/");
  assert.match(home.html, /Welcome back, Bea/);
  assert.match(home.html, /Bea Member<\/span><span class="visually-hidden"> – account menu<\/span>/);
  const out = await visitor.post("/sign-out");
  assert.equal(out.status, 303);
  assert.ok(!visitor.signedIn);
  const after = await visitor.get("/");
  assert.match(after.html, /Sign in/);
});

test("sign-in never redirects off-site", async () => {
  const visitor = new Visitor(app as never);
  const response = await visitor.post("/sign-in", {
    email: "bea@northfield.ac.uk",
    password: "correct horse battery",
    next: "//evil.example/x",
  });
  assert.equal(response.location, "/");
});

test("forms without a valid CSRF token are refused", async () => {
  const visitor = new Visitor(app as never);
  await visitor.get("/sign-in");
  const response = await visitor.post(
    "/sign-in",
    { email: "bea@northfield.ac.uk", password: "correct horse battery" },
    { csrf: false },
  );
  assert.equal(response.status, 403);
  assert.match(response.html, /expired or came from another site/);
  visitor.csrfToken = "forged";
  const forged = await visitor.post("/sign-in", { email: "bea@northfield.ac.uk", password: "x" });
  assert.equal(forged.status, 403);
});

test("repeated wrong passwords are rate limited", async () => {
  const visitor = new Visitor(app as never);
  let limited = null;
  for (let attempt = 0; attempt < 15 && !limited; attempt++) {
    const response = await visitor.signIn("bea@northfield.ac.uk", `wrong password ${attempt}`);
    if (response.status === 429) limited = response;
  }
  assert.ok(limited, "sign-in is refused after ten attempts a minute");
  assert.match(limited.html, /Too many attempts/);
});
