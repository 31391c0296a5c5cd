import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Creating, editing and cancelling events and series; the event page (owned by the events core work). */
export function eventPages() {
  const app = new Hono<AppEnv>();
  return app;
}
