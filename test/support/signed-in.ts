import assert from "node:assert/strict";
import { createToken } from "../../src/features/tokens/service.js";
import type { Db } from "../../src/platform/db/client.js";
import type { TestApp } from "./app.js";
import { Visitor } from "./browser-session.js";
import { actorFor, FACTORY_PASSWORD } from "./factories.js";

/**
 * A test file's signed-in browsers: one Visitor per person, signed in on first use and reused.
 * `openHome` opens the home page after signing in, so the visitor holds the CSRF token of its
 * signed-in session before it posts.
 */
export function signInOnce(app: TestApp["app"], options: { openHome?: boolean } = {}) {
  const sessions = new Map<string, Visitor>();
  return async function signedIn(person: { email: string }): Promise<Visitor> {
    const known = sessions.get(person.email);
    if (known) return known;
    const visitor = new Visitor(app as never);
    const response = await visitor.signIn(person.email, FACTORY_PASSWORD);
    assert.equal(response.status, 303, `sign-in of ${person.email}`);
    if (options.openHome) await visitor.get("/");
    sessions.set(person.email, visitor);
    return visitor;
  };
}

/**
 * A JSON client for `/api/v1`: `call` sends as the person `as` (a personal token made on first use,
 * named `tokenName`), with a given `token`, or anonymously; it answers the status and parsed body.
 */
export function apiClient(app: TestApp["app"], db: Db, tokenName: string) {
  const tokens = new Map<string, string>();
  async function tokenFor(who: { id: string }): Promise<string> {
    const known = tokens.get(who.id);
    if (known) return known;
    const secret = (await createToken(db, await actorFor(db, who.id), { name: tokenName })).secret;
    tokens.set(who.id, secret);
    return secret;
  }
  async function call(
    path: string,
    options: { as?: { id: string }; token?: string; method?: string; body?: unknown } = {},
  ) {
    const headers: Record<string, string> = {};
    const token = options.as ? await tokenFor(options.as) : options.token;
    if (token) headers.authorization = `Bearer ${token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const response = await app.request(`/api/v1${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read loose JSON.
    return { status: response.status, json: (text ? JSON.parse(text) : null) as any };
  }
  return { tokenFor, call };
}
