import { Hono } from "hono";
import type { Config } from "./config.js";
import type { Db } from "./platform/db/client.js";
import type { AppEnv } from "./platform/http/context.js";

/** The JSON API under /api (placeholder mount point until the API lands). */
export function createApi(_deps: { config: Config; db: Db }) {
  return new Hono<AppEnv>();
}
