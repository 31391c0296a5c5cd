import { apiRouter } from "../../platform/api/router.js";

/** Calendar feeds: create, list, revoke. */
export function calendarApi() {
  const api = apiRouter();
  return api;
}
