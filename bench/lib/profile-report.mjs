// The "where the time goes" lines under a scenario's table, from the profiles taken with --profile.
const TOP = 6;

export function renderProfiles(rows) {
  const profiled = rows.filter((r) => r.result?.profile);
  if (profiled.length === 0) return "";
  const lines = ["", "Where the Java server's time went during the window (`--profile`; full lists in the JSON):"];
  for (const { label, result } of profiled) {
    const { cpu, threads } = result.profile;
    lines.push(`- ${label}, busy threads (average per thread dump, ${threads.dumps} dumps): `
      + threads.busyThreads.slice(0, TOP).map((t) => `${t.threads} ${t.what}`).join("; "));
    lines.push(`- ${label}, CPU samples (${cpu.samples}, Java and native) by first frame in our code: `
      + cpu.underOurCode.slice(0, TOP).map((f) => `${f.share} % ${f.frame}`).join("; "));
    lines.push(`- ${label}, hottest frames: ${cpu.hottestFrames.slice(0, TOP).map((f) => `${f.share} % ${f.frame}`).join("; ")}`);
  }
  return lines.join("\n");
}
