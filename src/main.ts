#!/usr/bin/env node
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "./config.js";
import type { Database } from "./platform/db/client.js";

// Heavy modules (database engines, auth, the app) load only for the command that needs them,
// so --help and usage errors answer at once.
const load = {
  db: () => import("./platform/db/client.js"),
  migrate: () => import("./prepare-database.js"),
  log: () => import("./platform/log.js"),
};

const usage: Record<string, string> = {
  main: `Usage: convene <command> [options]

Commands:
  serve                 Start the web server (the default). Migrates the database first.
  migrate               Apply database migrations and exit.
  seed --demo           Fill an empty database with a demo organisation.
  create-admin          Make a person an administrator (creating their account if needed).

Run "convene <command> --help" for a command's options. Configuration comes from the
environment; see the README.`,
  serve: `Usage: convene serve

Starts Convene on PORT (default 3000). With no DATABASE_URL it uses the embedded database in
CONVENE_DATA_DIR and, when that is empty, creates the demo organisation (unless CONVENE_DEMO=0).`,
  migrate: `Usage: convene migrate

Applies any migrations not yet applied to the configured database, then exits.`,
  seed: `Usage: convene seed --demo [--seed N] [--size small|large]

  --demo          Required: create the demo organisation.
  --seed N        Whole number that makes the data (default 1); the same seed gives the same data.
  --size SIZE     small (about 300 people, 8 communities; the default) or
                  large (30,000 people, 300 communities, for benchmarks).`,
  "create-admin": `Usage: convene create-admin --email EMAIL

Makes the person with this email an administrator. If nobody has that email yet, an account is
created with a random password, which is printed once.`,
};

class UsageError extends Error {
  constructor(
    message: string,
    readonly command: string,
  ) {
    super(message);
  }
}

function fail(message: string, command: string): never {
  throw new UsageError(message, command);
}

async function withDatabase<T>(
  work: (database: Database, config: ReturnType<typeof loadConfig>) => Promise<T>,
) {
  const config = loadConfig();
  const [{ openDatabase }, { prepareDatabase }, { setLogLevel }] = await Promise.all([
    load.db(),
    load.migrate(),
    load.log(),
  ]);
  setLogLevel(config.logLevel === "info" ? "warn" : config.logLevel);
  const database = await openDatabase(
    config.database.kind === "postgres" ? { kind: "postgres", url: config.database.url } : config.database,
  );
  try {
    await prepareDatabase(database);
    return await work(database, config);
  } finally {
    await database.close();
  }
}

async function run(argv: string[]) {
  const command = argv[0] && !argv[0].startsWith("-") ? argv[0] : "serve";
  const rest = argv[0] === command ? argv.slice(1) : argv;
  if (!(command in usage) || command === "main") fail(`unknown command "${command}"`, "main");
  type OptionSpec = Record<string, { type: "string" | "boolean" }>;
  const parse = (options: OptionSpec): Record<string, string | boolean | undefined> => {
    try {
      return parseArgs({
        args: rest,
        options: { ...options, help: { type: "boolean", short: "h" } },
        strict: true,
        allowPositionals: false,
      }).values as Record<string, string | boolean | undefined>;
    } catch (error) {
      fail((error as Error).message.split("\n")[0] ?? "bad arguments", command);
    }
  };

  if (command === "serve") {
    if (parse({}).help) return console.log(usage.serve);
    const config = loadConfig();
    const [{ setLogLevel }, { startServer }] = await Promise.all([load.log(), import("./server.js")]);
    setLogLevel(config.logLevel);
    await startServer(config);
    return;
  }

  if (command === "migrate") {
    if (parse({}).help) return console.log(usage.migrate);
    await withDatabase(async (database) => console.log(`Migrations applied (${database.engine}).`));
    return;
  }

  if (command === "seed") {
    const values = parse({ demo: { type: "boolean" }, seed: { type: "string" }, size: { type: "string" } });
    if (values.help) return console.log(usage.seed);
    if (!values.demo) fail("--demo is required", "seed");
    const seed = values.seed === undefined ? 1 : Number(values.seed);
    if (!Number.isInteger(seed) || seed < 0)
      fail(`--seed must be a whole number, not "${values.seed}"`, "seed");
    const size = String(values.size ?? "small");
    if (size !== "small" && size !== "large") fail(`--size must be small or large, not "${size}"`, "seed");
    const [{ seedDemo }, { people }, { demoAccountsFile }] = await Promise.all([
      import("./demo/seed.js"),
      import("./features/people/tables.js"),
      import("./server.js"),
    ]);
    await withDatabase(async (database, config) => {
      const [existing] = await database.db.select({ id: people.id }).from(people).limit(1);
      if (existing) {
        throw new ConfigError(
          "This database already has people in it; the demo only goes into an empty database.",
        );
      }
      await seedDemo(database, {
        seed,
        size,
        emailDomain: config.emailDomains[0] ?? "example.org",
        accountsFile: config.database.kind === "pglite" ? demoAccountsFile(config) : undefined,
      });
    });
    return;
  }

  if (command === "create-admin") {
    const values = parse({ email: { type: "string" } });
    if (values.help) return console.log(usage["create-admin"]);
    const email = String(values.email ?? "")
      .trim()
      .toLowerCase();
    if (!email) fail("--email is required", "create-admin");
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) fail(`"${email}" is not an email address`, "create-admin");
    const [{ eq }, { people }, { authUsers }, { createAuth }, { ensurePerson }] = await Promise.all([
      import("drizzle-orm"),
      import("./features/people/tables.js"),
      import("./platform/auth/tables.js"),
      import("./platform/auth/auth.js"),
      import("./features/people/service.js"),
    ]);
    await withDatabase(async (database, config) => {
      const [user] = await database.db.select().from(authUsers).where(eq(authUsers.email, email));
      if (user) {
        await ensurePerson(database.db, { id: user.id, name: user.name, email });
        await database.db.update(people).set({ siteRole: "admin" }).where(eq(people.id, user.id));
        console.log(`${user.name} <${email}> is now an administrator.`);
        return;
      }
      const auth = createAuth(config, database.db, {
        onUserCreated: (created) => ensurePerson(database.db, created),
      });
      const password = randomBytes(12).toString("base64url");
      const result = await auth.api.signUpEmail({
        body: { email, password, name: email.split("@")[0] ?? email },
      });
      await database.db.update(people).set({ siteRole: "admin" }).where(eq(people.id, result.user.id));
      console.log(
        `Created administrator ${email} with password: ${password}\nKeep it somewhere safe: it is not shown again.`,
      );
    });
  }
}

run(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError) {
    console.error(`convene: ${error.message}\n\n${usage[error.command] ?? usage.main}`);
    process.exit(2);
  }
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
