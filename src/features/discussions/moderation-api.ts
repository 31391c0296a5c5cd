import { apiRouter } from "../../platform/api/router.js";

/** Flags and moderation. */
export function moderationApi() {
  const app = apiRouter();
  return app;
}
