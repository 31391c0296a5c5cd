import { sql } from "drizzle-orm";
import type { Context } from "hono";
import type { Db } from "../db/client.js";
import { AppError } from "../errors.js";
import { rateLimitWindows } from "../http/rate-limit-table.js";

/**
 * The API's quota per client: a fixed window shared by every instance through `rate_limit_windows`.
 * Mutable so tests can lower it; production keeps the defaults.
 */
export const apiRateLimit = { limit: 300, windowSeconds: 60 };

export interface WindowCount {
  count: number;
  /** Seconds until the window resets. */
  reset: number;
}

/**
 * Counts one request against `key` in one statement: a new window starts the count at 1, the
 * current window adds 1. Atomic under concurrency (the row is locked by the upsert).
 */
export async function countRequest(db: Db, key: string, now = new Date()): Promise<WindowCount> {
  const windowMs = apiRateLimit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const t = rateLimitWindows;
  const rows = await db
    .insert(t)
    .values({ key, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: t.key,
      // Both expressions read the old row: a newer window restarts at 1, the same window adds 1.
      set: {
        count: sql`case when ${t.windowStart} < excluded.window_start then 1 else ${t.count} + 1 end`,
        windowStart: sql`greatest(${t.windowStart}, excluded.window_start)`,
      },
    })
    .returning({ count: t.count });
  const count = rows[0]?.count ?? 1;
  const reset = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { count, reset };
}

/** Counts the request, sends the IETF RateLimit headers, and refuses with 429 once over the quota. */
export async function enforceRateLimit(c: Context, db: Db, key: string): Promise<void> {
  const { limit, windowSeconds } = apiRateLimit;
  const { count, reset } = await countRequest(db, `api:${key}`);
  const remaining = Math.max(0, limit - count);
  c.header("RateLimit-Policy", `${limit};w=${windowSeconds}`);
  c.header("RateLimit", `limit=${limit}, remaining=${remaining}, reset=${reset}`);
  if (count > limit) {
    throw new AppError(
      429,
      "rate_limited",
      `Too many requests: the limit is ${limit} every ${windowSeconds} seconds. Try again in ${reset} seconds.`,
      { retryAfter: reset },
    );
  }
}
