import { installStarterToolkit } from "./features/resources/toolkit/install.js";
import type { Database } from "./platform/db/client.js";
import { runMigrations } from "./platform/db/migrate.js";

/** Migrations, then the content Convene ships with (installed once, on the first run). */
export async function prepareDatabase(database: Database): Promise<void> {
  await runMigrations(database);
  await installStarterToolkit(database.db);
}
