import autocannon from "autocannon";
import { type CpuSplit, startCpuSample } from "./cpu.js";

export interface Scenario {
  name: string;
  path: string;
  signedIn: boolean;
}

export interface LoadSettings {
  connections: number;
  durationS: number;
  warmupS: number;
}

export interface ScenarioResult {
  name: string;
  path: string;
  signedIn: boolean;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  meanBytes: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  cpu: CpuSplit | null;
}

function cannon(options: autocannon.Options, onLatency?: (ms: number, status: number) => void) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (onLatency) instance.on("response", (_client, status, _bytes, ms) => onLatency(ms, status));
  });
}

// Nearest-rank percentile; autocannon's own summary has p97.5 but no p95.
function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

/** One scenario: a single checked request, a warm-up whose numbers are dropped, then the measured run. */
export async function runScenario(
  baseUrl: string,
  scenario: Scenario,
  cookie: string,
  settings: LoadSettings,
  serverPid?: number,
): Promise<ScenarioResult> {
  const url = `${baseUrl}${scenario.path}`;
  const headers: Record<string, string> = scenario.signedIn ? { cookie } : {};
  const check = await fetch(url, { headers, redirect: "manual" });
  const body = await check.text();
  if (check.status !== 200) {
    const where = check.headers.get("location");
    throw new Error(
      `${scenario.name}: GET ${scenario.path} gave ${check.status}${where ? ` -> ${where}` : ""}`,
    );
  }
  if (scenario.signedIn && !body.includes('action="/sign-out"')) {
    throw new Error(`${scenario.name}: GET ${scenario.path} did not render as a signed-in page.`);
  }

  const base = { url, headers, connections: settings.connections, timeout: 10 };
  if (settings.warmupS > 0) await cannon({ ...base, duration: settings.warmupS });
  const latencies: number[] = [];
  const cpu = startCpuSample(serverPid);
  const result = await cannon({ ...base, duration: settings.durationS }, (ms) => latencies.push(ms));
  const cpuSplit = cpu(latencies.length);
  const sorted = Float64Array.from(latencies).sort();
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, stat]) => [code, stat.count]),
  );
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    name: scenario.name,
    path: scenario.path,
    signedIn: scenario.signedIn,
    requests: latencies.length,
    rps: Math.round(result.requests.mean * 10) / 10,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    meanBytes: latencies.length ? Math.round(result.throughput.total / latencies.length) : 0,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    cpu: cpuSplit,
  };
}
