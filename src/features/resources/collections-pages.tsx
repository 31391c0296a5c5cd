import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Collections of resources (owned by the collections work). */
export function collectionPages() {
  const app = new Hono<AppEnv>();
  return app;
}
