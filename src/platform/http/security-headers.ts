import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.js";

/** Headers every response carries. Scripts only from our own origin; no framing by other sites. */
export function securityHeaders(options: { https: boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
    );
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
    c.header("X-Frame-Options", "DENY");
    if (options.https) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  });
}
