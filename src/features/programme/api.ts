import { apiRouter } from "../../platform/api/router.js";

/** The programme overview. */
export function programmeApi() {
  const app = apiRouter();
  return app;
}
