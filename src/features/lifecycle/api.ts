import { apiRouter } from "../../platform/api/router.js";

/** Lifecycle stages and checklists. */
export function lifecycleApi() {
  const app = apiRouter();
  return app;
}
