// `npm run bench`: seeds (once) the large demo organisation, starts `convene serve` as a child
// process, signs in as the demo admin and load-tests a few pages against the bare /healthz route.
// Settings: BENCH_DATABASE_URL (or "pglite"), BENCH_DURATION, BENCH_WARMUP (seconds), BENCH_CONNECTIONS,
// BENCH_ONLY (scenario name filter), BENCH_CPU_PROF=1 (profile the server into bench/results/profiles/),
// BENCH_APP_DIR (serve another checkout against the same database, to compare a change).

import { loadavg } from "node:os";
import { join } from "node:path";
import { childEnv, repoRoot, resolveTarget } from "./database.js";
import { type LoadSettings, runScenario, type ScenarioResult } from "./load.js";
import { cpuTable, gitCommit, machine, table, writeJson } from "./report.js";
import { type RunningServer, startServer } from "./server.js";
import { signIn, signOut } from "./session.js";
import { ADMIN_EMAIL, prepare, scenariosFor } from "./setup.js";

const resultsFile = join(repoRoot, "bench", "results", "latest.json");

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0)
    throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return value;
}

async function main() {
  const settings: LoadSettings = {
    connections: Math.max(1, Math.round(positive("BENCH_CONNECTIONS", 32))),
    durationS: positive("BENCH_DURATION", 10) || 10,
    warmupS: positive("BENCH_WARMUP", 2),
  };
  // Other work on the machine skews every number; say so rather than hide it.
  const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  if (loadBefore > 0.5)
    console.warn(`Note: the machine is busy before the run (1-min load average ${loadBefore}).`);
  const target = await resolveTarget();
  console.log(`Database: ${target.label}`);
  const { seeding, fixtures, password } = await prepare(target);

  // BENCH_ONLY=people runs just the scenarios whose name contains that text (for profiling one page).
  const only = process.env.BENCH_ONLY;
  const scenarios = scenariosFor(fixtures).filter((s) => !only || s.name.includes(only));

  let server: RunningServer | undefined;
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the server.`);
    void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  const results: ScenarioResult[] = [];
  let failure: unknown = null;
  try {
    // BENCH_CPU_PROF=1 writes a V8 profile of the server (it slows the server: compare no numbers).
    const profileDir = join(repoRoot, "bench", "results", "profiles");
    server = await startServer(childEnv(target), {
      nodeArgs: process.env.BENCH_CPU_PROF === "1" ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [],
    });
    console.log(
      `Server ready in ${server.readyMs} ms; first page (GET /communities) after ${server.timeToFirstPageMs} ms.`,
    );
    const session = await signIn(server.baseUrl, ADMIN_EMAIL, password);
    const cookie = session.jar.header();
    for (const scenario of scenarios) {
      process.stdout.write(
        `Running ${scenario.name}: ${settings.warmupS} s warm-up + ${settings.durationS} s, ${settings.connections} connections...`,
      );
      const result = await runScenario(server.baseUrl, scenario, cookie, settings, server.pid);
      results.push(result);
      process.stdout.write(` ${result.rps.toFixed(0)} req/s, p95 ${result.p95.toFixed(2)} ms\n`);
    }
    await signOut(server.baseUrl, session);
  } catch (error) {
    failure = error;
  } finally {
    await server?.stop();
  }

  const host = machine();
  const engine =
    target.engine === "postgres"
      ? `PostgreSQL ${fixtures.serverVersion}`
      : `PGlite (${fixtures.serverVersion})`;
  const failed = results.filter((r) => r.non2xx + r.errors + r.timeouts > 0);
  const serverErrors = server?.errorLines() ?? [];
  const bare = results.find((r) => r.path === "/healthz")?.rps;

  if (results.length) {
    console.log(`\n${table(results)}\n`);
    const cpu = cpuTable(results);
    if (cpu) console.log(`Where the CPU went during each measured run (all cores = 100%):\n${cpu}\n`);
    console.log(
      `Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform} ` +
        `(load average ${loadBefore} before the run)`,
    );
    console.log(`Database: ${engine} (${target.label})`);
    console.log(
      `Load: ${settings.connections} connections, ${settings.warmupS} s warm-up + ${settings.durationS} s per scenario; ` +
        "server and load generator share this machine's cores.",
    );
    if (server)
      console.log(`Time to first page: ${server.timeToFirstPageMs} ms (ready: ${server.readyMs} ms)`);
    if (seeding.seeded) console.log(`Seeding: ${((seeding.ms ?? 0) / 1000).toFixed(1)} s`);
    writeJson(resultsFile, {
      at: new Date().toISOString(),
      app: process.env.BENCH_APP_DIR || repoRoot,
      commit: gitCommit(process.env.BENCH_APP_DIR || repoRoot),
      ok: failure === null && failed.length === 0,
      machine: { ...host, loadAverageBefore: loadBefore },
      database: { engine: target.engine, version: fixtures.serverVersion, target: target.label },
      data: fixtures,
      seeding,
      server: server ? { readyMs: server.readyMs, timeToFirstPageMs: server.timeToFirstPageMs } : null,
      settings,
      scenarios: results.map((r) => ({
        ...r,
        ratioToBare: bare ? Math.round((r.rps / bare) * 10000) / 10000 : null,
      })),
    });
    console.log(`Results written to ${resultsFile}`);
  }

  if (serverErrors.length)
    console.error(`\nThe server logged errors:\n${serverErrors.slice(0, 10).join("\n")}`);
  if (failure) throw failure;
  if (failed.length) {
    const detail = failed.map(
      (r) => `  ${r.name}: ${r.non2xx} non-2xx ${JSON.stringify(r.statusCodes)}, ${r.errors} errors`,
    );
    throw new Error(`Some responses were not 200; the numbers above are not valid:\n${detail.join("\n")}`);
  }
}

main().catch((error) => {
  console.error(`\nBENCH FAILED: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
