// The "where the time goes" lines under a scenario's table, from the profiles taken with --profile.
const TOP = 6;

const shares = (list) =>
  list
    .slice(0, TOP)
    .map((f) => `${f.share} % ${f.frame}`)
    .join("; ");

export function renderProfiles(rows) {
  const profiled = rows.filter((r) => r.result?.profile);
  if (profiled.length === 0) return "";
  const lines = ["", "Where the Java server's time went during the window (`--profile`; full lists in the JSON):"];
  for (const { label, result } of profiled) {
    const { java, native, threads, cpuByThread } = result.profile;
    const cpu = cpuByThread.map((t) => `${t.thread} ${t.percentOfOneCore} %`).join(", ");
    lines.push(`- ${label}, CPU by thread (% of one core): ${cpu}`);
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
  return lines.join("\n");
}
