import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** An unconference's session board (owned by the unconference work). */
export function sessionBoardPages() {
  const app = new Hono<AppEnv>();
  return app;
}
