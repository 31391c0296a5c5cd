import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./context.js";

/** Headers every response carries. Scripts only from our own origin; no framing by other sites. */
export function securityHeaders(options: { https: boolean; formTargets?: string[] }) {
  // form-action also governs where a form's redirect may lead: the SSO button redirects to the
  // identity provider, so its origin is allowed when single sign-on is set up.
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(" ");
  const headers: [string, string][] = [
    [
      "Content-Security-Policy",
      `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action ${formAction}`,
    ],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ...(options.https
      ? [["Strict-Transport-Security", "max-age=31536000; includeSubDomains"] as [string, string]]
      : []),
  ];
  return createMiddleware<AppEnv>(async (c, next) => {
    // Set before the handler, so c.html/c.json/c.redirect build the response with them. Setting a
    // header on a finished response makes Hono copy it, which re-reads the whole body.
    for (const [name, value] of headers) c.header(name, value);
    await next();
    // A Response built by hand does not take prepared headers: add them to it (the slow path).
    if (!c.res.headers.has("Content-Security-Policy"))
      for (const [name, value] of headers) c.header(name, value);
  });
}
