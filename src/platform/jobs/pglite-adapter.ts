import type { PGlite } from "@electric-sql/pglite";
import type PgBoss from "pg-boss";

/**
 * pg-boss talks to its database through `executeSql(text, values)` and reads only `.rows` of the
 * answer. PGlite is one connection, so this adapter decides how each statement runs:
 *
 * - With parameters: one statement, through `query` (extended protocol). PGlite serialises JSON
 *   parameters itself and leaves strings alone, as node-postgres does.
 * - Without parameters: possibly several statements (pg-boss's schema, archiving and expiry are
 *   `BEGIN; ...advisory lock...; COMMIT;` scripts), through `exec`, answering the last result.
 *   It runs inside PGlite's `transaction()`, which holds the connection for the whole script and
 *   rolls back when a statement fails. Without it a failed script would leave the only connection
 *   in an aborted transaction, and every request after it would fail. The script's own BEGIN and
 *   COMMIT only raise warnings inside it (no error, nothing printed).
 *
 * After `close()` it answers empty results, as pg-boss's own pool does once closed, so a worker
 * that wakes during shutdown never touches a closed database.
 */
export function pgliteAdapter(client: PGlite): PgBoss.Db & { close(): void } {
  let closed = false;
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (closed) return { rows: [] };
      if (values && values.length > 0) {
        const result = await client.query(text, values);
        return { rows: result.rows };
      }
      const results = await client.transaction((tx) => tx.exec(text));
      return { rows: results.at(-1)?.rows ?? [] };
    },
    close() {
      closed = true;
    },
  };
}
