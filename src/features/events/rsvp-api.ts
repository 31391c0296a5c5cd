import { apiRouter } from "../../platform/api/router.js";

/** RSVPs, the waitlist, attendees and attendance. */
export function rsvpApi() {
  const api = apiRouter();
  return api;
}
