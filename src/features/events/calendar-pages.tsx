import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** .ics downloads and secret calendar feeds (owned by the calendar work). */
export function calendarPages() {
  const app = new Hono<AppEnv>();
  return app;
}
