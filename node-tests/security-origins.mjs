// Opens Socket.IO connections with the official client as a page of each given origin would (the Origin header
// set through extraHeaders), over websocket and over long-polling, and reports whether each was let in.
//
//   node security-origins.mjs <baseUrl> <token> <origin> [origin…]
// Prints {"<origin>": {"websocket": "connected" | "connect_error <message>", "polling": …}}
import { io } from "socket.io-client";

const [, , base, token, ...origins] = process.argv;

function attempt(origin, transport) {
  const socket = io(base, {
    auth: { token },
    transports: [transport],
    extraHeaders: { Origin: origin },
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve("connected"));
    socket.once("connect_error", (e) => resolve(`connect_error ${e.message}`));
  }).finally(() => socket.close());
}

const report = {};
for (const origin of origins) {
  report[origin] = { websocket: await attempt(origin, "websocket"), polling: await attempt(origin, "polling") };
}
console.log(JSON.stringify(report));
process.exit(0);
