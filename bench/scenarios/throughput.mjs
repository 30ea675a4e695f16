// Scenario 1: conversations sending as fast as the acks allow; persisted messages per second and ack latency.
import { measureTraffic } from "../lib/traffic-run.mjs";
import { cpuCell, ms, num, ratio, table, verdict } from "../lib/report.mjs";

// Issue 7's targets on a two-core machine.
const MINIMUM_RATES = [
  ["java-sqlite", 20_000, "SQLite"],
  ["java-postgres", 10_000, "PostgreSQL"],
];

export default {
  name: "throughput",
  title: "Throughput (closed loop)",
  defaults: {
    conversations: 100,
    admins: 2,
    depth: 2,
    // on a busy two-core machine the JIT compiler is still at work after 10 s
    warmupS: 20,
    durationS: 30,
    drainS: 10,
    workers: 2,
    padding: 40,
  },

  targets: ({ engines, peer }) => [
    ...(engines.includes("sqlite") ? ["java-sqlite"] : []),
    ...(engines.includes("postgres") ? ["java-postgres", ...(peer ? ["node-peer"] : [])] : []),
  ],

  measure: (target, p, log) => measureTraffic(target, { ...p, mode: "closed" }, log),

  parameters: (p) =>
    `${p.conversations} conversations (one socket per user, ${p.admins} admin sockets sharing the ` +
    `chats), every socket keeps ${p.depth} messages in flight (an admin socket across its chats in turn); ` +
    `${p.durationS} s measured after ${p.warmupS} s of warm-up (longer while the JIT compiler is busy); ` +
    `${p.padding}-character filler per message; ${p.workers} client processes`,

  render(rows) {
    const peer = rows.find((r) => r.kind === "node-peer")?.result;
    const body = rows.map(({ label, kind, result: r, error }) =>
      error
        ? [label, `failed: ${error}`, "", "", "", "", "", "", "", ""]
        : [
            label,
            num(r.msgsPerSecond),
            `${ms(r.ackLatency.p50Ms)} / ${ms(r.ackLatency.p95Ms)} / ${ms(r.ackLatency.p99Ms)}`,
            storedCell(r),
            `${num(r.deliveredPercent, 1)} %`,
            r.orderKept ? "yes" : `no (${num(r.counts.outOfOrder)} out of order)`,
            cpuCell(r.cpuPercentOfOneCore),
            perMessage(r),
            failures(r),
            kind !== "node-peer" && kind.includes("postgres") ? ratio(r.msgsPerSecond, peer?.msgsPerSecond) : "",
          ],
    );
    const rate = (kind) => rows.find((r) => r.kind === kind)?.result?.msgsPerSecond;
    const checks = MINIMUM_RATES.filter(([kind]) => rate(kind) !== undefined).map(([kind, min, engine]) =>
      verdict(rate(kind) >= min, `≥ ${num(min)} persisted msgs/s on ${engine} (${num(rate(kind))})`),
    );
    if (rate("java-postgres") !== undefined && peer) {
      const times = ratio(rate("java-postgres"), peer.msgsPerSecond);
      checks.push(
        verdict(rate("java-postgres") >= 3 * peer.msgsPerSecond, `≥ 3× the Node peer on PostgreSQL (${times})`),
      );
    }
    return [
      table(
        [
          "target",
          "persisted msgs/s",
          "ack p50 / p95 / p99 ms",
          "stored = acked",
          "delivered",
          "order kept",
          "CPU, % of one core",
          "CPU µs per message: server / client / db",
          "failed sends",
          "vs Node peer",
        ],
        body,
      ),
      "",
      ...checks,
    ].join("\n");
  },
};

/** Every acknowledged message must be in the database (a few more may be stored whose ack was still on its way). */
function storedCell(r) {
  const ok = r.storedMessages >= r.counts.ackedTotal && r.storedMessages <= r.counts.ackedTotal + r.counts.unacked;
  return ok
    ? `yes (${num(r.storedMessages)})`
    : `no: ${num(r.storedMessages)} stored, ${num(r.counts.ackedTotal)} acked`;
}

/** CPU time per persisted message: with two cores, 2,000,000 µs/s divided by their sum is the machine's ceiling. */
function perMessage(r) {
  const us = (pct) => (r.msgsPerSecond ? Math.round(((pct ?? 0) * 1e4) / r.msgsPerSecond) : null);
  const c = r.cpuPercentOfOneCore;
  return `${num(us(c.server))} / ${num(us(c.client))} / ${num(us(c.postgres))}`;
}

export const failures = (r) => sendFailures(r) + (r.deadlocks ? `; ${num(r.deadlocks)} database deadlocks` : "");

const sendFailures = (r) =>
  r.counts.failed + r.counts.unacked === 0
    ? "0"
    : `${num(r.counts.failed)} errors ${JSON.stringify(r.errors)}, ${num(r.counts.unacked)} unanswered`;
