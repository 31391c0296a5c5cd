import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { repoRoot } from "./database.js";

export interface RunningServer {
  baseUrl: string;
  pid: number | undefined;
  /** Spawn until /readyz answered 200 (migrations, pool, app built). */
  readyMs: number;
  /** Spawn until GET /communities first answered 200: what a user waiting on a restart sees. */
  timeToFirstPageMs: number;
  /** Log lines at level error seen so far. */
  errorLines(): string[];
  /** The last lines the server printed, for failure reports. */
  tail(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `convene serve` as a child process and waits until it serves a real page. */
export async function startServer(
  env: NodeJS.ProcessEnv,
  options: { nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // BENCH_APP_DIR runs another checkout's server (same database) to compare a change A/B.
  const appDir = process.env.BENCH_APP_DIR || repoRoot;
  const child = spawn(
    process.execPath,
    ["--import", "tsx", ...(options.nodeArgs ?? []), "src/main.ts", "serve"],
    {
      cwd: appDir,
      env: { ...env, PORT: String(port), BASE_URL: baseUrl, LOG_LEVEL: "warn", CONVENE_DEMO: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const lines: string[] = [];
  const errors: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 60) lines.shift();
      if (line.includes('"level":"error"')) errors.push(line);
    }
  };
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);
  const exited = new Promise<number | null>((resolve) => {
    child.on("exit", (code, signal) => {
      if (signal) lines.push(`(killed by ${signal})`);
      resolve(code);
    });
    // A spawn failure (bad cwd, no node) emits "error" and never "exit".
    child.on("error", (error) => {
      lines.push(`(could not start: ${error.message})`);
      resolve(null);
    });
  });
  let running = true;
  void exited.then(() => {
    running = false;
  });
  // Last resort if the bench dies without reaching its cleanup.
  const killOnExit = () => child.kill("SIGTERM");
  process.on("exit", killOnExit);

  const tail = () => lines.join("\n");
  const stop = async () => {
    process.off("exit", killOnExit);
    if (!running) return;
    child.kill("SIGTERM");
    const code = await Promise.race([exited, sleep(10_000).then(() => "timeout" as const)]);
    if (code === "timeout") {
      child.kill("SIGKILL");
      await exited;
    }
  };

  try {
    const deadline = started + (options.timeoutMs ?? 180_000);
    const readyMs = await pollUntil200(`${baseUrl}/readyz`, child, deadline, () => running, started);
    const timeToFirstPageMs = await pollUntil200(
      `${baseUrl}/communities`,
      child,
      deadline,
      () => running,
      started,
    );
    return { baseUrl, pid: child.pid, readyMs, timeToFirstPageMs, errorLines: () => errors, tail, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\nServer output:\n${tail()}`);
  }
}

async function pollUntil200(
  url: string,
  child: ChildProcess,
  deadline: number,
  running: () => boolean,
  started: number,
): Promise<number> {
  let last = "no answer";
  while (performance.now() < deadline) {
    if (!running()) throw new Error(`The server exited (code ${child.exitCode}) before ${url} answered.`);
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return Math.round(performance.now() - started);
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(20);
  }
  throw new Error(`Timed out waiting for ${url} (last: ${last}).`);
}
