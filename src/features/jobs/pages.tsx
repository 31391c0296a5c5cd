import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Placeholder mount point; the slice fills it in. */
export function jobPages() {
  return new Hono<AppEnv>();
}
