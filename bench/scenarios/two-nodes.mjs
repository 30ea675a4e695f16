// Scenario 4: the latency scenario across two server nodes sharing PostgreSQL and Redis: every user on node A,
// every admin on node B, so each message crosses Redis to reach the other side.
import { measureTraffic } from "../lib/traffic-run.mjs";
import { LATENCY_DEFAULTS, latencyParameters, renderLatency } from "./latency.mjs";

export default {
  name: "two-nodes",
  title: "Two nodes through Redis (open loop)",
  defaults: LATENCY_DEFAULTS,
  targets: () => ["java-postgres-2nodes"],
  measure: (target, p, log) => measureTraffic(target, { ...p, mode: "open" }, log),
  parameters: (p) => `users on node A, admins on node B; ${latencyParameters(p)}`,
  render: (rows) => renderLatency(rows, { p50: null, p99: 50 }),
};
