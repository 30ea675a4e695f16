// Sends the hostile Socket.IO cases HostileInputFuzzIT generated (seeded) at the server, one at a time, with the
// official client (the user's over websocket, the admin's over long-polling), and reports what became of each.
// Then holds one normal conversation step, to show the server still serves normal traffic.
//
//   node security-fuzz.mjs <baseUrl> <casesFile>
//   casesFile: {"userToken", "adminToken", "chatId", "cases": [
//     {"kind": "emit", "as": "user"|"admin", "event", "args": [...]}    ({"$binary": base64} becomes a Buffer)
//     {"kind": "raw", "as": "user", "packet": "<Socket.IO packet text>" | "BINARY" | "NOT_UTF8"}]}
// Prints {"results": ["ack ok" | "ack <code>" | "no ack" | "ignored" | "client refused" |
//         "disconnected (<reason>)" | "survived", …], "sent": {"<case index>": {"_id", "content"}}, "normalStep": {…}}
// "ignored": an unknown event the server processed without answering (an ack sent after it came back first).
import { readFileSync } from "node:fs";
import { io } from "socket.io-client";

const [, , base, casesFile] = process.argv;
const { userToken, adminToken, chatId, cases } = JSON.parse(readFileSync(casesFile, "utf8"));
const ACK_MS = 5000;
const RAW_SENTINEL_MS = 300;
const GRACE_MS = 50;
const KNOWN = new Set(["join_support_chat", "leave_support_chat", "send_support_message", "support_typing_start",
  "support_typing_stop", "mark_support_messages_read", "update_support_chat_status", "assign_support_chat"]);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function connect(token, transport = "websocket") {
  const socket = io(base, { auth: { token }, transports: [transport], reconnection: false, forceNew: true });
  const events = [];
  socket.onAny((event, payload) => events.push({ event, payload }));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve({ socket, events }));
    socket.once("connect_error", reject);
  });
}

// The user talks over websocket (raw packets need it), the admin over long-polling, so both transports are fuzzed.
const connections = {};
const clients = { user: [userToken, "websocket"], admin: [adminToken, "polling"] };
async function connection(role) {
  if (!connections[role]?.socket.connected) connections[role] = await connect(...clients[role]);
  return connections[role];
}

const decode = (value) => {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    if (typeof value.$binary === "string") return Buffer.from(value.$binary, "base64");
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
};

/** Resolves with the ack, "no ack" after the timeout, or "disconnected" if the connection drops first. */
function answer(socket, promise, ms) {
  return new Promise((resolve) => {
    const onDisconnect = (reason) => resolve(`disconnected (${reason})`);
    socket.once("disconnect", onDisconnect);
    const timer = setTimeout(() => resolve("no ack"), ms);
    promise.then((ack) => resolve(ack), () => resolve("no ack")).finally(() => {
      clearTimeout(timer);
      socket.off("disconnect", onDisconnect);
    });
  });
}

/** An ack the server sends only after it has read every packet sent before it on this connection. */
const sentinel = (socket, ms = ACK_MS) => answer(socket, socket.emitWithAck("support_typing_stop", { chatId }), ms);

const describe = (ack) => {
  if (typeof ack === "string") return ack;
  if (ack?.ok === true) return "ack ok";
  return typeof ack?.error?.code === "string" ? `ack ${ack.error.code}` : `malformed ack ${JSON.stringify(ack)}`;
};

async function emit(c, index, sent) {
  const { socket } = await connection(c.as);
  let pending;
  try {
    pending = socket.emitWithAck(c.event, ...decode(c.args));
  } catch {
    return "client refused"; // reserved names such as "connect"
  }
  if (!KNOWN.has(c.event)) {
    const after = await sentinel(socket);
    if (typeof after === "string") return after;
    const ack = await answer(socket, pending, GRACE_MS);
    return ack === "no ack" ? "ignored" : describe(ack);
  }
  const ack = await answer(socket, pending, ACK_MS);
  if (ack?.ok && c.event === "send_support_message") sent[index] = { _id: ack.data._id, content: ack.data.content };
  return describe(ack);
}

async function raw(c) {
  const { socket } = await connection(c.as);
  const engine = socket.io.engine;
  if (c.packet === "BINARY") engine.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]));
  else if (c.packet === "NOT_UTF8") engine.transport.ws.send(Buffer.from([0x34, 0x32, 0xc3, 0x28]), { binary: false });
  else engine.send(c.packet);
  // Waited for briefly: the server answers in milliseconds unless the packet has cost the connection, and a
  // connection that no longer answers is as good as closed.
  const after = await sentinel(socket, RAW_SENTINEL_MS);
  return after === "no ack" ? "disconnected (no answer)" : typeof after === "string" ? after : "survived";
}

async function normalStep() {
  const user = await connect(userToken);
  const admin = await connect(adminToken);
  const joined = [await user.socket.emitWithAck("join_support_chat", { chatId }),
    await admin.socket.emitWithAck("join_support_chat", { chatId })].every((a) => a.ok);
  const sent = await user.socket.timeout(ACK_MS).emitWithAck("send_support_message",
    { chatId, content: "still there after the fuzzing?", clientMessageId: `normal-${Date.now()}` });
  await sleep(300);
  const adminSaw = admin.events.some((e) => e.event === "new_support_message" && e.payload._id === sent.data?._id);
  const reply = await admin.socket.timeout(ACK_MS).emitWithAck("send_support_message", { chatId, content: "yes" });
  await sleep(300);
  const userSaw = user.events.some((e) => e.event === "new_support_message" && e.payload._id === reply.data?._id);
  user.socket.close();
  admin.socket.close();
  return { joined, sent: sent.ok, adminSaw, replied: reply.ok, userSaw,
    sentMessage: sent.data && { _id: sent.data._id, content: sent.data.content },
    replyMessage: reply.data && { _id: reply.data._id, content: reply.data.content } };
}

/** A connection that stopped answering (it may be waiting for binary parts that never come) is not reused. */
function dropIfStuck(role, result) {
  if (result === "no ack" || result.startsWith("disconnected")) {
    connections[role]?.socket.close();
    delete connections[role];
  }
}

const results = [];
const sent = {};
for (const [index, c] of cases.entries()) {
  let result;
  try {
    result = c.kind === "raw" ? await raw(c) : await emit(c, index, sent);
  } catch (e) {
    result = `script error ${e.message}`;
  }
  dropIfStuck(c.as, result);
  results.push(result);
  process.stderr.write(`${index} ${c.kind} ${String(c.event ?? c.packet).slice(0, 40)} → ${result}\n`);
}
Object.values(connections).forEach((c) => c.socket.close());
console.log(JSON.stringify({ results, sent, normalStep: await normalStep() }));
process.exit(0);
