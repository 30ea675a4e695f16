// Where results go: one JSON file per run in bench/results/ (git-ignored), and a dated section appended to the
// results part of docs/BENCHMARKS.md, between markers so that the rest of that file stays its authors'.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const START = "<!-- bench:results:start (appended by bench/run.mjs; newest last) -->";
const END = "<!-- bench:results:end -->";

export function writeJson(resultsDir, run) {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${run.startedAt.replace(/[:.]/g, "-")}-${run.scenario}.json`);
  writeFileSync(file, JSON.stringify(run, null, 2));
  return file;
}

/** Appends `markdown` just before the end marker; creates the results block (at the end of the file) if missing. */
export function appendToBenchmarks(docFile, markdown) {
  let doc = existsSync(docFile) ? readFileSync(docFile, "utf8") : "# Benchmarks\n";
  if (!doc.includes(START) || !doc.includes(END)) doc = `${doc.trimEnd()}\n\n## Results\n\n${START}\n${END}\n`;
  const at = doc.indexOf(END);
  writeFileSync(docFile, `${doc.slice(0, at)}${markdown.trimEnd()}\n\n${doc.slice(at)}`);
}

// Formatting helpers shared by the scenarios' tables.
export const num = (v, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v)
    ? "–"
    : Number(v).toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const ms = (v) => (v === null || v === undefined ? "–" : v < 10 ? num(v, 2) : v < 100 ? num(v, 1) : num(v));
export const ratio = (a, b) => (a && b ? `${num(a / b, 2)}×` : "–");

export function table(headers, rows) {
  return [
    `| ${headers.join(" | ")} |`,
    `|${headers.map(() => "---").join("|")}|`,
    ...rows.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

export const cpuCell = (c) =>
  c
    ? Object.entries(c)
        .filter(([, v]) => v > 0)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ")
    : "–";

/** "met" / "missed" with the measured value, for the targets list under a table. */
export const verdict = (ok, text) => `- ${ok ? "✅ met" : "❌ missed"}: ${text}`;
