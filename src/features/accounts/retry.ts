/** What Better Auth's rate limit (HTTP 429) means for the person at the form. */
export const retryMessage = (seconds: number | null) =>
  `Too many attempts. Wait ${seconds && seconds > 0 ? `${seconds} seconds` : "a minute"} and try again.`;
