import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname } from "node:path";
import type { ScenarioResult } from "./load.js";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

export function gitCommit(cwd: string): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return null;
  }
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "-");

/** A plain-text table that also pastes as Markdown. */
export function table(results: ScenarioResult[]): string {
  const bare = results.find((r) => !r.signedIn && r.path === "/healthz")?.rps ?? Number.NaN;
  const header = ["Scenario", "req/s", "p50 ms", "p95 ms", "p99 ms", "vs bare", "non-2xx"];
  const rows = results.map((r) => [
    r.name,
    fixed(r.rps, 0),
    fixed(r.p50, 2),
    fixed(r.p95, 2),
    fixed(r.p99, 2),
    Number.isFinite(bare) && bare > 0 ? `${(r.rps / bare).toFixed(3)}` : "-",
    String(r.non2xx + r.errors),
  ]);
  return grid(header, rows);
}

/** Server CPU per request and how the cores were shared, when /proc is there to tell. */
export function cpuTable(results: ScenarioResult[]): string | null {
  if (!results.some((r) => r.cpu)) return null;
  const header = ["Scenario", "server CPU ms/req", "server %", "load gen %", "db+other %", "idle %"];
  const rows = results.map((r) => [
    r.name,
    fixed(r.cpu?.serverMsPerRequest ?? Number.NaN, 2),
    fixed(r.cpu?.serverPct ?? Number.NaN),
    fixed(r.cpu?.loadGeneratorPct ?? Number.NaN),
    fixed(r.cpu?.otherPct ?? Number.NaN),
    fixed(r.cpu?.idlePct ?? Number.NaN),
  ]);
  return grid(header, rows);
}

function grid(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function writeJson(file: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}
