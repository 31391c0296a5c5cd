import assert from "node:assert/strict";
import { test } from "node:test";
import { createTestApp } from "../test/support/app.js";
import { Visitor } from "../test/support/browser-session.js";
import { setLogLevel } from "./platform/log.js";
import { assetUrl } from "./ui/assets.js";

const { app } = await createTestApp();
// Routes must be added before the first request builds the router.
app.get("/test-only/boom", () => {
  throw new Error("kaboom");
});

test("health and readiness", async () => {
  assert.deepEqual(await (await app.request("/healthz")).json(), { status: "ok" });
  const ready = await app.request("/readyz");
  assert.equal(ready.status, 200);
  assert.equal((await ready.json()).status, "ok");
});

test("unknown pages get a friendly 404 inside the layout", async () => {
  const visitor = new Visitor(app as never);
  const response = await visitor.get("/no/such/page");
  assert.equal(response.status, 404);
  assert.match(response.html, /<h1>Page not found<\/h1>/);
  assert.match(response.html, /Skip to main content/);
});

test("an unexpected error shows a 500 page with a request id that is also logged", async () => {
  const written: string[] = [];
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  setLogLevel("error");
  try {
    const response = await app.request("/test-only/boom");
    assert.equal(response.status, 500);
    const requestId = response.headers.get("x-request-id");
    assert.ok(requestId);
    const html = await response.text();
    assert.match(html, new RegExp(`<code>${requestId}</code>`));
    assert.doesNotMatch(html, /kaboom/, "internal details stay out of the page");
    const logged = written.map((line) => JSON.parse(line)).find((entry) => entry.msg === "unhandled error");
    assert.equal(logged?.requestId, requestId);
    assert.match(logged?.error, /kaboom/);
  } finally {
    process.stderr.write = original;
    setLogLevel("silent");
  }
});

test("pages carry security headers", async () => {
  const response = await app.request("/communities");
  const csp = response.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self'/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(response.headers.get("x-content-type-options"), "nosniff");
  assert.ok(response.headers.get("referrer-policy"));
});

test("assets are fingerprinted and cached for a year", async () => {
  const response = await app.request(assetUrl("app.css"));
  assert.equal(response.status, 200);
  assert.match(response.headers.get("cache-control") ?? "", /immutable/);
  assert.equal((await app.request("/assets/app.0000.css")).status, 404);
});

test("search finds communities for everyone and people for colleagues", async () => {
  const visitor = new Visitor(app as never);
  const empty = await visitor.get("/search");
  assert.equal(empty.status, 200);
  const none = await visitor.get("/search?q=zzqqxx");
  assert.match(none.html, /Nothing matches/);
  assert.match(none.html, /Sign in<\/a> to search discussions, resources, events and colleagues too/);
  assert.equal((await visitor.get("/events")).status, 200);
});
