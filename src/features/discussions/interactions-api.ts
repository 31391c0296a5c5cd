import { apiRouter } from "../../platform/api/router.js";

/** Accepted answers, reactions and follows. */
export function interactionApi() {
  const app = apiRouter();
  return app;
}
