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
  if (database.engine === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migrateNodePg(database.db as never, { migrationsFolder });
  }
}
