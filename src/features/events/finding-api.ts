import { apiRouter } from "../../platform/api/router.js";

/** Listing events across communities and per community. */
export function eventFindingApi() {
  const api = apiRouter();
  return api;
}
