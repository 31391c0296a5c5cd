import { createMiddleware } from "hono/factory";
import { checkCookieCsrf } from "../../platform/api/cookie-csrf.js";
import { enforceRateLimit } from "../../platform/api/rate-limit.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import { clientIp } from "../../platform/http/client-ip.js";
import type { AppEnv } from "../../platform/http/context.js";
import { anonymous } from "../../platform/policy.js";
import { loadActor } from "../people/queries.js";
import { findActiveTokenByHash } from "./queries.js";
import { hashToken, looksLikeToken } from "./secret.js";
import { LAST_USED_PRECISION_MS, touchToken } from "./service.js";

const bearer = /^Bearer[ \t]+(\S+)[ \t]*$/i;

/**
 * Who an API request acts for, then its quota:
 * - `Authorization: Bearer <token>` acts as the token's owner (the cookie is then ignored);
 *   an unknown or revoked token is a 401, counted against the client address so guessing is throttled.
 * - otherwise the session cookie's person (already resolved by the session middleware), whose
 *   changing calls must carry the page's CSRF token; or an anonymous visitor.
 * Quotas are per token, per signed-in person for cookie sessions, and per client address otherwise.
 */
export function apiAuthentication(db: Db) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const address = () => `ip:${clientIp(c, c.get("config").trustProxy)}`;
    if (header === undefined) {
      const actor = c.get("actor");
      await enforceRateLimit(c, db, actor.kind === "person" ? `person:${actor.id}` : address());
      if (actor.kind === "person") checkCookieCsrf(c);
      return next();
    }
    const presented = bearer.exec(header)?.[1];
    const token =
      presented && looksLikeToken(presented) ? await findActiveTokenByHash(db, hashToken(presented)) : null;
    const actor = token ? await loadActor(db, token.personId) : null;
    if (!token || !actor) {
      c.set("actor", anonymous);
      await enforceRateLimit(c, db, address());
      throw new AppError(
        401,
        "invalid_token",
        "This API token is not valid: it may have been revoked, or mistyped. Create a new one at /me/tokens.",
      );
    }
    c.set("actor", actor);
    await enforceRateLimit(c, db, `token:${token.id}`);
    const now = new Date();
    if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
      await touchToken(db, token.id, now);
    }
    return next();
  });
}
