import { timingSafeEqual } from "node:crypto";
import type { Context } from "hono";
import { AppError } from "../errors.js";
import type { AppEnv } from "../http/context.js";

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A browser sends the session cookie on its own, so a changing API call made with only the cookie
 * must also carry the page's CSRF token (`<meta name="csrf-token">`) in `X-CSRF-Token`, as htmx
 * does. Bearer tokens need no such check: no other site can make a browser send them.
 */
export function checkCookieCsrf(c: Context<AppEnv>): void {
  if (safeMethods.has(c.req.method)) return;
  const presented = c.req.header("x-csrf-token");
  const expected = c.get("csrfToken");
  if (presented && expected && sameText(presented, expected)) return;
  throw new AppError(
    403,
    "csrf",
    "Changes made with a signed-in browser session need the page's CSRF token in the X-CSRF-Token header. Scripts should use a personal API token (Authorization: Bearer ...) from /me/tokens instead.",
  );
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
