// Starting, watching and stopping the processes a run owns (servers, load workers). Every process is stopped by its
// own pid; nothing here kills by name.
import { spawn } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";
import net from "node:net";

/** File descriptors to allow servers and load workers: each open socket is one. */
export const NOFILE = 200_000;

/** Linux reports CPU time in ticks of 1/100 s (USER_HZ) on every architecture we run on. */
export const CLOCK_TICKS_PER_SECOND = 100;
const live = new Set();

/**
 * Starts a long-running service with stdout and stderr going to `logFile`. The command runs under `sh -c ulimit …;
 * exec` so that its descriptor limit can exceed the shell's (20,000 idle sockets need more) while its pid stays the
 * one we hold.
 */
export function startService(name, command, args, { env, cwd, logFile }) {
  const fd = openSync(logFile, "a");
  const raise = `ulimit -n ${NOFILE} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  const child = spawn("sh", ["-c", raise, command, ...args], { env, cwd, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const service = {
    name,
    pid: child.pid,
    logFile,
    exitCode: null,
    exited: new Promise((resolve) =>
      child.once("exit", (code, signal) => {
        service.exitCode = code ?? signal;
        live.delete(service);
        resolve(service.exitCode);
      }),
    ),
    stop: () => stopProcess(child, service.exited),
  };
  live.add(service);
  return service;
}

/** Registers a child started elsewhere (e.g. a forked worker) so that `stopAll` can end it too. */
export function track(name, child) {
  const entry = { name, pid: child.pid, exited: new Promise((r) => child.once("exit", r)) };
  entry.stop = () => stopProcess(child, entry.exited);
  entry.exited.then(() => live.delete(entry));
  live.add(entry);
  return entry;
}

async function stopProcess(child, exited, graceMs = 15_000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Stops every process this run started and that is still alive (on normal end, on error and on Ctrl-C). */
export async function stopAll() {
  await Promise.all([...live].map((s) => s.stop()));
}

/** A port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 200, or fails with the end of the service's log when it died or took too long. */
export async function waitHealthy(url, service, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.exitCode !== null) break;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const tail = readFileSync(service.logFile, "utf8").split("\n").slice(-30).join("\n");
  throw new Error(
    `${service.name} did not become healthy at ${url} (exit ${service.exitCode}); log ${service.logFile}:\n${tail}`,
  );
}

/** User + system CPU time a process has used so far, in seconds (Linux /proc). */
export function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by each thread of a process, keyed "tid name" (Linux /proc/<pid>/task). */
export function threadCpuSeconds(pid) {
  const threads = new Map();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const name = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      threads.set(`${tid} ${name}`, cpuSeconds(`${pid}/task/${tid}`));
    }
  } catch {
    // the process or a thread ended while we looked
  }
  return threads;
}

/** Resident memory of a process in MB (Linux /proc). */
export function rssMb(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return null;
  }
}

/** The process's limit on open file descriptors (each socket is one), from /proc/<pid>/limits. */
export function maxOpenFiles(pid) {
  try {
    return Number(/Max open files\s+(\d+)/.exec(readFileSync(`/proc/${pid}/limits`, "utf8"))?.[1] ?? NaN);
  } catch {
    return null;
  }
}
