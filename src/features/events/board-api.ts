import { apiRouter } from "../../platform/api/router.js";

/** An unconference's session proposals, votes and schedule. */
export function sessionBoardApi() {
  const api = apiRouter();
  return api;
}
