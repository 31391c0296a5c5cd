import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** A community's charter: read, edit, history. */
export function charterPages() {
  const app = new Hono<AppEnv>();
  return app;
}
