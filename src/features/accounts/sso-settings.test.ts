import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";

// The redirect flow itself runs against a real provider in test/e2e/sso.test.ts; these check
// what the pages offer under each setting.
const oidc = {
  issuer: "http://127.0.0.1:9",
  clientId: "c",
  clientSecret: "s",
  buttonLabel: "Sign in with Northfield",
};
const ssoOnly = await createTestApp({ oidc, passwordSignIn: false });
const both = await createTestApp({ oidc });

test("with SSO only, the password form and sign-up are gone", async () => {
  const visitor = new Visitor(ssoOnly.app as never);
  const page = await visitor.get("/sign-in");
  assert.match(page.html, /Sign in with Northfield/);
  assert.doesNotMatch(page.html, /name="password"/);
  assert.doesNotMatch(page.html, /Create account/);
  assert.equal((await visitor.get("/sign-up")).status, 303);
  const refused = await visitor.post("/sign-in", { email: "a@example.org", password: "whatever whatever" });
  assert.equal(refused.status, 403);
  assert.match(refused.html, /organisation&#39;s account instead of a password/);
});

test("with both, the SSO button comes first and the password form stays", async () => {
  const visitor = new Visitor(both.app as never);
  const page = await visitor.get("/sign-in");
  assert.ok(page.html.indexOf("Sign in with Northfield") < page.html.indexOf('name="password"'));
  assert.match(page.html, /or sign in with a password/);
});

test("a provider that cannot be reached gets a clear message, not a crash", async () => {
  const visitor = new Visitor(both.app as never);
  await visitor.get("/sign-in");
  const response = await visitor.post("/sign-in/sso", { next: "/communities" });
  assert.equal(response.status, 502);
  assert.match(response.html, /could not reach Northfield University&#39;s sign-in service/);
});

test("coming back refused shows why beside the button", async () => {
  const visitor = new Visitor(both.app as never);
  const page = await visitor.get("/sign-in?error=access_denied");
  assert.match(page.html, /Sign-in was cancelled/);
  assert.match(page.html, /href="#field-sso"/);
});

test("the SSO origin is allowed as a form target, nothing else", async () => {
  const response = await both.app.request("/sign-in");
  assert.match(
    response.headers.get("content-security-policy") ?? "",
    /form-action 'self' http:\/\/127\.0\.0\.1:9(;|$)/,
  );
});
