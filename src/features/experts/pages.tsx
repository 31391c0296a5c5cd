import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** The expert finder: who can advise on a topic, and why. */
export function expertPages() {
  const app = new Hono<AppEnv>();
  return app;
}
