import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.js";

/** Headers every response carries. Scripts only from our own origin; no framing by other sites. */
export function securityHeaders(options: { https: boolean; formTargets?: string[] }) {
  // form-action also governs where a form's redirect may lead: the SSO button redirects to the
  // identity provider, so its origin is allowed when single sign-on is set up.
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(" ");
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    c.header(
      "Content-Security-Policy",
      `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action ${formAction}`,
    );
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "strict-origin-when-cross-origin");
    c.header("X-Frame-Options", "DENY");
    if (options.https) c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  });
}
