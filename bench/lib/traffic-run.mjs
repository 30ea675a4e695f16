// One measurement of conversation traffic against one target: seed accounts, open the conversations across the
// workers, send (closed or open loop), measure a window, drain, and merge what the workers saw. Shared by the
// throughput, latency and two-node scenarios.
import { join } from "node:path";
import { seedAccounts } from "./accounts.mjs";
import { pidsNamed, startCpuMeter, startThreadMeter } from "./cpu.mjs";
import { startFleet } from "./fleet.mjs";
import { Histogram } from "./histogram.mjs";
import { startProfile } from "./profile.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const DRAIN_POLL_MS = 250;

/**
 * p: { conversations, admins, workers, mode: "closed" | "open", depth, intervalMs, usersOnly, warmupS, durationS,
 *      drainS, padding, accountPrefix, profile, profileDir }
 */
export async function measureTraffic(target, p, log) {
  const workers = Math.min(p.workers, p.conversations);
  // Every worker needs its own admin sockets: both sides of a conversation live in one process (one clock).
  const admins = Math.max(p.admins, workers);
  const accounts = await seedAccounts(target, { users: p.conversations, admins, prefix: p.accountPrefix }, log);
  const fleet = startFleet(workers);
  try {
    await fleet.all("open", (i) => ({ plan: planFor(i, workers, accounts, target), padding: p.padding }));
    log(`  ${p.conversations} conversations open on ${workers} workers, ${admins} admin sockets`);
    log(`  warming up ${p.warmupS} s`);
    await fleet.all("drive", () => ({
      mode: p.mode,
      depth: p.depth,
      intervalMs: p.intervalMs,
      usersOnly: p.usersOnly === true,
    }));
    await sleep(p.warmupS * 1000);
    const jitWarmupS = await waitForCompiledCode(target.javaPids(), log);

    const javaPid = target.javaPids()[0];
    const profiler =
      p.profile && javaPid ? await startProfile(javaPid, join(p.profileDir, `${target.kind}-${Date.now()}.jfr`)) : null;
    const meter = startCpuMeter({
      server: target.serverPids,
      client: () => [process.pid, ...fleet.pids()],
      postgres: () => (target.engine === "postgres" ? pidsNamed("postgres") : []),
      redis: () => (target.nodes.length > 1 ? pidsNamed("redis-server") : []),
    });
    const threadMeter = javaPid ? startThreadMeter(javaPid) : null;
    await fleet.all("phase", () => ({ phase: "measure" }));
    const t0 = performance.now();
    await sleep(p.durationS * 1000);
    await fleet.all("phase", () => ({ phase: "drain" }));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = meter.stop();
    const cpuByThread = threadMeter?.stop() ?? null;
    const profile = profiler ? await profiler.stop() : null;

    await drain(fleet, p.drainS * 1000);
    const merged = merge(await fleet.all("result"));
    const stored = await storedMessages(target);
    const deadlocks = await deadlockCount(target);
    return {
      seconds: Math.round(seconds * 10) / 10,
      msgsPerSecond: Math.round(merged.counts.ackedInWindow / seconds),
      ...merged,
      storedMessages: stored,
      deadlocks,
      jitWarmupS,
      adminSockets: admins,
      workers,
      cpuPercentOfOneCore: cpu,
      cpuByThread,
      profile,
    };
  } finally {
    await fleet.all("close").catch(() => {});
    await fleet.stop();
  }
}

const JIT_BUSY_PERCENT = 5;
const JIT_CHECK_S = 5;
const JIT_MAX_EXTRA_S = 90;

/**
 * Keeps the warm-up going while the JIT compiler threads of any Java server still use more than 5 % of a core
 * (checked every 5 s, at most 90 s more), and returns the seconds added. On a slow or busy machine a fixed warm-up
 * can end with the compiler still busy (20-28 % of a core measured): the window then measures half-compiled code
 * and the compiler's own CPU.
 */
async function waitForCompiledCode(javaPids, log) {
  let extraS = 0;
  while (javaPids.length > 0 && extraS < JIT_MAX_EXTRA_S) {
    const meters = javaPids.map((pid) => startThreadMeter(pid));
    await sleep(JIT_CHECK_S * 1000);
    const compiling = meters.map((m) =>
      m
        .stop()
        .filter((t) => t.thread.includes("CompilerThre"))
        .reduce((sum, t) => sum + t.percentOfOneCore, 0),
    );
    extraS += JIT_CHECK_S;
    if (Math.max(...compiling) <= JIT_BUSY_PERCENT) break;
    log(`  JIT compiler still busy (${compiling.join(" / ")} % of a core): warming up ${JIT_CHECK_S} s more`);
  }
  return extraS;
}

async function storedMessages(target) {
  const [row] = await target.sql.query("SELECT COUNT(*) AS n FROM messages");
  return Number(row.n);
}

/** Transactions PostgreSQL aborted to break a lock cycle (each retried by the server, at a cost); null on SQLite. */
async function deadlockCount(target) {
  if (target.engine !== "postgres") return null;
  const [row] = await target.sql.query("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()");
  return Number(row.deadlocks);
}

/** Worker i gets every `workers`-th conversation and admin; its conversations are shared among its admins. */
function planFor(i, workers, accounts, target) {
  const admins = accounts.admins.filter((_, k) => k % workers === i);
  const users = accounts.users.filter((_, k) => k % workers === i);
  return {
    userUrl: target.userUrl,
    adminUrl: target.adminUrl,
    admins: admins.map((a) => ({ token: a.token })),
    conversations: users.map((u, k) => ({ chatId: u.chatId, userToken: u.token, admin: k % admins.length })),
  };
}

/** Waits until no message is waiting for its ack, or `maxMs`; receipts arrive with or just after the acks. */
async function drain(fleet, maxMs) {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    const results = await fleet.all("result");
    if (results.every((r) => r.counts.unacked === 0)) break;
    await sleep(DRAIN_POLL_MS);
  }
  await sleep(DRAIN_POLL_MS * 4);
}

function merge(results) {
  const ack = new Histogram();
  const endToEnd = new Histogram();
  const toAdmin = new Histogram();
  const toUser = new Histogram();
  const counts = {};
  const errors = {};
  for (const r of results) {
    ack.merge(Histogram.fromJSON(r.ack));
    endToEnd.merge(Histogram.fromJSON(r.endToEnd));
    toAdmin.merge(Histogram.fromJSON(r.toAdmin));
    toUser.merge(Histogram.fromJSON(r.toUser));
    for (const [k, v] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + v;
    for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
  }
  const delivered = counts.sentMeasured ? counts.receivedMeasured / counts.sentMeasured : null;
  return {
    counts,
    errors,
    ackLatency: ack.summary(),
    endToEndLatency: endToEnd.summary(),
    userToAdminLatency: toAdmin.summary(),
    adminToUserLatency: toUser.summary(),
    deliveredPercent: delivered === null ? null : Math.round(delivered * 100_000) / 1000,
    orderKept: counts.outOfOrder === 0,
    clientEventLoopDelay: results.map((r) => r.eventLoopDelay),
  };
}
