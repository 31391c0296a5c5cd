import { apiRouter } from "../../platform/api/router.js";

/** Listing resources across communities and per community. */
export function resourceFindingApi() {
  const api = apiRouter();
  return api;
}
