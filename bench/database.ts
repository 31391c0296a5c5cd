import { spawn } from "node:child_process";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { COMMON_WORD, LONG_THREAD_TITLE, RARE_WORD } from "../src/demo/bulk-posts.js";
import { openDatabase } from "../src/platform/db/client.js";

export const repoRoot = join(import.meta.dirname, "..");
const defaultUrl = "postgres://postgres@127.0.0.1:5432/convene_bench";
const pgliteDir = join(repoRoot, "bench", ".data", "pglite");
// Any constant of 32+ characters: the bench database holds nothing worth protecting.
const authSecret = "convene-bench-secret-not-for-production-use";

export const LARGE = { people: 30_000, communities: 300 };

export type Target =
  | { engine: "postgres"; url: string; label: string }
  | { engine: "pglite"; dataDir: string; label: string };

/**
 * BENCH_DATABASE_URL picks the database ("pglite" forces the embedded one). Unset, the local
 * PostgreSQL is used when it answers, otherwise PGlite in bench/.data/.
 */
export async function resolveTarget(env = process.env): Promise<Target> {
  const wanted = env.BENCH_DATABASE_URL?.trim();
  if (wanted === "pglite") return pglite();
  const url = wanted || defaultUrl;
  try {
    await ensureDatabase(url);
  } catch (error) {
    // Only a silent default falls back; an explicit URL that fails is the user's mistake to see.
    if (!wanted && isUnreachable(error)) {
      process.stderr.write(`No PostgreSQL answers at ${redact(url)}: using embedded PGlite instead.\n`);
      return pglite();
    }
    throw error;
  }
  return { engine: "postgres", url, label: redact(url) };
}

function pglite(): Target {
  return { engine: "pglite", dataDir: pgliteDir, label: `PGlite in ${pgliteDir}` };
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");

function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : "";
  return (
    code === "ECONNREFUSED" ||
    code === "EHOSTUNREACH" ||
    code === "ENOTFOUND" ||
    code === "ETIMEDOUT" ||
    /timeout/i.test(message)
  );
}

/** Creates the database named in `url` when its server answers but the database does not exist yet. */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error(`BENCH_DATABASE_URL must name a database: ${redact(url)}`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString(), connectionTimeoutMillis: 2000 });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) {
      await client.query(`create database "${name.replace(/"/g, '""')}"`);
      process.stderr.write(`Created database ${name}.\n`);
    }
  } finally {
    await client.end();
  }
}

/** The environment every child process gets: only the bench's settings, none inherited by accident. */
export function childEnv(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith("CONVENE_") || ["DATABASE_URL", "BASE_URL", "PORT", "LOG_LEVEL"].includes(key))
      continue;
    env[key] = value;
  }
  env.CONVENE_AUTH_SECRET = authSecret;
  if (target.engine === "postgres") env.DATABASE_URL = target.url;
  else env.CONVENE_DATA_DIR = target.dataDir;
  return { ...env, ...extra };
}

async function withDb<T>(target: Target, work: (query: Query) => Promise<T>): Promise<T> {
  const database = await openDatabase(
    target.engine === "postgres"
      ? { kind: "postgres", url: target.url, poolSize: 1 }
      : { kind: "pglite", dataDir: target.dataDir },
  );
  try {
    return await work(async (text) => {
      const result = (await database.db.execute(sql.raw(text))) as unknown as { rows: Row[] };
      return result.rows;
    });
  } finally {
    await database.close();
  }
}

type Row = Record<string, unknown>;
type Query = (text: string) => Promise<Row[]>;

/** People in the database; 0 when the tables do not exist yet (a fresh database). */
export async function countPeople(target: Target): Promise<number> {
  return withDb(target, async (query) => {
    const [exists] = await query("select to_regclass('public.people') is not null as ok");
    if (!exists?.ok) return 0;
    const [row] = await query("select count(*)::int as n from people");
    return Number(row?.n ?? 0);
  });
}

/**
 * Planner statistics and visibility maps, as autovacuum would leave them on a live server. Without
 * this a freshly seeded database (or a server with autovacuum off, like the bench's) gets row
 * estimates for empty tables and plans 10-50x slower than steady state.
 */
