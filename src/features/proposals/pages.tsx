import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Proposing a community, the programme team's review, and the proposer's own list. */
export function proposalPages() {
  const app = new Hono<AppEnv>();
  return app;
}
