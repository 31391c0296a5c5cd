import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { createTestDatabase, testEngine } from "../test/support/database.js";

// The CLI does not depend on the engine except for `migrate`; the PostgreSQL pass runs only that.
const pgliteOnly = { skip: testEngine === "postgres" ? "engine-independent: run on the PGlite pass" : false };

// The CLI as a person runs it: a real process, real exit codes.
function convene(
  args: string[],
  env: Record<string, string> = {},
  attempt = 1,
): { status: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts", ...args], {
    encoding: "utf8",
    env: {
      ...process.env,
      CONVENE_DATA_DIR: join(mkdtempSync(join(tmpdir(), "convene-cli-")), "data"),
      ...env,
    },
    timeout: 60_000,
  });
  // Seen once in CI: a child that died by a signal before printing anything. That is the machine,
  // not the CLI, so try once more; a second failure reports the signal and spawn error.
  if (result.status === null && !result.stdout && attempt === 1) return convene(args, env, 2);
  const err =
    result.status === null
      ? `${result.stderr}\n[signal ${result.signal}; ${result.error ?? "no spawn error"}]`
      : result.stderr;
  return { status: result.status, out: result.stdout, err };
}

test("--help on each command prints its usage", pgliteOnly, () => {
  for (const command of ["serve", "migrate", "seed", "create-admin"]) {
    const result = convene([command, "--help"]);
    assert.equal(result.status, 0, result.err);
    assert.match(result.out, new RegExp(`Usage: convene ${command}`));
  }
});

test("unknown commands, flags and bad values get one line and the usage", pgliteOnly, () => {
  const cases: [string[], RegExp][] = [
    [["frobnicate"], /unknown command "frobnicate"/],
    [["seed", "--demo", "--colour", "red"], /Unknown option '--colour'/],
    [["seed", "--demo", "--size", "huge"], /--size must be small or large, not "huge"/],
    [["seed", "--demo", "--seed", "abc"], /--seed must be a whole number/],
    [["seed"], /--demo is required/],
    [["create-admin", "--email", "nope"], /is not an email address/],
  ];
  for (const [args, message] of cases) {
    const result = convene(args);
    assert.equal(result.status, 2, args.join(" "));
    const [first] = result.err.split("\n");
    assert.match(first ?? "", message);
    assert.match(result.err, /Usage: convene/);
  }
});

test("a bad environment variable stops the process with a message naming it", pgliteOnly, () => {
  const result = convene(["serve"], { PORT: "not-a-port" });
  assert.equal(result.status, 1);
  assert.match(result.err, /PORT/);
  const missingSecret = convene(["migrate"], { DATABASE_URL: "postgres://127.0.0.1:1/none" });
  assert.equal(missingSecret.status, 1);
  assert.match(missingSecret.err, /CONVENE_AUTH_SECRET/);
});

test("migrate, seed the small demo, refuse to seed twice, and promote an admin", pgliteOnly, () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), "convene-cli-")), "data");
  const env = { CONVENE_DATA_DIR: dataDir };
  assert.equal(convene(["migrate"], env).status, 0);
  const seeded = convene(["seed", "--demo", "--seed", "3"], env);
  assert.equal(seeded.status, 0, seeded.err);
  assert.match(seeded.err, /Created 300 people, 10 communities/);
  assert.match(seeded.err, /admin@example\.org/);
  const again = convene(["seed", "--demo"], env);
  assert.equal(again.status, 1);
  assert.match(again.err, /already has people/);
  const promoted = convene(["create-admin", "--email", "member@example.org"], env);
  assert.equal(promoted.status, 0, promoted.err);
  assert.match(promoted.out, /is now an administrator/);
  const created = convene(["create-admin", "--email", "new.admin@example.org"], env);
  assert.equal(created.status, 0, created.err);
  assert.match(created.out, /Created administrator new\.admin@example\.org with password: \S{12,}/);
});

test("migrate applies the migrations to PostgreSQL through DATABASE_URL", {
  skip: testEngine !== "postgres",
}, async () => {
  const database = await createTestDatabase();
  try {
    // The test database is already migrated; running again must be a harmless no-op.
    const result = convene(["migrate"], {
      DATABASE_URL: database.url ?? "",
      CONVENE_AUTH_SECRET: "x".repeat(40),
    });
    assert.equal(result.status, 0, result.err);
    assert.match(result.out, /Migrations applied \(postgres\)/);
  } finally {
    await database.drop();
  }
});
