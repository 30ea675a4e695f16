// admin_presence across nodes: an admin with dashboards on two nodes closes one; an observer (another admin, on a
// third node) must not be told the admin went offline until the last one closes.
//
//   node admin-presence.mjs <nodeA> <nodeB> <observerNode> <adminToken> <adminId> <observerToken>
import { io } from "socket.io-client";

const [, , nodeA, nodeB, observerNode, adminToken, adminId, observerToken] = process.argv;
const EXCHANGE_MS = 3000; // > the nodes' 2 s presence exchange through Redis
const OFFLINE_WAIT_MS = 10000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function connect(url, token) {
  const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const observer = await connect(observerNode, observerToken);
const seen = [];
observer.on("admin_presence", (p) => {
  if (p.adminId === adminId) seen.push(p.online);
});
const onA = await connect(nodeA, adminToken);
const onB = await connect(nodeB, adminToken);
await sleep(EXCHANGE_MS);
const beforeClosing = [...seen];
onB.close();
await sleep(EXCHANGE_MS);
const afterClosingOne = seen.slice(beforeClosing.length);
onA.close();
// Node A may still hold node B's report from before B closed (a report lags by up to two periods): then A asks
// again at its next reports, and the offline comes a little later.
for (let waited = 0; waited < OFFLINE_WAIT_MS && seen.length === beforeClosing.length + afterClosingOne.length; waited += 100) {
  await sleep(100);
}
await sleep(500); // a second "offline" would arrive meanwhile
const afterClosingBoth = seen.slice(beforeClosing.length + afterClosingOne.length);
observer.close();
console.log(JSON.stringify({ beforeClosing, afterClosingOne, afterClosingBoth }));
