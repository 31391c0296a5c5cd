import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** "This helped me" and "I used this" marks (owned by the reuse work). */
export function reusePages() {
  const app = new Hono<AppEnv>();
  return app;
}
