// An admin whose only node stops: an observer (another admin, on another node) must be told the admin went offline
// by one of the nodes left, exactly once. Prints {"ready":true} once both are connected and the nodes have
// exchanged presence; when stdin closes (the test has stopped the admin's node) it waits for the announcement and
// prints what the observer saw.
//
//   node presence-after-node-stops.mjs <adminNode> <observerNode> <adminToken> <adminId> <observerToken> [transport]
//
// transport: the admin's, "websocket" (default) or "polling".
import { io } from "socket.io-client";

const [, , adminNode, observerNode, adminToken, adminId, observerToken, adminTransport = "websocket"] = process.argv;
const EXCHANGE_MS = 3000; // > the nodes' 2 s presence exchange through Redis
const ANNOUNCE_WAIT_MS = 20000; // > the 10 s after which a silent node's report is dropped, plus exchanges
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function connect(url, token, reconnection, transport = "websocket") {
  const socket = io(url, { auth: { token }, transports: [transport], reconnection, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const observer = await connect(observerNode, observerToken, true);
const seen = [];
observer.on("admin_presence", (p) => {
  if (p.adminId === adminId) seen.push(p.online);
});
const admin = await connect(adminNode, adminToken, false, adminTransport); // its node goes away: it must not come back elsewhere
await sleep(EXCHANGE_MS);
const beforeStop = [...seen];
console.log(JSON.stringify({ ready: true }));
await new Promise((resolve) => process.stdin.on("end", resolve).resume());
const stoppedAt = Date.now();
while (Date.now() - stoppedAt < ANNOUNCE_WAIT_MS && seen.length === beforeStop.length) await sleep(100);
await sleep(EXCHANGE_MS); // a second announcement would arrive meanwhile
console.log(JSON.stringify({ beforeStop, afterStop: seen.slice(beforeStop.length), waitedMs: Date.now() - stoppedAt }));
admin.close();
observer.close();
process.exit(0);
