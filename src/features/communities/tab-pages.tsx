import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** The Discussions, Events and Resources tabs of a community (empty until those features land). */
export function communityTabPages() {
  const app = new Hono<AppEnv>();
  return app;
}
