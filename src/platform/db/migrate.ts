import { fileURLToPath } from "node:url";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { Database } from "./client.js";

/** The committed drizzle-kit output; the same files run on both engines. */
export const migrationsFolder = fileURLToPath(new URL("../../../migrations", import.meta.url)).replace(
  /\/dist\/migrations$/,
  "/migrations",
);

export async function runMigrations(database: Database): Promise<void> {
  // Both migrators only need the drizzle instance; the cast picks the engine's own signature.
  if (database.raw.kind === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  // Several instances starting together on one PostgreSQL take turns: without this lock two
  // migrators race (e.g. both create an extension) and one instance crashes.
  const client = await database.raw.pool.connect();
  try {
    await client.query("select pg_advisory_lock(hashtext('convene.migrate'))");
    await migrateNodePg(database.db as never, { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock(hashtext('convene.migrate'))").catch(() => {});
    client.release();
  }
}
