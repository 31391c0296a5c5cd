import { apiRouter } from "../../platform/api/router.js";

/** The expert finder. */
export function expertApi() {
  const app = apiRouter();
  return app;
}
