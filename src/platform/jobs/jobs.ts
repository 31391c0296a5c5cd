import PgBoss from "pg-boss";
import type { Config } from "../../config.js";
import type { Database } from "../db/client.js";
import { log } from "../log.js";
import { pgliteAdapter } from "./pglite-adapter.js";

/**
 * Every job name and the data its jobs carry. Each feature adds its own by declaration merging,
 * as with policy actions:
 *   declare module "../../platform/jobs/jobs.js" { interface JobPayloads { "digest.send": { personId: string } } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging from each feature.
export interface JobPayloads {}

export type JobName = keyof JobPayloads;

/** What a handler learns about the job besides its data. */
export interface JobInfo {
  id: string;
  name: string;
  /** 1 on the first run, 2 on the first retry, and so on. */
  attempt: number;
}

/**
 * Runs one job. A job may run more than once: it is retried after a failure, and a job that was
 * running when an instance stopped runs again once its expiry passes. So handlers must be
 * idempotent: safe to repeat (delete what has expired, upsert, check "already sent" first).
 * Throwing fails the attempt; what the handler returns is kept as the job's output.
 */
export type JobHandler<T> = (data: T, job: JobInfo) => Promise<unknown>;

export interface QueueOptions {
  /** Retries after the first failure (default 5). */
  retryLimit?: number;
  /** Seconds before the first retry (default 10); doubled, with jitter, for each next one. */
  retryDelay?: number;
  /** Exponential back-off (default true): 10-20 s, 20-40 s, ... about 5 to 10 minutes in all. */
  retryBackoff?: boolean;
  /** A run that takes longer fails (and is retried); default 15 minutes. */
  expireInSeconds?: number;
  /** Jobs fetched per poll; each still completes or fails on its own (default 1). */
  batchSize?: number;
}

export interface SendOptions {
  /**
   * Drops a duplicate: while a job with this key exists in the same time slot (see
   * singletonSeconds), sending another with the key does nothing and returns null.
   */
  singletonKey?: string;
  /**
   * The slot for singletonKey, in seconds, counted from the epoch (3600 = each clock hour, UTC).
   * Default 12 hours, the longest pg-boss allows (completed jobs are archived after that).
   */
  singletonSeconds?: number;
  /** Run no earlier than this (a Date, or seconds from now). */
  startAfter?: Date | number;
  priority?: number;
}

export interface Jobs {
  /** Creates pg-boss's schema (`pgboss`) when missing and starts its scheduler and maintenance. */
  start(): Promise<void>;
  /** Stops fetching, waits up to 10 s for running jobs, then releases the database. */
  stop(): Promise<void>;
  /** Creates (or updates) the queue and starts working it in this process. */
  register<N extends JobName>(
    name: N,
    handler: JobHandler<JobPayloads[N]>,
    options?: QueueOptions,
  ): Promise<void>;
  /** Queues a job; returns its id, or null when singletonKey found a duplicate. */
  send<N extends JobName>(name: N, data: JobPayloads[N], options?: SendOptions): Promise<string | null>;
  /**
   * Sends a job on a cron schedule (five fields) in the organisation's time zone. Schedules live in
   * the database, so the last instance to start sets them; one job is sent per slot across every
   * instance.
   */
  schedule<N extends JobName>(name: N, cron: string, data?: JobPayloads[N]): Promise<void>;
}

/** How long pg-boss keeps finished jobs; the admin page says so. */
export const retention = { archiveAfterHours: 12, deleteAfterDays: 7 };

const deadlockDetected = "40P01";

const queueDefaults = { retryLimit: 5, retryDelay: 10, retryBackoff: true } satisfies QueueOptions;

export interface JobsOptions {
  config: Pick<Config, "timeZone">;
  database: Database;
  /** How often an idle queue is polled, per queue and instance (default 2 s). */
  pollingIntervalSeconds?: number;
}

