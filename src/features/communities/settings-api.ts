import { apiRouter } from "../../platform/api/router.js";

/** Updating a community's details and settings. */
export function communitySettingsApi() {
  const app = apiRouter();
  return app;
}
