import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/context.js";

/** Threads in a community: the Discussions tab, starting a thread, the thread page, replies, edits and their history. */
export function discussionPages() {
  const app = new Hono<AppEnv>();
  return app;
}
