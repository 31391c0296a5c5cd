import { apiRouter } from "../../platform/api/router.js";

/** Threads and replies. */
export function discussionApi() {
  const app = apiRouter();
  return app;
}
