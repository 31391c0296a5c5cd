import { apiRouter } from "../../platform/api/router.js";

/** Collections of resources. */
export function collectionApi() {
  const api = apiRouter();
  return api;
}
