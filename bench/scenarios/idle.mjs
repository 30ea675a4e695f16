// Scenario 3: how many idle authenticated sockets one node holds, and the heap each one costs (heap after a full
// GC with the sockets open, minus the same before they connected, divided by the sockets held).
import { seedAccounts } from "../lib/accounts.mjs";
import { startCpuMeter } from "../lib/cpu.mjs";
import { startFleet } from "../lib/fleet.mjs";
import { classHistogram, growthPerItem, heapAfterGcKb } from "../lib/jvm.mjs";
import { maxOpenFiles, rssMb } from "../lib/proc.mjs";
import { cpuCell, num, table, verdict } from "../lib/report.mjs";

// The server's default Socket.IO ping interval: sockets held longer have answered at least one ping.
const PING_INTERVAL_S = 25;
// Descriptors a server uses besides its sockets (jars, database, epoll, logs): a limit this close to the socket count
// is what stopped the sockets.
const FILES_BESIDES_SOCKETS = 200;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export default {
  name: "idle",
  title: "Idle connections",
  defaults: { sockets: 20000, users: 100, workers: 4, holdS: 30 },
  // Sockets do not touch the database after login: one engine (the first asked for) is enough.
  targets: ({ engines }) => [`java-${engines[0]}`],

  async measure(target, p, log) {
    const accounts = await seedAccounts(target, { users: p.users, admins: 1 }, log);
    const pid = target.serverPids()[0];
    // heap figures exist only for the Java server; the Node peer (--targets node-peer) gets RSS only
    const javaPid = target.javaPids()[0];
    const before = await snapshot(pid, javaPid);
    const fleet = startFleet(p.workers);
    try {
      const t0 = Date.now();
      const connectMeter = startCpuMeter({ server: target.serverPids, client: () => [process.pid, ...fleet.pids()] });
      const share = (i) => Math.floor(p.sockets / p.workers) + (i < p.sockets % p.workers ? 1 : 0);
      const tokens = accounts.users.map((u) => u.token);
      await fleet.all("idle", (i) => ({ url: target.userUrl, tokens, count: share(i) }));
      const connectS = (Date.now() - t0) / 1000;
      const cpuWhileConnecting = connectMeter.stop();
      log(`  sockets opened in ${connectS.toFixed(1)} s; holding ${p.holdS} s`);
      const meter = startCpuMeter({ server: target.serverPids, client: () => [process.pid, ...fleet.pids()] });
      await sleep(p.holdS * 1000);
      const cpu = meter.stop();
      const status = merge(await fleet.all("idleStatus"));
      const after = await snapshot(pid, javaPid);
      const each = (a, b) =>
        status.connected && a !== null ? Math.round(((b - a) / status.connected) * 100) / 100 : null;
      return {
        ...status,
        requested: p.sockets,
        // every socket is a file descriptor: past this limit the server refuses connections ("Too many open files")
        serverMaxOpenFiles: maxOpenFiles(pid),
        connectSeconds: Math.round(connectS * 10) / 10,
        heapBeforeKb: before.heapKb,
        heapAfterKb: after.heapKb,
        heapPerSocketKb: each(before.heapKb, after.heapKb),
        // which objects make up a socket's share of the heap
        heapPerSocketByClass:
          javaPid && status.connected ? growthPerItem(before.classes, after.classes, status.connected) : [],
        rssBeforeMb: before.rssMb,
        rssAfterMb: after.rssMb,
        rssPerSocketKb: each(before.rssMb * 1024, after.rssMb * 1024),
        cpuPercentOfOneCoreWhileConnecting: cpuWhileConnecting,
        cpuPercentOfOneCoreWhileIdle: cpu,
        clientRssMb: fleet.pids().reduce((sum, pid) => sum + (rssMb(pid) ?? 0), 0),
      };
    } finally {
      await fleet.all("close").catch(() => {});
      await fleet.stop();
    }
  },

  parameters: (p) =>
    `${num(p.sockets)} websocket connections logged in as ${p.users} users, opened by ${p.workers} ` +
    `client processes, held ${p.holdS} s${p.holdS > PING_INTERVAL_S ? " (past one ping cycle)" : ""} ` +
    "before counting; " +
    "heap after two full GCs (jcmd GC.run)",

  render(rows) {
    const body = rows.map(({ label, result: r, error }) =>
      error ? [label, `failed: ${error}`, "", "", "", "", "", "", ""] : rowCells(label, r),
    );
    const checks = rows
      .filter((r) => r.result && r.kind !== "node-peer")
      .map(({ label, result: r }) =>
        verdict(
          r.connected >= 20_000 && r.heapPerSocketKb <= 10,
          `${label}: ≥ 20,000 idle sockets at ≤ 10 KB heap each (${num(r.connected)}, ${num(r.heapPerSocketKb, 2)} KB)`,
        ),
      );
    const capped = rows
      .filter((r) => r.result?.failed && r.result.serverMaxOpenFiles <= r.result.requested + FILES_BESIDES_SOCKETS)
      .map(
        ({ label, result: r }) =>
          `- ${label}: the server may hold ${num(r.serverMaxOpenFiles)} open files (this machine's hard limit); ` +
          `sockets past it are refused ("Too many open files" in its log) and time out on the client`,
      );
    const byClass = rows
      .filter((r) => r.result?.heapPerSocketByClass?.length)
      .map(({ label, result: r }) => {
        const classes = r.heapPerSocketByClass.slice(0, 8).map((c) => `${c.bytesEach} ${c.class}`);
        return `- ${label}, heap per socket by class (bytes): ${classes.join(", ")}`;
      });
    const headers = [
      "target",
      "sockets held",
      "server's open-file limit",
      "time to open",
      "heap after GC",
      "heap KB per socket",
      "server RSS",
      "RSS KB per socket",
      "CPU while idle, % of one core",
    ];
    return [table(headers, body), "", ...checks, ...capped, ...byClass].join("\n");
  },
};

