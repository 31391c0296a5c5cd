import { apiRouter } from "../../platform/api/router.js";

/** Proposals, their review and interest. */
export function proposalApi() {
  const app = apiRouter();
  return app;
}
