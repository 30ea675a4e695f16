// On a shared machine other people's builds take the same cores; --wait-quiet holds each measurement until the
// machine has been nearly idle for a few seconds (none of our processes run at that point), or gives up and says so.
import { startCpuMeter } from "./cpu.mjs";

const SAMPLE_MS = 5_000;

/** Resolves with the busy share seen last (% of one core); waits at most `maxWaitS`. */
export async function waitForQuiet({ maxBusyPercent, maxWaitS }, log) {
  const deadline = Date.now() + maxWaitS * 1000;
  for (;;) {
    const meter = startCpuMeter({});
    await new Promise((r) => setTimeout(r, SAMPLE_MS));
    const busy = meter.stop().other;
    if (busy <= maxBusyPercent) return busy;
    if (Date.now() > deadline) {
      log(`  machine still busy (${busy} % of one core used by others) after ${maxWaitS} s; measuring anyway`);
      return busy;
    }
    log(`  waiting for a quieter machine: others use ${busy} % of one core`);
  }
}
