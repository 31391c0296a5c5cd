// Preloaded into the server by bench/queries.ts (`node --import tsx --import ./bench/pg-query-log.ts`):
// appends every statement node-postgres sends, with its parameters and round-trip time, as one JSON
// line to BENCH_QUERY_LOG. It patches the shared `pg` module, so no app code changes.

import { appendFileSync } from "node:fs";
import pg from "pg";

const file = process.env.BENCH_QUERY_LOG;

type QueryConfig = { text?: string; values?: unknown[] };

if (file) {
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const write = (entry: Record<string, unknown>) => appendFileSync(file, `${JSON.stringify(entry)}\n`);
  pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | QueryConfig;
    const text = typeof first === "string" ? first : (first?.text ?? "");
    const values = Array.isArray(args[1]) ? args[1] : typeof first === "string" ? undefined : first?.values;
    const started = performance.now();
    const done = () => write({ text, values, ms: Math.round((performance.now() - started) * 100) / 100 });
    // Pool.query hands the client a callback; drizzle on a single client awaits a promise.
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === "function") {
      args[last] = (...results: unknown[]) => {
        done();
        return callback(...results);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      (result as Promise<unknown>).then(done, done);
    }
    return result;
  } as typeof pg.Client.prototype.query;
}
