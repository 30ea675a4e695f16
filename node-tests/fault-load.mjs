// A user sending messages continuously to an admin while the test breaks things (kills the server, cuts the
// database, Redis or the user's network). The user keeps every unacknowledged message in an outbox and resends it
// with the same clientMessageId until acknowledged; the admin counts what it receives live and catches up over
// REST (?since=) after every (re)connect and on support_resync. When stdin closes the script stops sending, drains
// the outbox, and reports sent / acknowledged / stored / delivered / lost / duplicated as one JSON line.
//
//   node fault-load.mjs <userUrl> <adminUrl> <adminEmail> <adminPassword> <intervalMs>
import { io } from "socket.io-client";

const [, , userUrl, adminUrl, adminEmail, adminPassword, intervalArg = "20"] = process.argv;
const INTERVAL_MS = Number(intervalArg);
// As patient as the widget (web/src/shared/socket/connection.ts). In a database outage the server answers a send
// with an error only after the pool has waited 3 s for a connection, longer with a batch ahead of it: a client
// that gave up at 3 s saw silence, not the error (a disconnect still rejects a pending ack at once).
const ACK_TIMEOUT_MS = 10_000;
const DRAIN_TIMEOUT_MS = 60000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function api(base, method, path, body, token) {
  for (;;) {
    try {
      const res = await fetch(base + "/api/v1" + path, {
        method,
        headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status < 500) return await res.json();
    } catch {
      // server down or network cut: try again shortly
    }
    await sleep(300);
  }
}

const email = `fault-${Date.now()}@example.com`;
await api(userUrl, "POST", "/users/register", { email, password: "password-123" });
const user = (await api(userUrl, "POST", "/users/login", { email, password: "password-123" })).data;
const admin = (await api(adminUrl, "POST", "/users/login", { email: adminEmail, password: adminPassword })).data;
const chatId = (await api(userUrl, "POST", "/chats/support", { subject: "fault test" }, user.accessToken)).data._id;

const options = (token) => ({ auth: { token }, transports: ["websocket"], reconnectionDelay: 100, reconnectionDelayMax: 500 });
const userSocket = io(userUrl, options(user.accessToken));
const adminSocket = io(adminUrl, options(admin.accessToken));

const delivered = new Map(); // clientMessageId -> times seen by the admin (live or caught up)
const seenIds = new Set();
const see = (m) => {
  if (seenIds.has(m._id)) return; // the same stored message seen again through a catch-up is not a duplicate
  seenIds.add(m._id);
  if (!m.clientMessageId) return;
  delivered.set(m.clientMessageId, (delivered.get(m.clientMessageId) ?? 0) + 1);
};
adminSocket.on("new_support_message", see);

// Catch-ups read forward (?since=) from a point up to which the admin is known to have everything. Only REST pages
// move that point, never live events: after a Redis outage the node's live stream resumes before its
// support_resync, and a live message is newer than those missed meanwhile. Each catch-up also starts a margin
// earlier than that point, because a message is dated when sent and committed a little later: one dated before
// the point can still be committed after the page that set it was read.
const RESYNC_MARGIN_MS = 5000;
const fetched = []; // messages read over REST, oldest first
function catchUpCursor() {
  if (fetched.length === 0) return null;
  const before = Date.parse(fetched[fetched.length - 1].createdAt) - RESYNC_MARGIN_MS;
  for (let i = fetched.length - 1; i >= 0; i--) if (Date.parse(fetched[i].createdAt) <= before) return fetched[i]._id;
  return fetched[0]._id;
}
let catchUps = Promise.resolve();
function catchUp() {
  catchUps = catchUps.then(readForward); // one at a time: two would interleave their pages in `fetched`
  return catchUps;
}
async function readForward() {
  let cursor = catchUpCursor();
  if (cursor === null) {
    // Nothing read yet: the whole history so far, paged back from the newest message.
    const history = await readAll();
    history.forEach(see);
    fetched.push(...history);
    return;
  }
  const known = new Set(fetched.map((m) => m._id));
  for (;;) {
    const page = await messagesPage(`since=${cursor}`);
    for (const m of page.messages) {
      see(m);
      if (!known.has(m._id)) fetched.push(m);
      cursor = m._id;
    }
    if (!page.hasMore) return;
  }
}
const messagesPage = async (query) =>
  (await api(adminUrl, "GET", `/chats/${chatId}/messages?limit=100&${query}`, undefined, admin.accessToken)).data;
/** Every stored message, oldest first. */
async function readAll() {
  const all = [];
  for (let page = await messagesPage(""); ; ) {
    all.unshift(...[...page.messages].reverse());
    if (!page.hasMore) return all;
    page = await messagesPage(`before=${page.nextCursor}`);
  }
}
adminSocket.on("connect", async () => {
  await adminSocket.timeout(ACK_TIMEOUT_MS).emitWithAck("join_support_chat", { chatId }).catch(() => {});
  await catchUp();
});
adminSocket.on("support_resync", () => catchUp());
userSocket.on("connect", () => userSocket.timeout(ACK_TIMEOUT_MS).emitWithAck("join_support_chat", { chatId }).catch(() => {}));

const acked = new Set();
const inFlight = new Set();
let sent = 0;
let errorAcks = 0;
async function deliver(clientMessageId) {
  inFlight.add(clientMessageId);
  for (;;) {
    if (userSocket.connected) {
      try {
        const ack = await userSocket.timeout(ACK_TIMEOUT_MS).emitWithAck("send_support_message",
          { chatId, content: `message ${clientMessageId}`, clientMessageId });
        if (ack.ok) break;
        errorAcks++;
      } catch {
        // no ack in time: the outbox keeps it and resends it with the same clientMessageId
      }
    }
    await sleep(200);
  }
  acked.add(clientMessageId);
  inFlight.delete(clientMessageId);
}

let sending = true;
process.stdin.on("end", () => { sending = false; });
process.stdin.resume();
let announced = false;
while (sending) {
  sent++;
  deliver(`c${sent}`);
  if (!announced && acked.size >= 20) {
    announced = true;
    console.log(JSON.stringify({ ready: true }));
  }
  await sleep(INTERVAL_MS);
}

const drainUntil = Date.now() + DRAIN_TIMEOUT_MS;
while (inFlight.size > 0 && Date.now() < drainUntil) await sleep(100);
await sleep(1500);
await catchUp();

// What is stored: the whole history, read once at the end.
const stored = new Map();
for (const m of await readAll()) stored.set(m.clientMessageId, (stored.get(m.clientMessageId) ?? 0) + 1);
const ackedList = [...acked];
console.log(JSON.stringify({
  sent,
  acknowledged: acked.size,
  unacknowledgedAtEnd: inFlight.size,
  stored: stored.size,
  delivered: [...delivered.keys()].filter((k) => acked.has(k)).length,
  lost: ackedList.filter((k) => !stored.has(k)).length,
  duplicated: [...stored.values()].filter((n) => n > 1).length,
  notDelivered: ackedList.filter((k) => !delivered.has(k)).length,
  errorAcks,
}));
userSocket.close();
adminSocket.close();
process.exit(0);
