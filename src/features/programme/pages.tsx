import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** The programme team's overview of every community, dormancy and closing. */
export function programmePages() {
  const app = new Hono<AppEnv>();
  return app;
}
