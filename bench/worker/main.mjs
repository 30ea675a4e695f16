// A load worker: a child process of run.mjs holding a share of the client sockets, so the load client can use more
// than one core. It obeys requests over the IPC channel ({id, cmd, ...}) and answers {id, ok, data | error}.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { openConversations } from "./conversations.mjs";
import { closedLoop, openLoop } from "./drivers.mjs";
import { openIdleSockets } from "./idle.mjs";
import { Phase, Traffic } from "./traffic.mjs";

let traffic = null;
let conversations = null;
let idle = null;
// How late this process's event loop runs: if the client itself lags, its latencies are not the server's.
const LOOP_SAMPLE_MS = 10;
const loopDelay = monitorEventLoopDelay({ resolution: LOOP_SAMPLE_MS });

const commands = {
  async open({ plan, padding }) {
    traffic = new Traffic(padding);
    conversations = await openConversations(plan, traffic);
    return { conversations: conversations.pairs.length };
  },
  drive({ mode, depth, intervalMs, usersOnly }) {
    if (mode === "closed") closedLoop(conversations.pairs, traffic, depth, usersOnly);
    else openLoop(conversations.pairs, traffic, intervalMs, usersOnly);
  },
  phase({ phase }) {
    traffic.setPhase(phase);
    if (phase === Phase.MEASURE) loopDelay.enable();
    if (phase === Phase.DRAIN) loopDelay.disable();
  },
  result() {
    // The histogram holds the time between samples; lateness is what exceeds the sampling interval.
    const ms = (ns) => Math.max(0, Math.round((ns / 1e6 - LOOP_SAMPLE_MS) * 100) / 100);
    return {
      ...traffic.result(),
      eventLoopDelay: {
        p50Ms: ms(loopDelay.percentile(50)),
        p99Ms: ms(loopDelay.percentile(99)),
        maxMs: ms(loopDelay.max),
      },
    };
  },
  async idle(spec) {
    idle = await openIdleSockets(spec);
    return idle.status();
  },
  idleStatus: () => idle.status(),
  close() {
    conversations?.close();
    idle?.close();
  },
};

process.on("message", async ({ id, cmd, ...args }) => {
  try {
    process.send({ id, ok: true, data: await commands[cmd](args) });
  } catch (e) {
    process.send({ id, ok: false, error: e.stack ?? String(e) });
  }
});
process.on("disconnect", () => process.exit(0));
