import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Flags, the moderation queue, hiding, locking, pinning and moving threads. */
export function moderationPages() {
  const app = new Hono<AppEnv>();
  return app;
}
