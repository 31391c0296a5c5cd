/**
 * The organisation's time zone, as config.ts reads it, for code that runs outside a request (jobs,
 * calendar dates such as review dates and break ends). An invalid value falls back to London;
 * config.ts refuses to start with one anyway.
 */
export function organisationTimeZone(env: NodeJS.ProcessEnv = process.env): string {
  const zone = env.CONVENE_TIME_ZONE || "Europe/London";
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return zone;
  } catch {
    return "Europe/London";
  }
}
