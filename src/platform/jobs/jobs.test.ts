import assert from "node:assert/strict";
import { after, test } from "node:test";
import { testConfig } from "../../../test/support/app.js";
import { createTestDatabase } from "../../../test/support/database.js";
import { createJobs } from "./jobs.js";

declare module "./jobs.js" {
  interface JobPayloads {
    "test.echo": { text: string };
    "test.flaky": { failures: number };
    "test.broken": Record<string, never>;
    "test.once": { key: string };
  }
}

const database = await createTestDatabase();
// Polling at pg-boss's minimum keeps retries quick; the scheduler is not needed here.
const jobs = createJobs({ config: testConfig(), database, pollingIntervalSeconds: 0.5 });
await jobs.start();
after(async () => {
  await jobs.stop();
  await database.drop();
});

interface JobRow {
  state: string;
  retry_count: number;
  output: { message?: string; said?: string } | null;
}

async function jobRow(name: string, id: string): Promise<JobRow | undefined> {
  const result = (await database.db.execute(
    `select state, retry_count, output from pgboss.job where name = '${name}' and id = '${id}'`,
  )) as unknown as { rows: JobRow[] };
  return result.rows[0];
}

/** Polls until the job reaches a final state (completed or failed). */
async function settled(name: string, id: string, timeoutMs = 15_000): Promise<JobRow> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const row = await jobRow(name, id);
    if (row && (row.state === "completed" || row.state === "failed")) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`job ${name} ${id} did not finish within ${timeoutMs} ms`);
}

test("a registered handler runs a sent job and keeps its output", async () => {
  const seen: string[] = [];
  await jobs.register("test.echo", async (data, job) => {
    seen.push(data.text);
    assert.equal(job.attempt, 1);
    return { said: data.text };
  });
  const id = await jobs.send("test.echo", { text: "hello" });
  assert.ok(id);
  const row = await settled("test.echo", id);
  assert.equal(row.state, "completed");
  assert.deepEqual(row.output, { said: "hello" });
  assert.deepEqual(seen, ["hello"]);
});

test("a failing handler is retried and succeeds on a later attempt", async () => {
  const attempts: number[] = [];
  await jobs.register(
    "test.flaky",
    async (data, job) => {
      attempts.push(job.attempt);
      if (job.attempt <= data.failures) throw new Error(`attempt ${job.attempt} failed`);
    },
    { retryLimit: 3, retryBackoff: false, retryDelay: 0 },
  );
  const id = await jobs.send("test.flaky", { failures: 2 });
  assert.ok(id);
  const row = await settled("test.flaky", id);
  assert.equal(row.state, "completed");
  assert.deepEqual(attempts, [1, 2, 3]);
});

test("a handler that keeps failing is retried, then recorded as failed with its error", async () => {
  let runs = 0;
  await jobs.register(
    "test.broken",
    async () => {
      runs += 1;
      throw new Error("the mail server said no");
    },
    { retryLimit: 2, retryBackoff: false, retryDelay: 0 },
  );
  const id = await jobs.send("test.broken", {});
  assert.ok(id);
  const row = await settled("test.broken", id);
  assert.equal(row.state, "failed");
  assert.equal(row.retry_count, 2);
  assert.equal(runs, 3, "the first run and two retries");
  assert.equal(row.output?.message, "the mail server said no");
});

test("sending twice with the same singletonKey runs the job once", async () => {
  const runs: string[] = [];
  await jobs.register("test.once", async (data) => {
    runs.push(data.key);
  });
  const first = await jobs.send("test.once", { key: "a" }, { singletonKey: "digest:person-1:2026-W48" });
  const second = await jobs.send("test.once", { key: "b" }, { singletonKey: "digest:person-1:2026-W48" });
  const other = await jobs.send("test.once", { key: "c" }, { singletonKey: "digest:person-2:2026-W48" });
  assert.ok(first);
  assert.equal(second, null, "the duplicate is dropped");
  assert.ok(other);
  await settled("test.once", first);
  await settled("test.once", other);
  // Even after the first has completed, the key stays taken for its slot.
  assert.equal(
    await jobs.send("test.once", { key: "d" }, { singletonKey: "digest:person-1:2026-W48" }),
    null,
  );
  assert.deepEqual(runs.sort(), ["a", "c"]);
});

test("registering a handler twice in one process is refused", async () => {
  await assert.rejects(() => jobs.register("test.echo", async () => {}), /already registered/);
});

test("schedules are stored with the organisation's time zone", async () => {
  await jobs.schedule("test.echo", "30 7 * * 1", { text: "Monday" });
  const result = (await database.db.execute(
    "select cron, timezone, data from pgboss.schedule where name = 'test.echo'",
  )) as unknown as { rows: { cron: string; timezone: string; data: unknown }[] };
  assert.deepEqual(result.rows, [
    { cron: "30 7 * * 1", timezone: "Europe/London", data: { text: "Monday" } },
  ]);
});
