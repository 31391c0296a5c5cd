import { apiRouter } from "../../platform/api/router.js";

/** Reuse marks on resources. */
export function reuseApi() {
  const api = apiRouter();
  return api;
}
