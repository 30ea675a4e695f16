// Where the Java server's time goes during a measured window, two ways:
//  - a JFR recording: samples of threads running Java code (CPU) and of threads inside native calls (CPU such as
//    SQLite, or waiting such as Net.poll for PostgreSQL's answer), each as the hottest frames and as the first frame
//    in our own code (dev.supportchat) under which the sample was taken;
//  - wall clock: a thread dump every second; what the busy threads are doing or waiting for (a lock, the database),
//    which CPU samples cannot show.
// (CPU by thread, which costs nothing, is measured in every run: cpu.mjs.)
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { jcmd } from "./jvm.mjs";

const run = promisify(execFile);
// Thread dumps stop the JVM briefly (a safepoint): often enough to see patterns, rarely enough not to be one.
const DUMP_EVERY_MS = 2000;
const TOP = 12;
const OURS = "dev.supportchat.";
// Threads sitting here have nothing to do: selectors, the acceptor, idle pool threads.
const IDLE_FRAMES = ["sun.nio.ch.EPoll.wait", "sun.nio.ch.Net.accept"];

export async function startProfile(pid, file) {
  // JFR's "default" settings (20 ms samples) rather than "profile": the recording must not become the load.
  await jcmd(pid, "JFR.start", "name=bench", "settings=default", `filename=${file}`);
  const dumps = [];
  const timer = setInterval(() => {
    jcmd(pid, "Thread.print").then(
      (d) => dumps.push(d),
      () => {},
    );
  }, DUMP_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await jcmd(pid, "JFR.stop", "name=bench");
      return {
        file,
        java: await samples(file, "jdk.ExecutionSample"),
        native: await samples(file, "jdk.NativeMethodSample"),
        threads: threadStates(dumps),
      };
    },
  };
}

async function samples(file, eventType) {
  const { stdout } = await run("jfr", ["print", "--events", eventType, "--stack-depth", "64", file], {
    maxBuffer: 1024 * 1024 * 1024,
  });
  const hottest = new Map();
  const underOurs = new Map();
  let count = 0;
  for (const event of stdout.split(/^jdk\.\w+ \{/m).slice(1)) {
    const frames = [...event.matchAll(/^\s+([\w$.<>/]+)\(/gm)].map((m) => m[1]);
    if (frames.length === 0 || IDLE_FRAMES.includes(frames[0])) continue;
    count += 1;
    bump(hottest, frames[0]);
    bump(underOurs, frames.find((f) => f.startsWith(OURS)) ?? "(no dev.supportchat frame: library thread)");
  }
  return { samples: count, hottestFrames: rank(hottest, count), underOurCode: rank(underOurs, count) };
}

/** Average number of threads per dump doing each thing, busiest first. */
function threadStates(dumps) {
  const doing = new Map();
  for (const dump of dumps) {
    for (const block of dump.split("\n\n").filter((b) => b.startsWith('"'))) {
      const what = describe(block);
      if (what) bump(doing, what);
    }
  }
  const perDump = (n) => Math.round((10 * n) / Math.max(1, dumps.length)) / 10;
  return {
    dumps: dumps.length,
    busyThreads: [...doing]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([what, n]) => ({ what, threads: perDump(n) })),
  };
}

/** "running in X" or "waiting for <lock> in X", X the first frame in our code; null for an idle thread. */
function describe(block) {
  const frames = [...block.matchAll(/^\s+at ([\w$.<>/]+)\(/gm)].map((m) => m[1]);
  if (frames.length === 0 || IDLE_FRAMES.includes(frames[0])) return null;
  const ours = frames.find((f) => f.startsWith(OURS));
  const state = /java\.lang\.Thread\.State: (\w+)/.exec(block)?.[1];
  if (!ours && state !== "RUNNABLE") return null; // a parked pool thread waiting for work
  const where = ours ?? frames[0];
  if (state === "RUNNABLE") return `running in ${where} (top: ${frames[0]})`;
  const lock = /- (?:parking to wait for|waiting to lock|waiting on) +<[^>]+> \(a ([\w$.]+)\)/.exec(block)?.[1];
  return `waiting${lock ? ` for ${lock}` : ""} in ${where}`;
}

const bump = (map, key) => map.set(key, (map.get(key) ?? 0) + 1);
const rank = (map, total) =>
  [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP)
    .map(([frame, n]) => ({ frame, share: Math.round((1000 * n) / Math.max(1, total)) / 10 }));
