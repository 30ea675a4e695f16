// The load client: a few worker processes (bench/worker/main.mjs) and the requests run.mjs sends them. Several
// processes let the client use both cores; its CPU share is measured alongside the server's.
import { spawn } from "node:child_process";
import { NOFILE, track } from "./proc.mjs";

const WORKER = new URL("../worker/main.mjs", import.meta.url).pathname;

export function startFleet(size) {
  const workers = Array.from({ length: size }, (_, i) => startWorker(i));
  return {
    workers,
    pids: () => workers.map((w) => w.pid),
    /** Sends the same request to every worker (or `argsOf(i)` per worker) and waits for all answers. */
    all: (cmd, argsOf = () => ({})) => Promise.all(workers.map((w, i) => w.request(cmd, argsOf(i)))),
    stop: () => Promise.all(workers.map((w) => w.stop())),
  };
}

function startWorker(index) {
  // Through `sh -c ulimit; exec` like the servers, so one worker may hold more sockets than the shell's limit.
  const raise = `ulimit -n ${NOFILE} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$0" "$@"`;
  const child = spawn("sh", ["-c", raise, process.execPath, WORKER], {
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const entry = track(`worker-${index}`, child);
  const pending = new Map();
  let nextId = 0;
  child.on("message", ({ id, ok, data, error }) => {
    const p = pending.get(id);
    pending.delete(id);
    if (ok) p.resolve(data);
    else p.reject(new Error(`worker ${index}: ${error}`));
  });
  child.on("exit", (code) => {
    for (const p of pending.values()) p.reject(new Error(`worker ${index} exited (${code})`));
    pending.clear();
  });
  return {
    pid: child.pid,
    request: (cmd, args) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        child.send({ id, cmd, ...args });
      }),
    stop: () => {
      if (child.connected) child.disconnect();
      return entry.stop();
    },
  };
}
