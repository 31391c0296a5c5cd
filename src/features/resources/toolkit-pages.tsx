import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** The starter toolkit at /toolkit (owned by the toolkit work). */
export function toolkitPages() {
  const app = new Hono<AppEnv>();
  return app;
}
