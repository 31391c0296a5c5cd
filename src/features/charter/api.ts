import { apiRouter } from "../../platform/api/router.js";

/** Charters and their versions. */
export function charterApi() {
  const app = apiRouter();
  return app;
}
