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
const ACK_TIMEOUT_MS = 3000;
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
// The catch-up cursor: the newest message up to which the admin has seen everything. Live events move it only
// while no catch-up runs: one arriving during a catch-up (the server stores and emits meanwhile) may be newer than
// messages the catch-up has not fetched yet, and moving the cursor past those would skip them.
let cursor = null;
let catchingUp = false;
const seenIds = new Set();
const see = (m) => {
  if (seenIds.has(m._id)) return; // the same stored message seen again through a catch-up is not a duplicate
  seenIds.add(m._id);
  if (!m.clientMessageId) return;
  delivered.set(m.clientMessageId, (delivered.get(m.clientMessageId) ?? 0) + 1);
};
adminSocket.on("new_support_message", (m) => {
  see(m);
  if (!catchingUp) cursor = m._id;
});
async function catchUp() {
  catchingUp = true;
  try {
    for (;;) {
      const q = cursor ? `&since=${cursor}` : "";
      const page = (await api(adminUrl, "GET", `/chats/${chatId}/messages?limit=100${q}`, undefined, admin.accessToken)).data;
      if (!page) return;
      const oldestFirst = cursor ? page.messages : [...page.messages].reverse();
      for (const m of oldestFirst) {
        see(m);
        cursor = m._id;
      }
      if (!page.hasMore) return;
    }
  } finally {
    catchingUp = false;
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
let before = null;
for (;;) {
  const q = before ? `&before=${before}` : "";
  const page = (await api(adminUrl, "GET", `/chats/${chatId}/messages?limit=100${q}`, undefined, admin.accessToken)).data;
  for (const m of page.messages) stored.set(m.clientMessageId, (stored.get(m.clientMessageId) ?? 0) + 1);
  if (!page.hasMore) break;
  before = page.nextCursor;
}
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
