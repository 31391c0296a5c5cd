import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { AppError } from "../errors.js";
import type { AppEnv } from "./context.js";

const COOKIE = "convene_csrf";
const unsafeMethods = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Signed double-submit tokens: a random value in a cookie, and its HMAC in every form (field
 * `_csrf`) or htmx request (header `X-CSRF-Token`). A site that cannot read our cookie cannot
 * make the matching token. Paths under `skip` (the JSON API, Better Auth's own endpoints)
 * authenticate differently and are left alone.
 */
export function csrfProtection(options: {
  secret: string;
  secure: boolean;
  skip: (path: string) => boolean;
}) {
  const sign = (value: string) =>
    createHmac("sha256", options.secret).update(`csrf:${value}`).digest("base64url");

  return createMiddleware<AppEnv>(async (c, next) => {
    let value = getCookie(c, COOKIE);
    if (!value || !/^[A-Za-z0-9_-]{20,}$/.test(value)) {
      value = randomBytes(24).toString("base64url");
      setCookie(c, COOKIE, value, { httpOnly: true, sameSite: "Lax", secure: options.secure, path: "/" });
    }
    const expected = sign(value);
    c.set("csrfToken", expected);

    if (unsafeMethods.has(c.req.method) && !options.skip(c.req.path)) {
      let presented = c.req.header("x-csrf-token");
      if (!presented) {
        const type = c.req.header("content-type") ?? "";
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
          const body = await c.req.parseBody();
          presented = typeof body._csrf === "string" ? body._csrf : undefined;
        }
      }
      if (!presented || !safeEqual(presented, expected)) {
        throw new AppError(
          403,
          "csrf",
          "This form has expired or came from another site. Go back, reload the page and try again.",
        );
      }
    }
    await next();
  });
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
