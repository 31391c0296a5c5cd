import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** A community's settings: details, channels, joining and visibility (convenors). */
export function communitySettingsPages() {
  const app = new Hono<AppEnv>();
  return app;
}
