import { apiRouter } from "../../platform/api/router.js";

/** Attachments of resources. */
export function attachmentApi() {
  const api = apiRouter();
  return api;
}
