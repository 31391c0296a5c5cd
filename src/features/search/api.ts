import { apiRouter } from "../../platform/api/router.js";

/** Search across everything the caller may see. */
export function searchApi() {
  const app = apiRouter();
  return app;
}
