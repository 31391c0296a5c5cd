import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Outputs after an event and each community's archive (owned by the outputs work). */
export function outputPages() {
  const app = new Hono<AppEnv>();
  return app;
}
