import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Accepting an answer, reactions and following a thread. */
export function interactionPages() {
  const app = new Hono<AppEnv>();
  return app;
}
