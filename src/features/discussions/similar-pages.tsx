import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** "Somebody may have dealt with this": similar threads while a question is typed. */
export function similarPages() {
  const app = new Hono<AppEnv>();
  return app;
}
