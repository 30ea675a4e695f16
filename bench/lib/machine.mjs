// What a result was measured on: cores, CPU, memory, software versions, the commit, and how busy the machine was
// before we started (on a shared machine, other people's work competes for the same two cores).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { promisify } from "node:util";
import { postgresSql } from "./databases.mjs";

const run = promisify(execFile);

async function firstLine(cmd, args, fromStderr = false) {
  try {
    const { stdout, stderr } = await run(cmd, args);
    return (fromStderr ? stderr : stdout).split("\n")[0].trim();
  } catch {
    return null;
  }
}

async function redisVersion(url) {
  try {
    const { stdout } = await run("redis-cli", ["-u", url, "INFO", "server"]);
    return /redis_version:(\S+)/.exec(stdout)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** Which server build was measured: the jar's time and a short hash (the repository may have moved on since). */
function describeJar(path) {
  const sha256 = createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 12);
  return { builtAt: statSync(path).mtime.toISOString().slice(0, 16).replace("T", " "), sha256 };
}

export async function describeMachine({ pgAdminUrl, redisUrl, repoRoot, jar }) {
  let postgres = null;
  try {
    postgres = (await postgresSql(pgAdminUrl).query("SHOW server_version"))[0].server_version;
  } catch {
    // PostgreSQL is only needed for the postgres engine
  }
  const dirty = await firstLine("git", ["-C", repoRoot, "status", "--porcelain", "--", "src", "pom.xml"]);
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model?.trim() ?? "unknown",
    ramGb: Math.round(totalmem() / 2 ** 30),
    java: /"([^"]+)"/.exec((await firstLine("java", ["-version"], true)) ?? "")?.[1] ?? null,
    node: process.version,
    postgres,
    redis: await redisVersion(redisUrl),
    commit: await firstLine("git", ["-C", repoRoot, "rev-parse", "--short", "HEAD"]),
    // the jar may contain work not yet committed by other engineers
    sourceChangedSinceCommit: Boolean(dirty),
    jar: describeJar(jar),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

export function machineLine(m) {
  return (
    `${m.cores} × ${m.cpu}, ${m.ramGb} GB RAM; Java ${m.java}, Node ${m.node}, PostgreSQL ${m.postgres ?? "n/a"}, ` +
    `Redis ${m.redis ?? "n/a"}; repository at ${m.commit}` +
    `${m.sourceChangedSinceCommit ? " + uncommitted changes" : ""}, ` +
    `server jar built ${m.jar.builtAt} UTC (sha256 ${m.jar.sha256}); ` +
    `load average at start ${m.loadAverageAtStart.join(" / ")}`
  );
}
