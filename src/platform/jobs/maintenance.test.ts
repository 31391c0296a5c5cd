import assert from "node:assert/strict";
import { after, test } from "node:test";
import { count, sql } from "drizzle-orm";
import { testConfig } from "../../../test/support/app.js";
import { createTestDatabase, testEngine } from "../../../test/support/database.js";
import { ConfigError } from "../../config.js";
import { authSessions, authUsers, authVerifications } from "../auth/tables.js";
import { rateLimitWindows } from "../http/rate-limit-table.js";
import { createJobs } from "./jobs.js";
import { defaultMaintenanceCron, maintenanceCron, pruneExpired, registerMaintenance } from "./maintenance.js";

const database = await createTestDatabase();
const { db } = database;
after(() => database.drop());

const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3600_000);

async function fill() {
  await db
    .insert(authUsers)
    .values({ id: "u1", name: "Sam", email: "sam@example.org" })
    .onConflictDoNothing();
  await db.insert(authSessions).values([
    { id: "s-old", token: "t-old", userId: "u1", expiresAt: hoursFromNow(-1) },
    { id: "s-live", token: "t-live", userId: "u1", expiresAt: hoursFromNow(24) },
  ]);
  await db.insert(authVerifications).values([
    { id: "v-old", identifier: "sam", value: "x", expiresAt: hoursFromNow(-2) },
    { id: "v-live", identifier: "sam", value: "y", expiresAt: hoursFromNow(1) },
  ]);
  await db.insert(rateLimitWindows).values([
    { key: "api:old", windowStart: hoursFromNow(-25), count: 3 },
    { key: "api:recent", windowStart: hoursFromNow(-1), count: 3 },
  ]);
}

const left = async () => ({
  sessions: (await db.select({ id: authSessions.id }).from(authSessions)).map((r) => r.id),
  verifications: (await db.select({ id: authVerifications.id }).from(authVerifications)).map((r) => r.id),
  windows: (await db.select({ key: rateLimitWindows.key }).from(rateLimitWindows)).map((r) => r.key),
});

test("pruning deletes expired sessions and verifications and day-old rate-limit windows only", async () => {
  await fill();
  assert.deepEqual(await pruneExpired(db), { sessions: 1, verifications: 1, rateLimitWindows: 1 });
  assert.deepEqual(await left(), {
    sessions: ["s-live"],
    verifications: ["v-live"],
    windows: ["api:recent"],
  });
  // Idempotent: a second run (a retry, or the next slot) finds nothing more to do.
  assert.deepEqual(await pruneExpired(db), { sessions: 0, verifications: 0, rateLimitWindows: 0 });
});

test("the maintenance job runs through the queue and keeps its counts as output", async () => {
  await db.execute(sql`delete from ${authSessions}`);
  await db.execute(sql`delete from ${authVerifications}`);
  await db.execute(sql`delete from ${rateLimitWindows}`);
  await fill();
  const jobs = createJobs({ config: testConfig(), database, pollingIntervalSeconds: 0.5 });
  await jobs.start();
  try {
    await registerMaintenance(jobs, db, "0 3 * * *");
    const id = await jobs.send("maintenance.prune", {});
    assert.ok(id);
    let output: unknown = null;
    for (let i = 0; i < 100 && !output; i++) {
      const result = (await db.execute(
        sql`select output from pgboss.job where id = ${id} and state = 'completed'`,
      )) as unknown as { rows: { output: unknown }[] };
      output = result.rows[0]?.output ?? null;
      if (!output) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.deepEqual(output, { sessions: 1, verifications: 1, rateLimitWindows: 1 });
    const [sessions] = await db.select({ n: count() }).from(authSessions);
    assert.equal(sessions?.n, 1);
    const schedules = (await db.execute(
      sql`select cron, timezone from pgboss.schedule where name = 'maintenance.prune'`,
    )) as unknown as { rows: { cron: string; timezone: string }[] };
    assert.deepEqual(schedules.rows, [{ cron: "0 3 * * *", timezone: "Europe/London" }]);
  } finally {
    await jobs.stop();
  }
});

test("CONVENE_MAINTENANCE_CRON defaults to every 15 minutes and must be five-field cron", {
  skip: testEngine === "postgres" ? "does not touch the database" : false,
}, () => {
  assert.equal(maintenanceCron({}), defaultMaintenanceCron);
  assert.equal(maintenanceCron({ CONVENE_MAINTENANCE_CRON: "0 3 * * *" }), "0 3 * * *");
  for (const bad of ["every hour", "* * * *", "0 0 3 * * *", "61 * * * *"]) {
    assert.throws(
      () => maintenanceCron({ CONVENE_MAINTENANCE_CRON: bad }),
      (error: unknown) => error instanceof ConfigError && /CONVENE_MAINTENANCE_CRON/.test(error.message),
      bad,
    );
  }
});
