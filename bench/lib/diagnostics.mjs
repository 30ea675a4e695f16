// The lines under a scenario's table that say where the Java server's time went: CPU by thread (every run), and
// with --profile the thread states and JFR samples.
const TOP = 6;

const shares = (list) =>
  list
    .slice(0, TOP)
    .map((f) => `${f.share} % ${f.frame}`)
    .join("; ");

export function renderDiagnostics(rows) {
  const lines = [];
  for (const { label, result } of rows.filter((r) => r.result?.cpuByThread?.length)) {
    const cpu = result.cpuByThread.map((t) => `${t.thread} ${t.percentOfOneCore}`).join(", ");
    lines.push(`- ${label}, server CPU by thread (% of one core): ${cpu}`);
  }
  for (const { label, result } of rows.filter((r) => r.result?.profile)) {
    const { java, native, threads } = result.profile;
    const busy = threads.busyThreads
      .slice(0, TOP)
      .map((t) => `${t.threads} ${t.what}`)
      .join("; ");
    lines.push(`- ${label}, threads not idle (average per thread dump, ${threads.dumps} dumps): ${busy}`);
    lines.push(
      `- ${label}, running Java code (${java.samples} samples), by first frame in our code: ` +
        `${shares(java.underOurCode)}; hottest: ${shares(java.hottestFrames)}`,
    );
    lines.push(
      `- ${label}, inside native calls (${native.samples} samples; CPU or waiting), by first frame in our ` +
        `code: ${shares(native.underOurCode)}; hottest: ${shares(native.hottestFrames)}`,
    );
  }
  return lines.length ? ["", "Where the Java server's time went during the window:", ...lines].join("\n") : "";
}
