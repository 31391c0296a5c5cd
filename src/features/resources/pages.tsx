import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Writing, editing, history, diff, restore, status and reviews of resources (owned by the resources core work). */
export function resourcePages() {
  const app = new Hono<AppEnv>();
  return app;
}
