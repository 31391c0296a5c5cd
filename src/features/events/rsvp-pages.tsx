import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** RSVP, the waitlist, the attendee list and attendance (owned by the RSVP work). */
export function rsvpPages() {
  const app = new Hono<AppEnv>();
  return app;
}
