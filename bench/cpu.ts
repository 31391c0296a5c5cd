import { readFileSync } from "node:fs";

// Server, load generator and database share this machine's cores, so req/s alone can mislead:
// this splits the CPU time spent during a run between them. Linux only (/proc); elsewhere null.

// USER_HZ: 100 on every mainstream Linux build.
const TICK_MS = 10;

export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the ")" closing the command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

// All cores from /proc/stat; os.cpus() leaves out softirq (loopback networking at high req/s) and steal.
function machineMs(): { busy: number; idle: number } | null {
  try {
    const fields = (readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "").trim().split(/\s+/).slice(1);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
    const busy = [user, nice, system, irq, softirq, steal].reduce<number>((sum, n) => sum + (n ?? 0), 0);
    return { busy: busy * TICK_MS, idle: ((idle ?? 0) + (iowait ?? 0)) * TICK_MS };
  } catch {
    return null;
  }
}

export interface CpuSplit {
  /** Server process CPU per completed request. */
  serverMsPerRequest: number;
  /** Shares of all cores' time over the run, in percent. */
  serverPct: number;
  loadGeneratorPct: number;
  /** Mostly the database (and anything else running). */
  otherPct: number;
  idlePct: number;
}

export function startCpuSample(serverPid: number | undefined) {
  const server = serverPid === undefined ? null : processCpuMs(serverPid);
  const self = process.cpuUsage();
  const machine = machineMs();
  return (requests: number): CpuSplit | null => {
    const serverNow = serverPid === undefined ? null : processCpuMs(serverPid);
    const now = machineMs();
    if (server === null || serverNow === null || machine === null || now === null) return null;
    const selfUsed = process.cpuUsage(self);
    const busy = now.busy - machine.busy;
    const total = busy + (now.idle - machine.idle);
    if (total <= 0) return null;
    const serverMs = serverNow - server;
    const selfMs = (selfUsed.user + selfUsed.system) / 1000;
    const pct = (ms: number) => Math.round((ms / total) * 1000) / 10;
    return {
      serverMsPerRequest: requests ? Math.round((serverMs / requests) * 100) / 100 : Number.NaN,
      serverPct: pct(serverMs),
      loadGeneratorPct: pct(selfMs),
      otherPct: pct(Math.max(0, busy - serverMs - selfMs)),
      idlePct: pct(total - busy),
    };
  };
}
