// Benchmarks the support chat server: starts the servers itself (fresh databases), drives them with the official
// socket.io-client from a few worker processes, stops them, writes JSON to bench/results/ and appends a dated
// section to docs/BENCHMARKS.md. `node bench/run.mjs --help` lists the flags.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { USAGE, parseFlags } from "./lib/args.mjs";
import { describeMachine, machineLine } from "./lib/machine.mjs";
import { stopAll } from "./lib/proc.mjs";
import { appendToBenchmarks, writeJson } from "./lib/report.mjs";
import { TARGETS, startTarget } from "./lib/targets.mjs";
import { renderDiagnostics } from "./lib/diagnostics.mjs";
import { waitForQuiet } from "./lib/quiet.mjs";
import throughput from "./scenarios/throughput.mjs";
import latency from "./scenarios/latency.mjs";
import idle from "./scenarios/idle.mjs";
import twoNodes from "./scenarios/two-nodes.mjs";
import soak from "./scenarios/soak.mjs";
import team from "./scenarios/team.mjs";

const SCENARIOS = [throughput, latency, team, idle, twoNodes, soak];
const QUIET_BUSY_PERCENT = 25;
const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, "..");
const log = (line) => console.log(line);

const opts = parseFlags(process.argv.slice(2));
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const unknownTarget = opts.targets?.find((t) => !TARGETS[t]);
if (unknownTarget) throw new Error(`unknown target ${unknownTarget}; one of ${Object.keys(TARGETS).join(", ")}`);
const selected = opts.scenarios.includes("all")
  ? SCENARIOS.filter((s) => !s.onDemand)
  : opts.scenarios.map((name) => {
      const s = SCENARIOS.find((x) => x.name === name);
      if (!s) throw new Error(`unknown scenario ${name}; one of ${SCENARIOS.map((x) => x.name).join(", ")}, all`);
      return s;
    });

const jarSource = opts.jar ?? join(repoRoot, "target", "support-chat.jar");
if (!existsSync(jarSource)) {
  console.error(`no server jar at ${jarSource}; build it first: mvn -B -q package -DskipTests (or pass --jar)`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), "bench-run-"));
const jar = copyJar(jarSource);
const resultsDir = join(benchDir, "results");
const runId = new Date().toISOString().replace(/[:.]/g, "-");
const targetOptions = {
  jar,
  javaOpts: opts.javaOpts,
  pgAdminUrl: opts.pgAdminUrl,
  redisUrl: opts.redisUrl,
  peerPool: opts.peerPool,
  schemaDir: join(repoRoot, "src", "main", "resources", "db", "migration"),
  logDir: join(resultsDir, "logs", runId),
};
let current = null;

// Ctrl-C: stop what we started (servers, workers, databases) before leaving.
process.once("SIGINT", async () => {
  log("\ninterrupted: stopping servers and workers");
  await current?.stop().catch(() => {});
  await stopAll();
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
});

try {
  const machine = await describeMachine({
    pgAdminUrl: opts.pgAdminUrl,
    redisUrl: opts.redisUrl,
    repoRoot,
    jar: jarSource,
  });
  log(machineLine(machine));
  for (const scenario of selected) await runScenario(scenario, machine);
} finally {
  await stopAll();
  rmSync(work, { recursive: true, force: true });
}

async function runScenario(scenario, machine) {
  const params = { ...scenario.defaults, profile: opts.profile, profileDir: resultsDir };
  for (const key of Object.keys(scenario.defaults)) if (key in opts.overrides) params[key] = opts.overrides[key];
  mkdirSync(resultsDir, { recursive: true });
  const startedAt = new Date().toISOString();
  const rows = [];
  for (const kind of opts.targets ?? scenario.targets(opts)) {
    const label = TARGETS[kind].label;
    log(`\n${scenario.title} · ${label}`);
    try {
      if (opts.waitQuietS > 0)
        await waitForQuiet({ maxBusyPercent: QUIET_BUSY_PERCENT, maxWaitS: opts.waitQuietS }, log);
      current = await startTarget(kind, targetOptions);
      rows.push({ kind, label, result: await scenario.measure(current, params, log) });
    } catch (e) {
      log(`  failed: ${e.stack ?? e}`);
      rows.push({ kind, label, error: String(e.message ?? e).split("\n")[0] });
    } finally {
      await current?.stop().catch((e) => log(`  cleanup failed: ${e.message}`));
      current = null;
    }
  }
  const run = {
    scenario: scenario.name,
    title: scenario.title,
    startedAt,
    command: commandLine(),
    machine,
    parameters: params,
    rows,
  };
  const markdown = section(scenario, run);
  log(`\n${markdown}\n\nJSON: ${writeJson(resultsDir, run)}`);
  if (opts.report) appendToBenchmarks(join(repoRoot, "docs", "BENCHMARKS.md"), markdown);
}

function section(scenario, run) {
  const when = run.startedAt.slice(0, 16).replace("T", " ");
  return [
    `### ${when} UTC · ${scenario.title}`,
    "",
    `Command: \`${run.command}\``,
    "",
    `Machine: ${machineLine(run.machine)}.`,
    "",
    `Parameters: ${scenario.parameters(run.parameters)}.`,
    "",
    scenario.render(run.rows),
    renderDiagnostics(run.rows),
  ].join("\n");
}

function commandLine() {
  const quote = (a) => (/[\s"']/.test(a) ? `'${a}'` : a);
  return ["node", "bench/run.mjs", ...process.argv.slice(2).map(quote)].join(" ");
}

/** A private copy of the jar: a `mvn package` by someone else during the run must not swap it under the server. */
function copyJar(path) {
  const copy = join(work, "support-chat.jar");
  copyFileSync(path, copy);
  return copy;
}
