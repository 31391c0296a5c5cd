import { apiRouter } from "../../platform/api/router.js";

/** Outputs after an event; a community's archive. */
export function outputApi() {
  const api = apiRouter();
  return api;
}
