import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";

/** The query builder both engines share; features write queries against this and nothing engine-specific. */
export type Db = PgDatabase<PgQueryResultHKT>;

export type DatabaseTarget =
  | { kind: "postgres"; url: string; poolSize?: number }
  | { kind: "pglite"; dataDir: string }
  | { kind: "pglite-memory" };

/** The driver underneath, for the few things that need it (the job queue); features use `db`. */
export type RawDatabase =
  | { kind: "pglite"; client: PGlite }
  | { kind: "postgres"; pool: pg.Pool; url: string };

export interface Database {
  db: Db;
  engine: "postgres" | "pglite";
  raw: RawDatabase;
  /** Runs SQL text that may hold several statements (migrations, test set-up). */
  exec(sqlText: string): Promise<void>;
  /** How many queries `db` has sent since start-up: tests read it before and after a request to bound a page's queries. */
  readonly queryCount: { value: number };
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const queryCount = { value: 0 };
  const logger = {
    logQuery() {
      queryCount.value++;
    },
  };
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
    // A dropped connection must not crash the process; the next query reports the error.
    pool.on("error", (error) =>
      console.error(JSON.stringify({ level: "error", msg: "postgres pool error", error: error.message })),
    );
    return {
      db: drizzleNodePg(pool, { logger }) as unknown as Db,
      queryCount,
      engine: "postgres",
      raw: { kind: "postgres", pool, url: target.url },
      exec: async (sqlText) => {
        await pool.query(sqlText);
      },
      close: () => pool.end(),
    };
  }
  if (target.kind === "pglite") mkdirSync(target.dataDir, { recursive: true });
  const client = await PGlite.create(target.kind === "pglite" ? target.dataDir : undefined, {
    extensions: { pg_trgm },
  });
  return {
    db: drizzlePglite(client, { logger }) as unknown as Db,
    queryCount,
    engine: "pglite",
    raw: { kind: "pglite", client },
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    close: () => client.close(),
  };
}
