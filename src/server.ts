import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "@hono/node-server";
import { count } from "drizzle-orm";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import { seedDemo } from "./demo/seed.js";
import { people } from "./features/people/tables.js";
import { openDatabase } from "./platform/db/client.js";
import { createJobs } from "./platform/jobs/jobs.js";
import { maintenanceCron, registerMaintenance } from "./platform/jobs/maintenance.js";
import { log } from "./platform/log.js";
import { startMailDelivery } from "./platform/mail/delivery.js";
import { LocalDiskStorage } from "./platform/storage/local-storage.js";
import { setStorage } from "./platform/storage/storage.js";
import { prepareDatabase } from "./prepare-database.js";
import { registerScheduledWork } from "./scheduled.js";

export const demoAccountsFile = (config: Config) => join(config.dataDir, "..", "demo-accounts.txt");

/**
 * `convene serve`: migrate, seed an empty embedded database with the demo, start the job queue,
 * then listen. Returns the running pieces; other services send jobs through `jobs`.
 */
export async function startServer(config: Config) {
  const started = Date.now();
  const cron = maintenanceCron();
  const database = await openDatabase(
    config.database.kind === "postgres"
      ? { kind: "postgres", url: config.database.url, poolSize: 20 }
      : config.database,
  );
  await prepareDatabase(database);
  setStorage(new LocalDiskStorage(config.storageDir));
  let seededNow = false;
  if (config.seedDemoWhenEmpty) {
    const [row] = await database.db.select({ n: count() }).from(people);
    if ((row?.n ?? 0) === 0) {
      process.stderr.write("Empty database: creating the demo organisation (set CONVENE_DEMO=0 to skip).\n");
      await seedDemo(database, {
        seed: 1,
        size: "small",
        emailDomain: config.emailDomains[0] ?? "example.org",
        accountsFile: demoAccountsFile(config),
      });
      seededNow = true;
    }
  }
  // Every instance works every queue; pg-boss hands each job (and each scheduled slot) to one.
  const jobs = createJobs({ config, database });
  await jobs.start();
  await registerMaintenance(jobs, database.db, cron);
  await registerScheduledWork(jobs, database.db);
  const { app } = createApp(config, database);
  const server = serve({ fetch: app.fetch, port: config.port });
  const mail = startMailDelivery({ config, db: database.db });
  const ready = Date.now() - started;
  log("info", "listening", {
    url: config.baseUrl,
    port: config.port,
    database: database.engine,
    startupMs: ready,
  });
  process.stderr.write(
    `\nConvene is ready at ${config.baseUrl} (started in ${ready} ms, ${database.engine} database).\n`,
  );
  const accounts = demoAccountsFile(config);
  if (!seededNow && config.database.kind === "pglite" && existsSync(accounts))
    process.stderr.write(`\n${readFileSync(accounts, "utf8")}\n`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log("info", "shutting down", { signal });
    server.close();
    // Jobs first: a running job may still need the database.
    await mail.stop();
    await jobs.stop().catch((error) => log("error", "stopping jobs failed", { error: String(error) }));
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  return { server, database, jobs };
}
