import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** The Members tab, roles, involvement, breaks, leaving reasons and removals. */
export function rosterPages() {
  const app = new Hono<AppEnv>();
  return app;
}
