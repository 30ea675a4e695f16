// Scenario "team" (issue 20): a support team at work. Users send; a few agent dashboards each hear of every user
// message. A closed loop (each user sends its next message when the previous one is acknowledged) measures
// persisted messages per second and server CPU per message; an open loop at a human pace then measures delivery
// latency to the agents; the server's resident memory is read after both.
import { measureTraffic } from "../lib/traffic-run.mjs";
import { rssMb } from "../lib/proc.mjs";
import { cpuCell, ms, num, ratio, table, verdict } from "../lib/report.mjs";
import { failures } from "./throughput.mjs";
import { jcmd } from "../lib/jvm.mjs";

// Issue 20's targets, against the Node peer measured in the same run.
const TARGETS = { cpuPerMessage: 0.25, postgresRate: 5, sqliteRate: 7, p50Ms: 2, rss: 1.5 };

export default {
  name: "team",
  title: "A support team at work (users send, every agent dashboard is notified)",
  defaults: {
    conversations: 200,
    admins: 4,
    depth: 1,
    warmupS: 20,
    durationS: 30,
    intervalMs: 5000,
    openWarmupS: 5,
    drainS: 10,
    workers: 2,
    padding: 40,
  },

  targets: ({ engines, peer }) => [
    ...(engines.includes("postgres") ? [...(peer ? ["node-peer"] : []), "java-postgres"] : []),
    ...(engines.includes("sqlite") ? ["java-sqlite"] : []),
  ],

  async measure(target, p, log) {
    log("  closed loop");
    const closed = await measureTraffic(target, { ...p, mode: "closed", usersOnly: true }, log);
    log("  open loop");
    const open = await measureTraffic(
      target,
      { ...p, mode: "open", usersOnly: true, warmupS: p.openWarmupS, profile: false, accountPrefix: "open-" },
      log,
    );
    const rss = target.serverPids().reduce((sum, pid) => sum + rssMb(pid), 0);
    return { closed, open, rssMb: rss, nativeMemory: await nativeMemory(target) };
  },

  parameters: (p) =>
    `${p.conversations} users with one chat each, ${p.admins} admin dashboard sockets (each joined to a share of ` +
    `the chats, each notified of every user message); closed loop: every user keeps ${p.depth} message in ` +
    `flight, ${p.durationS} s measured after ${p.warmupS} s of warm-up; then open loop: every user sends one ` +
    `message every ${p.intervalMs} ms, ${p.durationS} s measured after ${p.openWarmupS} s; only users send; ` +
    `${p.padding}-character filler; ${p.workers} client processes; RSS of the server read after both`,

  render(rows) {
    const peer = rows.find((r) => r.kind === "node-peer")?.result;
    const perMessage = (r) =>
      r.closed.msgsPerSecond ? (r.closed.cpuPercentOfOneCore.server * 1e4) / r.closed.msgsPerSecond : null;
    const body = rows.map(({ label, kind, result: r, error }) => {
      if (error) return [label, `failed: ${error}`, ...Array(9).fill("")];
      const c = r.closed;
      const o = r.open.endToEndLatency;
      const isPeer = kind === "node-peer";
      return [
        label,
        num(c.msgsPerSecond),
        isPeer ? "" : ratio(c.msgsPerSecond, peer?.closed.msgsPerSecond),
        num(perMessage(r)),
        isPeer || !peer ? "" : ratio(perMessage(r), perMessage(peer)),
        `${num(c.counts.notifications / Math.max(1, c.counts.ackedTotal), 2)}`,
        cpuCell(c.cpuPercentOfOneCore),
        `${ms(o.p50Ms)} / ${ms(o.p99Ms)} / ${ms(o.maxMs)}`,
        `${num(r.open.deliveredPercent, 2)} %, ${r.open.orderKept && c.orderKept ? "order kept" : "order broken"}`,
        num(r.rssMb),
        `${failures(c)} · ${failures(r.open)}`,
      ];
    });
    const checks = [];
    for (const { label, kind, result: r } of rows) {
      if (!r || kind === "node-peer" || !peer) continue;
      const rate = r.closed.msgsPerSecond / peer.closed.msgsPerSecond;
      const needed = kind.includes("sqlite") ? TARGETS.sqliteRate : TARGETS.postgresRate;
      const cpu = perMessage(r) / perMessage(peer);
      checks.push(
        verdict(rate >= needed, `${label}: ≥ ${needed}× the peer's persisted msgs/s (${num(rate, 2)}×)`),
        verdict(cpu <= TARGETS.cpuPerMessage, `${label}: CPU per message ≤ 0.25× the peer's (${num(cpu, 2)}×)`),
        verdict(
          r.open.endToEndLatency.p99Ms <= peer.open.endToEndLatency.p99Ms &&
            r.open.endToEndLatency.p50Ms <= TARGETS.p50Ms,
          `${label}: open-loop delivery p99 ≤ the peer's and p50 ≤ 2 ms (p50 ${ms(r.open.endToEndLatency.p50Ms)}, ` +
            `p99 ${ms(r.open.endToEndLatency.p99Ms)} vs ${ms(peer.open.endToEndLatency.p99Ms)} ms)`,
        ),
        verdict(r.rssMb <= TARGETS.rss * peer.rssMb, `${label}: RSS ≤ 1.5× the peer's (${ratio(r.rssMb, peer.rssMb)})`),
      );
    }
    return [
      table(
        [
          "target",
          "persisted msgs/s (closed)",
          "vs peer",
          "server CPU µs per message",
          "vs peer",
          "notifications per message",
          "CPU, % of one core (closed)",
          "open-loop delivery p50 / p99 / max ms",
          "delivered (open)",
          "RSS after, MB",
          "failed sends (closed · open)",
        ],
        body,
      ),
      "",
      ...checks,
    ].join("\n");
  },
};

/** What the JVM's memory is made of (committed KB by area), when it runs with -XX:NativeMemoryTracking=summary. */
async function nativeMemory(target) {
  const [pid] = target.javaPids();
  if (!pid) return null;
  const summary = await jcmd(pid, "VM.native_memory", "summary").catch(() => "");
  const areas = {};
  for (const m of summary.matchAll(/^-\s+([\w ]+?) \(reserved=\d+KB, committed=(\d+)KB\)/gm))
    areas[m[1]] = Number(m[2]);
  return Object.keys(areas).length ? areas : null;
}
