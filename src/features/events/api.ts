import { apiRouter } from "../../platform/api/router.js";

/** Events and series: create, read, edit, cancel. */
export function eventApi() {
  const api = apiRouter();
  return api;
}
