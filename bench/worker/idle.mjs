// Idle connections: authenticated sockets that only answer the server's pings, like open browser tabs nobody types
// in. Sockets that fail to connect are counted, with the first few reasons, rather than failing the run: the
// point is to find out how many one node holds.
import { mapLimit } from "../lib/concurrency.mjs";
import { connect } from "./sockets.mjs";

const CONNECT_CONCURRENCY = 100;
const REASONS_KEPT = 5;

export async function openIdleSockets({ url, tokens, count }) {
  const sockets = [];
  const state = { failed: 0, reasons: [], dropped: 0, lastDropReason: null };
  await mapLimit(
    Array.from({ length: count }, (_, i) => tokens[i % tokens.length]),
    CONNECT_CONCURRENCY,
    async (token) => {
      try {
        const socket = await connect(url, token);
        socket.on("disconnect", (reason) => {
          state.dropped += 1;
          state.lastDropReason = reason;
        });
        sockets.push(socket);
      } catch (e) {
        state.failed += 1;
        if (state.reasons.length < REASONS_KEPT) state.reasons.push(e.message);
      }
    },
  );
  return {
    status: () => ({ connected: sockets.length - state.dropped, ...state }),
    close: () => sockets.forEach((s) => s.close()),
  };
}
