import type { Context } from "hono";

/** True when htmx made the request, so the route can answer with a fragment instead of a page. */
export const isHtmx = (c: Context): boolean => c.req.header("hx-request") === "true";

/** Post/Redirect/Get that also works for htmx requests (which would otherwise swap the redirect target in). */
export function redirectAfterPost(c: Context, location: string): Response {
  if (isHtmx(c)) {
    c.header("HX-Redirect", location);
    return c.body(null, 204);
  }
  return c.redirect(location, 303);
}
