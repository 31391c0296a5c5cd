// `npx tsx bench/queries.ts`: the SQL behind each bench page. Starts the server with
// bench/pg-query-log.ts preloaded, requests each scenario one at a time (no load), lists the
// statements one request sends with their round-trip times, then runs EXPLAIN (ANALYZE, BUFFERS) on
// every read. PostgreSQL only. Full plans go to bench/results/explain.txt.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { processCpuMs } from "./cpu.js";
import { childEnv, repoRoot, resolveTarget } from "./database.js";
import { type RunningServer, startServer } from "./server.js";
import { signIn, signOut } from "./session.js";
import { ADMIN_EMAIL, prepare, scenariosFor } from "./setup.js";

interface Logged {
  text: string;
  values?: unknown[];
  ms: number;
}

const logFile = join(repoRoot, "bench", "results", "queries.jsonl");
const explainFile = join(repoRoot, "bench", "results", "explain.txt");
const oneLine = (text: string, width = 150) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

async function main() {
  const target = await resolveTarget();
  if (target.engine !== "postgres")
    throw new Error("bench/queries.ts needs PostgreSQL (BENCH_DATABASE_URL).");
  const { fixtures, password } = await prepare(target);
  mkdirSync(join(repoRoot, "bench", "results"), { recursive: true });
  writeFileSync(logFile, "");
  let server: RunningServer | undefined;
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  const plans: string[] = [];
  try {
    server = await startServer(childEnv(target, { BENCH_QUERY_LOG: logFile }), {
      nodeArgs: ["--import", pathToFileURL(join(repoRoot, "bench", "pg-query-log.ts")).href],
    });
    const session = await signIn(server.baseUrl, ADMIN_EMAIL, password);
    for (const scenario of scenariosFor(fixtures)) {
      const headers = scenario.signedIn ? { cookie: session.jar.header() } : undefined;
      const get = async () => {
        const started = performance.now();
        const response = await fetch(`${server?.baseUrl}${scenario.path}`, { headers, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${scenario.path} gave ${response.status}`);
        return performance.now() - started;
      };
      // Warm the JIT, the pool and Postgres' plan and buffer caches, then watch one request.
      for (let i = 0; i < 20; i++) await get();
      // One request at a time, so this is the server's own cost, not queueing behind others.
      const cpuBefore = server.pid === undefined ? null : processCpuMs(server.pid);
      let wall = 0;
      for (let i = 0; i < 50; i++) wall += await get();
      const cpuAfter = server.pid === undefined ? null : processCpuMs(server.pid);
      const cpuMs = cpuBefore === null || cpuAfter === null ? Number.NaN : (cpuAfter - cpuBefore) / 50;
      writeFileSync(logFile, "");
      const ms = await get();
      const logged = readFileSync(logFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Logged);
      const dbMs = logged.reduce((sum, q) => sum + q.ms, 0);
      console.log(
        `\n${scenario.name}: ${logged.length} statements, ${dbMs.toFixed(2)} ms in the database ` +
          `(round trips, some in parallel), ${ms.toFixed(2)} ms for the whole request; over 50 sequential ` +
          `requests: ${(wall / 50).toFixed(2)} ms each, server CPU ${cpuMs.toFixed(2)} ms each`,
      );
      for (const [i, q] of logged.entries()) {
        let executed = "";
        // Only plain reads: EXPLAIN ANALYZE really runs the statement.
        if (/^\s*select\b/i.test(q.text)) {
          const result = await client.query(`explain (analyze, buffers) ${q.text}`, q.values as unknown[]);
          const lines = result.rows.map((row) => String(row["QUERY PLAN"]));
          executed =
            lines.find((line) => line.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "";
          plans.push(
            `-- ${scenario.name} #${i + 1}\n${q.text}\n-- values: ${JSON.stringify(q.values)}\n${lines.join("\n")}\n`,
          );
        }
        console.log(
          `  ${String(i + 1).padStart(2)}. ${q.ms.toFixed(2).padStart(6)} ms${executed ? ` (server ${executed})` : ""}  ${oneLine(q.text)}`,
        );
      }
    }
    await signOut(server.baseUrl, session);
  } finally {
    await server?.stop();
    await client.end();
    writeFileSync(explainFile, plans.join("\n"));
    rmSync(logFile, { force: true });
  }
  console.log(`\nPlans written to ${explainFile}`);
}

main().catch((error) => {
  console.error(`\nFAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
