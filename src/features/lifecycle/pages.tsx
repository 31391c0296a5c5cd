import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** A community's lifecycle stage and its checklist. */
export function lifecyclePages() {
  const app = new Hono<AppEnv>();
  return app;
}
