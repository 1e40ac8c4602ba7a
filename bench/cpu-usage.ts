// CPU accounting for the HTTP benchmarks (Linux /proc): how busy the whole machine was during a
// phase, and how much CPU each process of interest used. It answers "was the machine saturated?"
// before anyone reads a throughput ratio (two instances cannot reach 1.6× one instance when one
// instance already keeps every core busy), and gives CPU ms per request, which is far less noisy
// than throughput on a shared machine. Where /proc is missing every figure is null.
import { readFileSync, readdirSync } from "node:fs";
import os from "node:os";

/** Clock ticks per second of /proc's CPU times: 100 on every Linux we run on (USER_HZ). */
const TICKS_PER_S = 100;

interface MachineTicks {
  busy: number;
  total: number;
}

function machineTicks(): MachineTicks | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0]!;
    // cpu user nice system idle iowait irq softirq steal guest guest_nice (guest is inside user)
    const [user, nice, system, idle, iowait, irq, softirq, steal] = line
      .trim()
      .split(/\s+/)
      .slice(1, 9)
      .map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq! + steal!;
    return { busy, total: busy + idle! + iowait! };
  } catch {
    return null;
  }
}

/** User + system CPU of a process in ms, including its reaped children (PostgreSQL backends that ended). */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces and parentheses: fields start after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): utime is field 14, stime 15, cutime 16, cstime 17.
    const ticks = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    return (ticks * 1000) / TICKS_PER_S;
  } catch {
    return null;
  }
}

export function parentPid(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}

/** A process and its direct children (the PostgreSQL postmaster and its backends). */
export function processTreeCpuMs(root: number): number | null {
  const own = processCpuMs(root);
  if (own === null) return null;
  let total = own;
  for (const entry of readdirSync("/proc")) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === root) continue;
    if (parentPid(pid) === root) total += processCpuMs(pid) ?? 0;
  }
  return total;
}

export interface CpuSample {
  machine: MachineTicks | null;
  processes: Map<string, number | null>;
}

/** Named CPU counters (ms) at this moment, plus the machine's ticks. */
export function sampleCpu(processes: Record<string, () => number | null>): CpuSample {
  return {
    machine: machineTicks(),
    processes: new Map(Object.entries(processes).map(([name, read]) => [name, read()])),
  };
}

export interface CpuReport {
  /** Share of all cores busy during the phase (0–1), every process on the machine counted. */
  machineBusy: number | null;
  cores: number;
  /** CPU ms each named process used during the phase. */
  processMs: Map<string, number | null>;
}

export function cpuBetween(before: CpuSample, after: CpuSample): CpuReport {
  const machineBusy =
    before.machine && after.machine && after.machine.total > before.machine.total
      ? (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total)
      : null;
  const processMs = new Map<string, number | null>();
  for (const [name, start] of before.processes) {
    const end = after.processes.get(name);
    processMs.set(name, start === null || end === null || end === undefined ? null : end - start);
  }
  return { machineBusy, cores: os.availableParallelism(), processMs };
}

/** One line: machine busy %, and per process its CPU ms, its share of one core and CPU ms per request. */
export function formatCpu(report: CpuReport, seconds: number, requests: number): string {
  const parts = [
    `machine ${report.machineBusy === null ? "n/a" : `${(report.machineBusy * 100).toFixed(0)} % busy of ${report.cores} cores`}`,
  ];
  for (const [name, ms] of report.processMs) {
    if (ms === null) parts.push(`${name} n/a`);
    else
      parts.push(
        `${name} ${(ms / (seconds * 10)).toFixed(0)} % of a core, ${requests > 0 ? (ms / requests).toFixed(2) : "n/a"} CPU ms/request`,
      );
  }
  return `  cpu: ${parts.join("; ")}`;
}

/**
 * The most requests/s this machine could serve if every core did nothing but this work: all
 * cores' ms per second over the CPU ms one request cost in every counted process (servers,
 * PostgreSQL, the load generator itself). It tells whether a scaling goal is physically possible
 * here: two instances cannot exceed it however well they scale. Null without /proc.
 */
export function throughputCeiling(report: CpuReport, requests: number): number | null {
  let ms = 0;
  for (const value of report.processMs.values()) {
    if (value === null) return null;
    ms += value;
  }
  if (requests === 0 || ms === 0) return null;
  return (report.cores * 1000) / (ms / requests);
}
