import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Uploading, downloading and removing attachments (owned by the attachments work). */
export function attachmentPages() {
  const app = new Hono<AppEnv>();
  return app;
}
