import { readFileSync, readdirSync } from "node:fs";

/** Peak memory of a process tree, sampled from /proc (Linux), and its CPU time. */
export interface ProcessTreeUsage {
  /** Highest sum of resident memory over every process of the tree at one moment, in bytes. */
  peakTotalBytes: number;
  /** Highest resident memory of any single process of the tree, in bytes. */
  peakProcessBytes: number;
  /** User plus system CPU seconds of every process seen (as of its last sample). */
  cpuSeconds: number;
}

const TICKS_PER_SECOND = 100; // Linux's USER_HZ

function cpuTicks(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces, hence the last ")"): utime is the 12th, stime the 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(" ").filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples the tree under `pid` every `intervalMs` until `stop()` is called. */
export function monitorProcessTree(pid: number, intervalMs = 100): { stop(): ProcessTreeUsage } {
  const usage: ProcessTreeUsage = { peakTotalBytes: 0, peakProcessBytes: 0, cpuSeconds: 0 };
  const ticks = new Map<number, number>();
  const sample = () => {
    const pending = [pid];
    let total = 0;
    while (pending.length > 0) {
      const current = pending.pop()!;
      ticks.set(current, Math.max(ticks.get(current) ?? 0, cpuTicks(current)));
      const bytes = residentBytes(current);
      total += bytes;
      usage.peakProcessBytes = Math.max(usage.peakProcessBytes, bytes);
      pending.push(...childrenOf(current));
    }
    usage.peakTotalBytes = Math.max(usage.peakTotalBytes, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      usage.cpuSeconds = [...ticks.values()].reduce((sum, value) => sum + value, 0) / TICKS_PER_SECOND;
      return usage;
    },
  };
}
