import { apiRouter } from "../../platform/api/router.js";

/** Resources, revisions, status and reviews. */
export function resourceApi() {
  const api = apiRouter();
  return api;
}
