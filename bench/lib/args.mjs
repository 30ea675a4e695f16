// Command-line flags of run.mjs. Scenario parameters left unset keep each scenario's own defaults (see
// scenarios/*.mjs); a flag that is set applies to every scenario it means something to.
import { parseArgs } from "node:util";

export const USAGE = `Usage: node bench/run.mjs [flags]

  --scenario S        throughput | latency | team | idle | two-nodes | all, or a comma-separated list (default all);
                      soak (10 minutes, PostgreSQL) runs only when named
  --engine E          sqlite | postgres | both (default both); two-nodes always uses PostgreSQL
  --no-peer           do not measure the Node.js peer (bench/node-peer) next to the PostgreSQL runs
  --targets T,...     instead of the scenario's own servers: any of java-sqlite, java-postgres,
                      java-postgres-2nodes, node-peer (e.g. throughput on two nodes)
  --duration S        measured window, seconds          --warmup S   sending before the window, seconds
  --drain S           longest wait for the last acks and receipts after the window, seconds
  --conversations N   user↔admin conversations          --admins N   admin sockets (each answers many chats)
  --depth N           messages in flight per socket (throughput)
  --interval-ms N     each participant sends every N ms (latency, two-nodes)
  --padding N         filler characters per message (besides sequence number and timestamp)
  --workers N         load-client processes
  --sockets N         idle sockets to open (idle)      --idle-users N  accounts they log in as
  --hold S            how long idle sockets stay open before they are counted (> one 25 s ping cycle)
  --profile           record where the Java server's time goes (JFR, a thread dump every 2 s, CPU by thread);
                      it slows the server: use it to explain figures, not to take them
  --jar PATH          server jar (default target/support-chat.jar; copied before use, so a rebuild cannot
                      change it mid-run)
  --java-opts="..."   JVM flags for the server (default "-Xmx2g"; with "=", as the value starts with a dash)
  --peer-pool N       the Node peer's PostgreSQL pool size (default 16, the Java server's)
  --pg-url URL        PostgreSQL to create the run's databases in (default postgres://postgres@127.0.0.1:5432/postgres)
  --redis-url URL     Redis for two nodes (default redis://127.0.0.1:6379)
  --wait-quiet S      before each measurement, wait up to S seconds until other processes use < 25 % of one
                      core (a shared machine); the tables show what others used during the window anyway
  --no-report         write JSON only; leave docs/BENCHMARKS.md alone
`;

const SCENARIO_FLAGS = {
  duration: "durationS",
  warmup: "warmupS",
  drain: "drainS",
  conversations: "conversations",
  admins: "admins",
  depth: "depth",
  "interval-ms": "intervalMs",
  padding: "padding",
  workers: "workers",
  sockets: "sockets",
  "idle-users": "users",
  hold: "holdS",
};

export function parseFlags(argv) {
  const options = {
    scenario: { type: "string", default: "all" },
    engine: { type: "string", default: "both" },
    "no-peer": { type: "boolean", default: false },
    targets: { type: "string" },
    profile: { type: "boolean", default: false },
    jar: { type: "string" },
    "java-opts": { type: "string", default: "-Xmx2g" },
    "peer-pool": { type: "string", default: "16" },
    "pg-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    "redis-url": { type: "string", default: "redis://127.0.0.1:6379" },
    "no-report": { type: "boolean", default: false },
    "wait-quiet": { type: "string", default: "0" },
    help: { type: "boolean", default: false },
    ...Object.fromEntries(Object.keys(SCENARIO_FLAGS).map((k) => [k, { type: "string" }])),
  };
  const { values } = parseArgs({ args: argv, options, strict: true });
  const overrides = {};
  for (const [flag, key] of Object.entries(SCENARIO_FLAGS)) {
    if (values[flag] === undefined) continue;
    const n = Number(values[flag]);
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${flag} must be a number (got ${values[flag]})`);
    overrides[key] = n;
  }
  if (!["sqlite", "postgres", "both"].includes(values.engine))
    throw new Error(`--engine must be sqlite, postgres or both`);
  return {
    help: values.help,
    scenarios: values.scenario.split(",").map((s) => s.trim()),
    engines: values.engine === "both" ? ["sqlite", "postgres"] : [values.engine],
    peer: !values["no-peer"],
    targets: values.targets?.split(",").map((t) => t.trim()),
    profile: values.profile,
    jar: values.jar,
    javaOpts: values["java-opts"],
    peerPool: Number(values["peer-pool"]),
    pgAdminUrl: values["pg-url"],
    redisUrl: values["redis-url"],
    report: !values["no-report"],
    waitQuietS: Number(values["wait-quiet"]),
    overrides,
  };
}
