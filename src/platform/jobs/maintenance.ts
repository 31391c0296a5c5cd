import cronParser from "cron-parser";
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { ConfigError } from "../../config.js";
import { authSessions, authVerifications } from "../auth/tables.js";
import type { Db } from "../db/client.js";
import { rateLimitWindows } from "../http/rate-limit-table.js";
import { log } from "../log.js";
import type { Jobs } from "./jobs.js";

declare module "./jobs.js" {
  interface JobPayloads {
    "maintenance.prune": Record<string, never>;
  }
}

export const defaultMaintenanceCron = "*/15 * * * *";

/** Five-field cron (minute hour day month weekday): pg-boss sends scheduled jobs once a minute at most. */
export function isCron(value: string): boolean {
  if (value.trim().split(/\s+/).length !== 5) return false;
  try {
    cronParser.parseExpression(value);
    return true;
  } catch {
    return false;
  }
}

// Read here rather than in config.ts: the setting belongs to the job queue alone.
const envSchema = z.object({
  CONVENE_MAINTENANCE_CRON: z
    .string()
    .default(defaultMaintenanceCron)
    .refine(isCron, "must be a five-field cron expression such as */15 * * * *"),
});

/** The maintenance schedule from CONVENE_MAINTENANCE_CRON; a bad value stops start-up with its name. */
export function maintenanceCron(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return parsed.data.CONVENE_MAINTENANCE_CRON;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new ConfigError(`Convene cannot start: fix these environment variables.\n${lines.join("\n")}`);
}

/**
 * Deletes what has expired: sessions, verification tokens, and API rate-limit windows older than a
 * day (the longest window is a minute; a day leaves room for any clock). Idempotent by nature.
 */
export async function pruneExpired(db: Db) {
  const count = async (deleted: SQL) => {
    // Both drivers answer `{ rows }`; the shared Db type cannot say so.
    const result = (await db.execute(
      sql`with d as (${deleted} returning 1) select count(*)::int as n from d`,
    )) as unknown as { rows: { n: number }[] };
    return Number(result.rows[0]?.n ?? 0);
  };
  const sessions = await count(sql`delete from ${authSessions} where ${authSessions.expiresAt} < now()`);
  const verifications = await count(
    sql`delete from ${authVerifications} where ${authVerifications.expiresAt} < now()`,
  );
  const rateLimitWindowsDeleted = await count(
    sql`delete from ${rateLimitWindows} where ${rateLimitWindows.windowStart} < now() - interval '1 day'`,
  );
  return { sessions, verifications, rateLimitWindows: rateLimitWindowsDeleted };
}

/** Registers `maintenance.prune` and schedules it; every instance works it, one runs each slot. */
export async function registerMaintenance(jobs: Jobs, db: Db, cron = maintenanceCron()): Promise<void> {
  await jobs.register(
    "maintenance.prune",
    async () => {
      const deleted = await pruneExpired(db);
      log("info", "maintenance: pruned expired rows", deleted);
      return deleted;
    },
    // Runs again at the next slot anyway: a couple of quick retries is enough.
    { retryLimit: 2, retryDelay: 30, expireInSeconds: 300 },
  );
  await jobs.schedule("maintenance.prune", cron, {});
}