export function createJobs({ config, database, pollingIntervalSeconds = 2 }: JobsOptions): Jobs {
  const adapter = database.raw.kind === "pglite" ? pgliteAdapter(database.raw.client) : null;
  const boss = new PgBoss({
    // PostgreSQL: a small pool of pg-boss's own, so polling never waits behind page queries.
    ...(database.raw.kind === "postgres"
      ? { connectionString: database.raw.url, max: 3, application_name: "convene-jobs" }
      : { db: adapter ?? undefined }),
    pollingIntervalSeconds,
    archiveCompletedAfterSeconds: retention.archiveAfterHours * 3600,
    deleteAfterDays: retention.deleteAfterDays,
  });
  boss.on("error", (error) => log("error", "job queue error", { error: describe(error) }));

  let started = false;
  const queues = new Set<string>();
  const workers = new Map<string, string>();

  const requireStarted = (what: string) => {
    if (!started) throw new Error(`jobs.start() must finish before ${what}`);
  };

  // Instances starting together can deadlock in pg-boss's create_queue (a row insert plus DDL on
  // the partitioned job table). Postgres aborts one of them; by then the other has made the
  // queue, so trying again finds it and does nothing.
  const createQueue = async (name: string, queue: PgBoss.Queue) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await boss.createQueue(name, queue);
      } catch (error) {
        if (attempt >= 5 || (error as { code?: string }).code !== deadlockDetected) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100 * attempt));
      }
    }
  };

  // Reads first and writes only what differs: restarts then take no locks and write nothing.
  const syncQueue = async (name: string, queue: PgBoss.Queue) => {
    const existing = await boss.getQueue(name);
    if (!existing) return createQueue(name, queue);
    const differs = (["retryLimit", "retryDelay", "retryBackoff", "expireInSeconds"] as const).some(
      (key) => queue[key] !== undefined && queue[key] !== existing[key],
    );
    if (differs) await boss.updateQueue(name, queue);
  };

  // pg-boss drops a job sent to a queue that does not exist, so every send makes sure of it.
  const ensureQueue = async (name: string) => {
    if (queues.has(name)) return;
    await syncQueue(name, { name, ...queueDefaults });
    queues.add(name);
  };

  return {
    async start() {
      if (started) return;
      await boss.start();
      started = true;
    },

    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      adapter?.close();
    },

    async register(name, handler, options = {}) {
      requireStarted(`register("${name}")`);
      if (workers.has(name)) throw new Error(`A handler for "${name}" is already registered`);
      const { batchSize = 1, ...settings } = options;
      // pg-boss completes a batch's ids without waiting, after the callback returns. A job this code
      // failed with no retry delay could be fetched again (active) before that update runs, and be
      // marked completed while its retry is running: a second's delay closes that window.
      const queue = {
        name,
        ...queueDefaults,
        ...settings,
        retryDelay: Math.max(1, settings.retryDelay ?? queueDefaults.retryDelay),
      };
      await syncQueue(name, queue);
      queues.add(name);
      const run = async (job: PgBoss.JobWithMetadata<JobPayloads[typeof name]>) => {
        const info: JobInfo = { id: job.id, name, attempt: job.retryCount + 1 };
        let outcome: { ok: true; output: unknown } | { ok: false; error: unknown };
        try {
          outcome = { ok: true, output: await handler(job.data, info) };
        } catch (error) {
          log("warn", "job failed", { ...info, error: describe(error) });
          outcome = { ok: false, error };
        }
        try {
          if (outcome.ok) await boss.complete(name, job.id, toOutput(outcome.output));
          else await boss.fail(name, job.id, toError(outcome.error));
          return true;
        } catch (error) {
          log("error", "could not record a job's outcome", { ...info, error: describe(error) });
          return false;
        }
      };
      const workerId = await boss.work<JobPayloads[typeof name]>(
        name,
        { batchSize, includeMetadata: true },
        async (batch) => {
          // Each job completes or fails on its own, so one bad job does not fail its batch-mates.
          let unrecorded = 0;
          for (const job of batch) if (!(await run(job))) unrecorded += 1;
          // pg-boss completes whatever is still active when this returns: a job whose failure could
          // not be recorded must not be marked completed, so throw and let pg-boss fail it (it then
          // retries; handlers are idempotent).
          if (unrecorded > 0)
            throw new Error(`${unrecorded} job outcome(s) of ${name} could not be recorded`);
          // A full batch suggests more are waiting: fetch again at once rather than after the interval.
          const id = workers.get(name);
          if (id && batch.length === batchSize) boss.notifyWorker(id);
        },
      );
      workers.set(name, workerId);
    },

    async send(name, data, options = {}) {
      requireStarted(`send("${name}")`);
      await ensureQueue(name);
      const { singletonKey, singletonSeconds, ...rest } = options;
      const id = await boss.send(name, data as object, {
        ...rest,
        ...(singletonKey
          ? { singletonKey, singletonSeconds: singletonSeconds ?? retention.archiveAfterHours * 3600 }
          : {}),
      });
      // Work sent from here starts here at once; other instances find it at their next poll.
      const workerId = workers.get(name);
      if (id && workerId) boss.notifyWorker(workerId);
      return id;
    },

    async schedule(name, cron, data) {
      requireStarted(`schedule("${name}")`);
      await ensureQueue(name);
      // pg-boss evaluates schedules on one instance at a time and keys each send by schedule and
      // minute, so a slot yields one job however many instances run. No key on the job itself: a
      // per-minute key could swallow the next slot of an every-minute schedule whose hand-over
      // straddled a minute boundary.
      const payload = (data ?? {}) as object;
      const current = (await boss.getSchedules()).find((s) => s.name === name) as
        | (PgBoss.Schedule & { timezone?: string })
        | undefined;
      const same =
        current?.cron === cron &&
        current.timezone === config.timeZone &&
        JSON.stringify(current.data) === JSON.stringify(payload);
      if (!same) await boss.schedule(name, cron, payload, { tz: config.timeZone });
    },
  };
}

/** pg-boss keeps an object as the job's output. */
function toOutput(value: unknown): object | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === "object" ? value : { value };
}

/** Kept as the failed job's output: pg-boss serialises an Error to { name, message, stack }. */
function toError(error: unknown): object {
  return error instanceof Error ? error : { message: String(error) };
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (error && typeof error === "object" && "message" in error) return String(error.message);
  return String(error);
}
