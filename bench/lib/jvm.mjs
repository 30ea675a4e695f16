// Looking inside a running Java server with the JDK's own tools (jcmd): heap after a full GC, thread dumps.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);
export const jcmd = async (pid, ...args) =>
  (await run("jcmd", [String(pid), ...args], { maxBuffer: 16 * 1024 * 1024 })).stdout;

/** Heap in use right after a full collection, in KB (two collections, so objects freed by finalisation go too). */
export async function heapAfterGcKb(pid) {
  await jcmd(pid, "GC.run");
  await jcmd(pid, "GC.run");
  const info = await jcmd(pid, "GC.heap_info");
  // G1: " garbage-first heap   total 1048576K, used 23456K [0x…"; the parallel and serial collectors print one
  // such line per generation (" PSYoungGen total …, used …K", " ParOldGen total …, used …K"): their sum.
  const used = [...info.matchAll(/^\s*[\w -]+?\s+total\s+\d+K,\s+used\s+(\d+)K/gm)].map((m) => Number(m[1]));
  if (used.length === 0) throw new Error(`cannot read heap use from jcmd GC.heap_info:\n${info}`);
  return used.reduce((a, b) => a + b, 0);
}

/** Live objects by class after a full GC: Map(class name → { instances, bytes }). */
export async function classHistogram(pid) {
  const out = await jcmd(pid, "GC.class_histogram");
  const classes = new Map();
  // "   1:         12345        678900  java.util.HashMap$Node (java.base@17.0.15)"
  for (const m of out.matchAll(/^\s*\d+:\s+(\d+)\s+(\d+)\s+(\S+)/gm)) {
    classes.set(readableClass(m[3]), { instances: Number(m[1]), bytes: Number(m[2]) });
  }
  return classes;
}

/** What `count` new things cost per thing, by class: the classes that grew most between two histograms. */
export function growthPerItem(before, after, count, top = 12) {
  return [...after]
    .map(([name, a]) => {
      const b = before.get(name) ?? { instances: 0, bytes: 0 };
      return {
        class: name,
        bytesEach: (a.bytes - b.bytes) / count,
        instancesEach: (a.instances - b.instances) / count,
      };
    })
    .sort((x, y) => y.bytesEach - x.bytesEach)
    .slice(0, top)
    .map((g) => ({ ...g, bytesEach: Math.round(g.bytesEach), instancesEach: Math.round(g.instancesEach * 100) / 100 }));
}

const PRIMITIVE_ARRAYS = {
  "[B": "byte[]",
  "[C": "char[]",
  "[I": "int[]",
  "[J": "long[]",
  "[Z": "boolean[]",
  "[S": "short[]",
};

/** "[Ljava.lang.Object;" → "java.lang.Object[]", "[B" → "byte[]". */
function readableClass(name) {
  if (PRIMITIVE_ARRAYS[name]) return PRIMITIVE_ARRAYS[name];
  const array = /^\[L(.+);$/.exec(name);
  return array ? `${array[1]}[]` : name;
}
