import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestApp } from "../../../test/support/app.js";
import { Visitor } from "../../../test/support/browser-session.js";
import { buildCommunity, buildPerson, FACTORY_PASSWORD } from "../../../test/support/factories.js";

const plain = await createTestApp();
const secure = await createTestApp({ baseUrl: "https://convene.example.org", secureCookies: true });
const person = await buildPerson(plain.db, { name: "Sam Secure", siteRole: "admin" });
await buildCommunity(plain.db, { slug: "headers-test" });

const pages = [
  "/",
  "/communities",
  "/communities/headers-test",
  "/people",
  "/search?q=x",
  "/events",
  "/sign-in",
  "/sign-up",
  "/admin",
  "/admin/people",
  "/me/profile",
  "/me/notifications",
  "/no-such-page",
];

function assertSecurityHeaders(headers: Headers, where: string) {
  const csp = headers.get("content-security-policy") ?? "";
  assert.match(csp, /default-src 'self'/, where);
  assert.match(csp, /script-src 'self'(;|$)/, `${where}: no inline scripts`);
  assert.doesNotMatch(csp, /script-src[^;]*unsafe-inline/, where);
  assert.match(csp, /frame-ancestors 'none'/, where);
  assert.equal(headers.get("x-content-type-options"), "nosniff", where);
  assert.equal(headers.get("referrer-policy"), "strict-origin-when-cross-origin", where);
}

test("every page carries the security headers", async () => {
  const visitor = new Visitor(plain.app as never);
  await visitor.signIn(person.email, FACTORY_PASSWORD);
  for (const path of pages) {
    const response = await plain.app.request(path, { headers: { cookie: visitor.cookieHeader() } });
    assertSecurityHeaders(response.headers, path);
    assert.equal(response.headers.get("strict-transport-security"), null, "no HSTS over plain http");
  }
});

test("over https: HSTS, and session cookies are HttpOnly, SameSite=Lax and Secure", async () => {
  const response = await secure.app.request("/communities");
  assertSecurityHeaders(response.headers, "https /communities");
  assert.match(response.headers.get("strict-transport-security") ?? "", /max-age=31536000/);
  await buildPerson(secure.db, { name: "Tess Https", email: "tess@example.org" });
  const visitor = new Visitor(secure.app as never);
  await visitor.get("/sign-in");
  const signIn = await secure.app.request("/sign-in", {
    method: "POST",
    body: new URLSearchParams({
      _csrf: visitor.csrfToken,
      email: "tess@example.org",
      password: FACTORY_PASSWORD,
    }).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: visitor.cookieHeader(),
    },
  });
  assert.equal(signIn.status, 303);
  const session = signIn.headers.getSetCookie().find((c) => c.includes("session_token="));
  assert.ok(session, "a session cookie is set");
  assert.match(session, /HttpOnly/i);
  assert.match(session, /SameSite=Lax/i);
  assert.match(session, /Secure/i);
  const csrf = (await secure.app.request("/")).headers
    .getSetCookie()
    .find((c) => c.startsWith("convene_csrf="));
  assert.match(csrf ?? "", /HttpOnly/i);
  assert.match(csrf ?? "", /Secure/i);
});

test("over plain http the session cookie is HttpOnly and SameSite=Lax", async () => {
  const visitor = new Visitor(plain.app as never);
  await visitor.get("/sign-in");
  const response = await plain.app.request("/sign-in", {
    method: "POST",
    body: new URLSearchParams({
      _csrf: visitor.csrfToken,
      email: person.email,
      password: FACTORY_PASSWORD,
    }).toString(),
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: visitor.cookieHeader(),
    },
  });
  const session = response.headers.getSetCookie().find((c) => c.includes("session_token="));
  assert.match(session ?? "", /HttpOnly/i);
  assert.match(session ?? "", /SameSite=Lax/i);
});
