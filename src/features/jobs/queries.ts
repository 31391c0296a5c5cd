import cronParser from "cron-parser";
import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";

// The page reads pg-boss's own tables (schema `pgboss`) rather than asking a running pg-boss, so
// it answers from any instance, and honestly says so when the queue has never started.

export interface QueueSummary {
  name: string;
  /** Waiting to run: new, or failed and waiting for a retry. */
  queued: number;
  active: number;
  completed: number;
  failed: number;
}

export interface ScheduleSummary {
  name: string;
  cron: string;
  timeZone: string;
  nextRun: Date | null;
}

export interface FailedJob {
  id: string;
  queue: string;
  error: string;
  attempts: number;
  failedAt: Date;
}

export interface JobsOverview {
  /** False until pg-boss has created its schema (the first `convene serve`). */
  installed: boolean;
  queues: QueueSummary[];
  schedules: ScheduleSummary[];
  failures: FailedJob[];
}

/** Both drivers answer `{ rows }`; the shared Db type cannot say so. */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function jobsOverview(db: Db, now = new Date()): Promise<JobsOverview> {
  const [installed] = await rows<{ installed: boolean }>(
    db,
    sql`select to_regclass('pgboss.job') is not null as installed`,
  );
  if (!installed?.installed) return { installed: false, queues: [], schedules: [], failures: [] };
  // One after another: three quick queries are not worth three pool connections.
  // pg-boss's internal queues (the scheduler's hand-over) are left out.
  const queues = await rows<QueueSummary>(
    db,
    sql`select q.name,
          (count(j.id) filter (where j.state in ('created', 'retry')))::int as queued,
          (count(j.id) filter (where j.state = 'active'))::int as active,
          (count(j.id) filter (where j.state = 'completed'))::int as completed,
          (count(j.id) filter (where j.state = 'failed'))::int as failed
        from pgboss.queue q left join pgboss.job j on j.name = q.name
        where not starts_with(q.name, '__pgboss__')
        group by q.name
        order by q.name`,
  );
  const schedules = await rows<{ name: string; cron: string; timezone: string | null }>(
    db,
    sql`select name, cron, timezone from pgboss.schedule order by name`,
  );
  // Failed jobs stay in pgboss.job for a while, then move to pgboss.archive: take both.
  const failures = await rows<{
    id: string;
    queue: string;
    error: string;
    retry_count: number;
    failed_at: Date | string;
  }>(
    db,
    sql`select id, name as queue, retry_count, completed_on as failed_at,
          left(coalesce(output->>'message', output#>>'{value,message}', output->>'value', ''), 500) as error
        from (
          (select id, name, retry_count, completed_on, output from pgboss.job
            where state = 'failed' order by completed_on desc limit 20)
          union all
          (select id, name, retry_count, completed_on, output from pgboss.archive
            where state = 'failed' order by archived_on desc limit 20)
        ) f
        order by completed_on desc
        limit 20`,
  );
  return {
    installed: true,
    queues,
    schedules: schedules.map((s) => ({
      name: s.name,
      cron: s.cron,
      timeZone: s.timezone ?? "UTC",
      nextRun: nextRun(s.cron, s.timezone ?? "UTC", now),
    })),
    failures: failures.map((f) => ({
      id: f.id,
      queue: f.queue,
      error: f.error,
      attempts: f.retry_count + 1,
      failedAt: new Date(f.failed_at),
    })),
  };
}

/** When pg-boss will next send the scheduled job (it checks every 30 seconds or so). */
export function nextRun(cron: string, timeZone: string, now = new Date()): Date | null {
  try {
    return cronParser.parseExpression(cron, { tz: timeZone, currentDate: now }).next().toDate();
  } catch {
    return null;
  }
}
