// Scenario 2: many live conversations at a fixed, human-like pace (open loop); end-to-end latency from a send to
// the other side's receipt, delivery and per-conversation order.
import { measureTraffic } from "../lib/traffic-run.mjs";
import { cpuCell, ms, num, ratio, table, verdict } from "../lib/report.mjs";
import { failures } from "./throughput.mjs";

export const LATENCY_DEFAULTS = {
  conversations: 1000,
  admins: 20,
  intervalMs: 5000,
  warmupS: 15,
  durationS: 30,
  drainS: 10,
  workers: 2,
  padding: 40,
};

export default {
  name: "latency",
  title: "Latency under load (open loop)",
  defaults: LATENCY_DEFAULTS,

  targets: ({ engines, peer }) => [
    ...(engines.includes("sqlite") ? ["java-sqlite"] : []),
    ...(engines.includes("postgres") ? ["java-postgres", ...(peer ? ["node-peer"] : [])] : []),
  ],

  measure: (target, p, log) => measureTraffic(target, { ...p, mode: "open" }, log),

  parameters: latencyParameters,

  render: (rows) => renderLatency(rows, { p50: 5, p99: 25 }),
};

export function latencyParameters(p) {
  return (
    `${p.conversations} conversations, user and admin side each send one message every ${p.intervalMs} ms ` +
    `(${num((2 * p.conversations * 1000) / p.intervalMs)} msgs/s offered; one socket per user, ${p.admins} admin ` +
    `sockets sharing the chats, each also notified of every user message); ${p.durationS} s measured after ` +
    `${p.warmupS} s of warm-up (longer while the JIT compiler is busy); ${p.padding}-character filler; ` +
    `${p.workers} client processes`
  );
}

/** One row per target; limits.p50 (null: none) and limits.p99 are the targets (ms) for the Java rows. */
export function renderLatency(rows, limits) {
  const peer = rows.find((r) => r.kind === "node-peer")?.result;
  const body = rows.map(({ label, kind, result: r, error }) =>
    error
      ? [label, `failed: ${error}`, "", "", "", "", "", "", "", "", ""]
      : [
          label,
          num(r.counts.sentMeasured / r.seconds),
          [r.endToEndLatency.p50Ms, r.endToEndLatency.p95Ms, r.endToEndLatency.p99Ms, r.endToEndLatency.maxMs]
            .map(ms)
            .join(" / "),
          `${ms(r.userToAdminLatency.p99Ms)} / ${ms(r.adminToUserLatency.p99Ms)}`,
          ms(r.ackLatency.p99Ms),
          `${num(r.deliveredPercent, 2)} % (${num(r.counts.receivedMeasured)} of ${num(r.counts.sentMeasured)})`,
          r.orderKept ? "yes" : `no (${num(r.counts.outOfOrder)})`,
          ms(Math.max(...r.clientEventLoopDelay.map((d) => d.p99Ms))),
          cpuCell(r.cpuPercentOfOneCore),
          failures(r),
          kind !== "node-peer" && peer ? ratio(peer.endToEndLatency.p99Ms, r.endToEndLatency.p99Ms) : "",
        ],
  );
  const checks = rows
    .filter((r) => r.kind !== "node-peer" && r.result)
    .flatMap(({ label, result: r }) => [
      verdict(
        (limits.p50 === null || r.endToEndLatency.p50Ms <= limits.p50) && r.endToEndLatency.p99Ms <= limits.p99,
        `${label}: ${limits.p50 === null ? "" : `p50 ≤ ${limits.p50} ms and `}p99 ≤ ${limits.p99} ms ` +
          `(p50 ${ms(r.endToEndLatency.p50Ms)}, p99 ${ms(r.endToEndLatency.p99Ms)} ms)`,
      ),
      verdict(
        r.deliveredPercent === 100 && r.orderKept,
        `${label}: 100 % delivered, order kept ` +
          `(${num(r.deliveredPercent, 2)} %, ${r.orderKept ? "order kept" : "order broken"})`,
      ),
    ]);
  return [
    table(
      [
        "target",
        "sent msgs/s",
        "end-to-end p50 / p95 / p99 / max ms",
        "p99 user→admin / admin→user ms",
        "ack p99 ms",
        "delivered",
        "order kept",
        "client loop lag p99 ms",
        "CPU, % of one core",
        "failed sends",
        "p99: peer ÷ ours",
      ],
      body,
    ),
    "",
    ...checks,
  ].join("\n");
}
