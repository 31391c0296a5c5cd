#!/usr/bin/env node
// `npm test`: typecheck, lint, the node:test suite on PGlite (and on PostgreSQL when
// TEST_DATABASE_URL is set), then the Chromium journeys. Prints one closing line with the totals.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

const only = process.argv.find((arg) => arg.startsWith("--only="))?.slice(7) ?? "all";
const root = new URL("..", import.meta.url).pathname;
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(name, command, args, env = {}) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) failedSteps.push(name);
  return result.status === 0;
}

function findTests(dir, pattern) {
  const found = [];
  for (const entry of readdirSync(join(root, dir))) {
    const path = join(dir, entry);
    if (statSync(join(root, path)).isDirectory()) found.push(...findTests(path, pattern));
    else if (pattern.test(entry)) found.push(path);
  }
  return found.sort();
}

/** Runs node:test files with a spec report on screen and a TAP copy to count results from. */
function runTests(name, files, env = {}, concurrency = 2) {
  const tap = join(root, "test-results", `${name.replace(/\W+/g, "-")}.tap`);
  mkdirSync(join(root, "test-results"), { recursive: true });
  rmSync(tap, { force: true });
  const ok = step(
    name,
    process.execPath,
    [
      "--import",
      "tsx",
      "--test",
      `--test-concurrency=${concurrency}`,
      "--test-reporter=spec",
      "--test-reporter-destination=stdout",
      "--test-reporter=tap",
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    env,
  );
  if (existsSync(tap)) {
    const text = readFileSync(tap, "utf8");
    const count = (label) => Number(new RegExp(`^# ${label} (\\d+)`, "m").exec(text)?.[1] ?? 0);
    totals.passed += count("pass");
    totals.failed += count("fail");
    totals.skipped += count("skipped") + count("todo");
  }
  return ok;
}

const bin = (name) => join(root, "node_modules", ".bin", name);

if (only === "all" || only === "static") {
  step("typecheck (tsc)", bin("tsc"), ["-p", "tsconfig.json", "--noEmit"]);
  step("lint and format (biome)", bin("biome"), ["check", "."]);
}

if (only === "all" || only === "integration") {
  const files = [
    ...findTests("src", /\.test\.tsx?$/),
    ...findTests("test", /\.test\.tsx?$/).filter((f) => !f.startsWith("test/e2e")),
  ];
  runTests("integration tests on PGlite", files, { TEST_ENGINE: "pglite" });
  if (process.env.TEST_DATABASE_URL) {
    runTests("integration tests on PostgreSQL", files, { TEST_ENGINE: "postgres" });
  } else {
    process.stdout.write(
      "\n*** TEST_DATABASE_URL is not set: the PostgreSQL run is skipped (PGlite only). ***\n",
    );
  }
}

if (only === "all" || only === "e2e") {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (existsSync(chromium)) {
    runTests(
      "browser journeys in Chromium",
      findTests("test/e2e", /\.test\.tsx?$/),
      { CHROMIUM_PATH: chromium },
      1,
    );
  } else {
    process.stdout.write(
      `\n${"!".repeat(78)}\n!!! SKIPPED: browser journeys. No Chromium at ${chromium}.\n!!! Install Debian's chromium or set CHROMIUM_PATH to run them.\n${"!".repeat(78)}\n`,
    );
  }
}

process.stdout.write(
  `\n${failedSteps.length ? `Failed steps: ${failedSteps.join(", ")}` : "All steps passed."}\n`,
);
process.stdout.write(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exit(failedSteps.length ? 1 : 0);