export async function vacuumAnalyze(target: Target): Promise<number> {
  const started = performance.now();
  await withDb(target, (query) => query("vacuum (analyze)"));
  return Math.round(performance.now() - started);
}

export interface SeedRun {
  ms: number;
  /** The demo sign-ins the seed printed, by email. */
  passwords: Map<string, string>;
}

/** Seeds with the real CLI, as an operator would, echoing its progress. */
export async function seedLarge(target: Target): Promise<SeedRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "src/main.ts", "seed", "--demo", "--size", "large"],
    {
      cwd: repoRoot,
      // CONVENE_BENCH_POSTS (default 1,000,000) sets how many discussion posts the large demo gets.
      env: childEnv(
        target,
        process.env.CONVENE_BENCH_POSTS ? { CONVENE_BENCH_POSTS: process.env.CONVENE_BENCH_POSTS } : {},
      ),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  const collect = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
    output += chunk.toString();
    stream.write(chunk);
  };
  child.stdout.on("data", collect(process.stdout));
  child.stderr.on("data", collect(process.stderr));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", resolve);
  });
  if (code !== 0) throw new Error(`Seeding failed (exit code ${code}); its output is above.`);
  const passwords = new Map<string, string>();
  for (const match of output.matchAll(/(\S+@\S+)\s+password: (\S+)/g)) {
    if (match[1] && match[2]) passwords.set(match[1], match[2]);
  }
  return { ms: Math.round(performance.now() - started), passwords };
}

export interface Fixtures {
  people: number;
  communities: number;
  largestCommunity: { slug: string; members: number };
  commonFirstName: { name: string; people: number };
  /** Threads plus replies (0 on a database seeded before discussions existed). */
  posts: number;
  /** The thread with exactly 200 replies the bulk seed makes, and where it lives. */
  longThread: { slug: string; id: string; replies: number } | null;
  /** The discussion search terms, with how many threads and replies match each. */
  searchTerms: { common: { word: string; posts: number }; rare: { word: string; posts: number } };
  serverVersion: string;
}

/** What the scenarios point at, read from the data rather than assumed. */
export async function readFixtures(target: Target): Promise<Fixtures> {
  return withDb(target, async (query) => {
    const [counts] = await query(
      "select (select count(*)::int from people) as people, (select count(*)::int from communities) as communities",
    );
    const [largest] = await query(
      "select slug, member_count from communities where visibility = 'listed' order by member_count desc, slug limit 1",
    );
    const [first] = await query(
      "select split_part(name, ' ', 1) as name, count(*)::int as n from people group by 1 order by 2 desc, 1 limit 1",
    );
    const [version] = await query("select current_setting('server_version') as v");
    const [posts] = await query(
      "select (select count(*) from threads) + (select count(*) from replies) as n",
    ).catch(() => [{ n: 0 }]);
    const [long] = await query(
      `select c.slug, t.id, t.reply_count from threads t join communities c on c.id = t.community_id
       where t.title = '${LONG_THREAD_TITLE}' order by t.created_at limit 1`,
    ).catch(() => []);
    const matches = async (word: string) => {
      const [row] = await query(
        `select (select count(*) from threads where search @@ plainto_tsquery('english', '${word}')) +
                (select count(*) from replies where search @@ plainto_tsquery('english', '${word}')) as n`,
      ).catch(() => [{ n: 0 }]);
      return Number(row?.n ?? 0);
    };
    if (!largest || !first) throw new Error("The bench database has no communities or people.");
    return {
      people: Number(counts?.people ?? 0),
      communities: Number(counts?.communities ?? 0),
      largestCommunity: { slug: String(largest.slug), members: Number(largest.member_count) },
      commonFirstName: { name: String(first.name), people: Number(first.n) },
      posts: Number(posts?.n ?? 0),
      longThread: long
        ? { slug: String(long.slug), id: String(long.id), replies: Number(long.reply_count) }
        : null,
      searchTerms: {
        common: { word: COMMON_WORD, posts: await matches(COMMON_WORD) },
        rare: { word: RARE_WORD, posts: await matches(RARE_WORD) },
      },
      serverVersion: String(version?.v ?? "?"),
    };
  });
}
