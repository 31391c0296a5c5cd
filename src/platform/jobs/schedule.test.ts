import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { after, test } from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { createTestDatabase, testEngine } from "../../../test/support/database.js";

// Two real `convene serve` processes on one PostgreSQL database, with maintenance every minute:
// each scheduled minute must give exactly one job, run once, however many instances are up.

const root = fileURLToPath(new URL("../../..", import.meta.url));
const children: ChildProcess[] = [];
let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
let client: pg.Client | null = null;

after(async () => {
  await Promise.all(children.map(stopProcess));
  await client?.end();
  await database?.drop();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

function startServe(url: string, port: number): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "serve"], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url,
      CONVENE_AUTH_SECRET: "schedule-test-secret-0123456789abcdefghij",
      LOG_LEVEL: "warn",
      CONVENE_MAINTENANCE_CRON: "* * * * *",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  children.push(child);
  return { child, output: () => output };
}

async function waitForHealth(port: number, output: () => string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`convene serve on port ${port} did not start:\n${output()}`);
}

interface Snapshot {
  /** The scheduler's sends, one row per minute slot (pg-boss's internal hand-over queue). */
  slots: { slot: string; sends: number; completed: number }[];
  /** The maintenance jobs themselves. */
  jobs: { state: string }[];
  unsettledSends: number;
}

async function snapshot(db: pg.Client): Promise<Snapshot> {
  const sends = `select singleton_on, state from pgboss.job
      where name = '__pgboss__send-it' and data->>'name' = 'maintenance.prune'
    union all select singleton_on, state from pgboss.archive
      where name = '__pgboss__send-it' and data->>'name' = 'maintenance.prune'`;
  const slots = await db.query<Snapshot["slots"][number]>(
    `select to_char(singleton_on, 'YYYY-MM-DD HH24:MI') as slot, count(*)::int as sends,
        (count(*) filter (where state = 'completed'))::int as completed
      from (${sends}) s group by singleton_on order by singleton_on`,
  );
  const jobs = await db.query<{ state: string }>(
    `select state from pgboss.job where name = 'maintenance.prune'
      union all select state from pgboss.archive where name = 'maintenance.prune'`,
  );
  const unsettled = slots.rows.reduce((n, row) => n + row.sends - row.completed, 0);
  return { slots: slots.rows, jobs: jobs.rows, unsettledSends: unsettled };
}

test("two serve processes on one database run each scheduled minute's job exactly once", {
  skip: testEngine !== "postgres" ? "needs PostgreSQL: PGlite is one process's embedded database" : false,
  timeout: 240_000,
}, async (t) => {
  database = await createTestDatabase();
  assert.ok(database.url);
  const [portA, portB] = [await freePort(), await freePort()];
  const a = startServe(database.url, portA);
  const b = startServe(database.url, portB);
  await Promise.all([waitForHealth(portA, a.output), waitForHealth(portB, b.output)]);

  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // pg-boss fires schedules at minute boundaries: two completed runs need up to two minutes.
  const deadline = Date.now() + 150_000;
  let last: Snapshot | null = null;
  while (Date.now() < deadline) {
    last = await snapshot(client);
    const completed = last.jobs.filter((job) => job.state === "completed").length;
    // Compare only when nothing is between the scheduler and the queue.
    const settled = last.unsettledSends === 0 && last.jobs.every((job) => job.state === "completed");
    if (completed >= 2 && settled) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  assert.ok(last, "no snapshot taken");
  const completed = last.jobs.filter((job) => job.state === "completed").length;
  assert.ok(completed >= 2, `expected two completed runs, got ${JSON.stringify(last)}`);

  // Each minute slot was sent once, although both processes run the scheduler...
  for (const slot of last.slots)
    assert.equal(slot.sends, 1, `slot ${slot.slot} was sent ${slot.sends} times`);
  // ...no minute was skipped...
  const minutes = last.slots.map((slot) => Date.parse(`${slot.slot.replace(" ", "T")}:00Z`) / 60_000);
  for (let i = 1; i < minutes.length; i++) {
    assert.equal((minutes[i] ?? 0) - (minutes[i - 1] ?? 0), 1, `slots ${JSON.stringify(last.slots)}`);
  }
  // ...and each send became exactly one maintenance job, which ran to completion once.
  assert.equal(last.jobs.length, last.slots.length, `jobs ${JSON.stringify(last)}`);
  assert.ok(last.jobs.every((job) => job.state === "completed"));

  t.diagnostic(
    `slots: ${last.slots.map((s) => `${s.slot} x${s.sends}`).join(", ")}; jobs: ${last.jobs.length}`,
  );
  // Both instances are still serving.
  assert.equal(a.child.exitCode, null, a.output());
  assert.equal(b.child.exitCode, null, b.output());
  assert.equal((await fetch(`http://127.0.0.1:${portB}/readyz`)).status, 200);
});
