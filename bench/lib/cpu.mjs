// Where the machine's cores went during a measured window: server, load client, database, Redis, and everything
// else ("other": other people's processes on a shared machine). Reported as "% of one core" (200% = both cores of
// this machine busy), from /proc, so the client's own share is visible.
import { readdirSync, readFileSync } from "node:fs";
import { CLOCK_TICKS_PER_SECOND, cpuSeconds, threadCpuSeconds } from "./proc.mjs";

/** Pids of every running process whose command name is `comm` (e.g. all PostgreSQL backends). */
export function pidsNamed(comm) {
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === comm) pids.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return pids;
}

/** CPU seconds the whole machine has spent busy so far (all cores; /proc/stat). */
function machineBusySeconds() {
  const [user, nice, system, , , irq, softirq, steal] = readFileSync("/proc/stat", "utf8")
    .split("\n")[0]
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + steal) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Starts measuring. `groups` maps a label to a function returning the pids to charge to it now; pids are looked up
 * again at the end so that processes started meanwhile (PostgreSQL backends) count too.
 */
export function startCpuMeter(groups) {
  const t0 = process.hrtime.bigint();
  const before = new Map();
  const sample = () => {
    const snapshot = {};
    for (const [label, pidsOf] of Object.entries(groups)) {
      for (const pid of pidsOf()) snapshot[`${label}:${pid}`] = cpuSeconds(pid);
    }
    return snapshot;
  };
  Object.entries(sample()).forEach(([k, v]) => before.set(k, v));
  const machineBefore = machineBusySeconds();
  return {
    /** % of one core per group since start. */
    stop() {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const totals = Object.fromEntries(Object.keys(groups).map((g) => [g, 0]));
      for (const [key, now] of Object.entries(sample())) {
        const label = key.slice(0, key.lastIndexOf(":"));
        totals[label] += now - (before.get(key) ?? 0);
      }
      const ours = Object.values(totals).reduce((a, b) => a + b, 0);
      totals.other = Math.max(0, machineBusySeconds() - machineBefore - ours);
      return Object.fromEntries(Object.entries(totals).map(([g, s]) => [g, Math.round((100 * s) / seconds)]));
    },
  };
}

const TOP_THREADS = 8;

/**
 * Starts measuring one process's threads; `stop()` gives % of one core per kind of thread, busiest first (numbers
 * in names folded: "JettyServerThre#"). For the Java server this names who used its CPU: the message writer, the
 * emitter, Jetty's pool, GC, the JIT compiler.
 */
export function startThreadMeter(pid) {
  const t0 = process.hrtime.bigint();
  const before = threadCpuSeconds(pid);
  return {
    stop() {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const byKind = new Map();
      for (const [key, used] of threadCpuSeconds(pid)) {
        const kind = key.slice(key.indexOf(" ") + 1).replace(/\d+/g, "#");
        byKind.set(kind, (byKind.get(kind) ?? 0) + used - (before.get(key) ?? 0));
      }
      return [...byKind]
        .map(([thread, s]) => ({ thread, percentOfOneCore: Math.round((100 * s) / seconds) }))
        .filter((t) => t.percentOfOneCore > 0)
        .sort((a, b) => b.percentOfOneCore - a.percentOfOneCore)
        .slice(0, TOP_THREADS);
    },
  };
}