function rowCells(label, r) {
  const failed = r.failed ? ` (${num(r.failed)} failed: ${r.reasons[0]})` : "";
  const dropped = r.dropped ? `, ${num(r.dropped)} dropped (${r.lastDropReason})` : "";
  return [
    label,
    `${num(r.connected)} of ${num(r.requested)}${failed}${dropped}`,
    num(r.serverMaxOpenFiles),
    `${num(r.connectSeconds, 1)} s (CPU ${cpuCell(r.cpuPercentOfOneCoreWhileConnecting)})`,
    r.heapBeforeKb === null ? "–" : `${num(r.heapBeforeKb / 1024, 1)} → ${num(r.heapAfterKb / 1024, 1)} MB`,
    num(r.heapPerSocketKb, 2),
    `${num(r.rssBeforeMb)} → ${num(r.rssAfterMb)} MB`,
    num(r.rssPerSocketKb, 1),
    cpuCell(r.cpuPercentOfOneCoreWhileIdle),
  ];
}

/** Heap after full GC and live classes (Java only), then resident memory. */
async function snapshot(pid, javaPid) {
  const heapKb = javaPid ? await heapAfterGcKb(javaPid) : null;
  const classes = javaPid ? await classHistogram(javaPid) : null;
  return { heapKb, classes, rssMb: rssMb(pid) };
}

function merge(statuses) {
  return {
    connected: statuses.reduce((s, x) => s + x.connected, 0),
    failed: statuses.reduce((s, x) => s + x.failed, 0),
    dropped: statuses.reduce((s, x) => s + x.dropped, 0),
    reasons: statuses.flatMap((x) => x.reasons).slice(0, 5),
    lastDropReason: statuses.map((x) => x.lastDropReason).find(Boolean) ?? null,
  };
}
