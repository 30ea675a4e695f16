// The soak test (issue 8): 500 user↔admin conversations exchanging messages for 10 minutes against one server on
// PostgreSQL. Reports throughput, latency percentiles, messages lost (must be 0), and the heap after a full GC
// before the load and again after it, once every client has gone: a leak shows as growth between the two. Not part of
// `--scenario all` (it takes 11 minutes): run it with `--scenario soak`.
import { heapAfterGcKb } from "../lib/jvm.mjs";
import { measureTraffic } from "../lib/traffic-run.mjs";
import { num, verdict } from "../lib/report.mjs";
import { latencyParameters, renderLatency } from "./latency.mjs";

/** Heap may move a little between two full GCs (caches, JIT); more than this over ten minutes is growth. */
const GROWTH_TOLERANCE_MB = 16;

export default {
  name: "soak",
  title: "Soak (open loop, 10 minutes)",
  onDemand: true,
  defaults: {
    conversations: 500,
    admins: 20,
    intervalMs: 2000,
    warmupS: 15,
    durationS: 600,
    drainS: 20,
    workers: 2,
    padding: 40,
  },

  targets: () => ["java-postgres"],

  async measure(target, p, log) {
    const pid = target.javaPids()[0];
    const heapStartKb = await heapAfterGcKb(pid);
    log(`  soak: ${p.durationS} s`);
    const result = await measureTraffic(target, { ...p, mode: "open" }, log);
    const heapEndKb = await heapAfterGcKb(pid);
    return { ...result, heapStartKb, heapEndKb };
  },

  parameters: (p) => `${latencyParameters(p)}; heap after a full GC measured before the load and after it`,

  render(rows) {
    const heap = rows
      .filter((r) => r.result)
      .flatMap(({ label, result: r }) => {
        const growthMb = (r.heapEndKb - r.heapStartKb) / 1024;
        const lost = r.counts.sentMeasured - r.counts.receivedMeasured;
        return [
          `- ${label}: ${num(r.msgsPerSecond)} msgs/s acknowledged over ${num(r.seconds)} s; heap after GC ` +
            `${num(r.heapStartKb / 1024, 1)} MB before the load, ${num(r.heapEndKb / 1024, 1)} MB after it`,
          verdict(growthMb <= GROWTH_TOLERANCE_MB, `${label}: no heap growth (${num(growthMb, 1)} MB)`),
          verdict(lost === 0 && r.storedMessages >= r.counts.sentMeasured, `${label}: nothing lost (${num(lost)})`),
        ];
      });
    return [renderLatency(rows, { p50: 5, p99: 25 }), "", ...heap].join("\n");
  },
};
