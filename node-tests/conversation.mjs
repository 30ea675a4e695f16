// A full user <-> admin support conversation written the way the original system's React client talks to its
// server: REST for accounts and the chat, then only the seed's Socket.IO events. Prints one JSON line of what each
// participant observed; the Java test (SupportChatCompatibilityIT) asserts on it.
//
//   node conversation.mjs <transport: websocket|polling|upgrade> <adminEmail> <adminPassword>
//                         <admin2Email> <admin2Password> <userNodeUrl> [adminNodeUrl] [admin2NodeUrl]
//
// With three URLs the user, the admin and the second admin sit on three different server nodes.
import { io } from "socket.io-client";

const [, , mode, adminEmail, adminPassword, admin2Email, admin2Password, base, adminBase = base, admin2Base = base] =
  process.argv;
const WAIT_MS = 4000;
const QUIET_MS = 400;
const CONNECT_MS = 10000;
const STALL_MS = 60000;
const transports = { websocket: ["websocket"], polling: ["polling"], upgrade: ["polling", "websocket"] }[mode];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function api(method, path, body, token) {
  const res = await fetch(base + "/api/v1" + path, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function login(email, password) {
  const r = await api("POST", "/users/login", { email, password });
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status}`);
  return r.body.data;
}

/** A participant: a socket that records every event it receives. */
async function participant(name, token, url = base) {
  const socket = io(url, { auth: { token }, transports, reconnection: false, forceNew: true });
  const events = [];
  socket.onAny((event, payload) => events.push({ event, payload }));
  await new Promise((resolve, reject) => {
    // A namespace connect that is never answered has no timeout in socket.io-client: say which one, and when.
    const timer = setTimeout(() => {
      const engine = socket.io.engine;
      reject(new Error(`${name}: not connected after ${CONNECT_MS} ms (engine ${engine?.readyState ?? "none"}, ` +
        `transport ${engine?.transport?.name ?? "none"}, ${new Date().toISOString()})`));
    }, CONNECT_MS);
    socket.once("connect", () => { clearTimeout(timer); resolve(); });
    socket.once("connect_error", (e) => { clearTimeout(timer); reject(new Error(`${name}: ${e.message}`)); });
  });
  const waitFor = async (event, pred = () => true) => {
    const deadline = Date.now() + WAIT_MS;
    while (Date.now() < deadline) {
      const hit = events.find((e) => e.event === event && pred(e.payload));
      if (hit) return hit.payload;
      await sleep(10);
    }
    return null;
  };
  const count = (event, pred = () => true) => events.filter((e) => e.event === event && pred(e.payload)).length;
  // A missing ack is reported as {timeout: event} instead of ending the script, so the test names the step.
  const ack = (event, payload) =>
    socket.timeout(WAIT_MS).emitWithAck(event, payload).catch(() => ({ timeout: event, at: new Date().toISOString() }));
  return { name, socket, events, waitFor, count, ack };
}

const report = { transport: null, steps: {} };
let lastStep = "none";
const step = (k, v) => { report.steps[k] = v; lastStep = k; };
// Whatever else waits without a timeout: end with what was reached rather than be killed silently.
const watchdog = setTimeout(() => {
  console.error(`stalled after step ${lastStep} (${new Date().toISOString()}): ${JSON.stringify(report)}`);
  process.exit(3);
}, STALL_MS);

const email = `user-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
await api("POST", "/users/register", { email, password: "password-123", fullName: "Compat User" });
const strangerEmail = "stranger-" + email;
await api("POST", "/users/register", { email: strangerEmail, password: "password-123", fullName: "Stranger" });
const user = await login(email, "password-123");
const stranger = await login(strangerEmail, "password-123");
const admin = await login(adminEmail, adminPassword);
const admin2 = await login(admin2Email, admin2Password);

// "Type your first message to create a support ticket"
const created = await api("POST", "/chats/support", { subject: "Compat", message: "first message" }, user.accessToken);
const chatId = created.body.data._id;
step("created", { status: created.status, chatStatus: created.body.data.status });

const u = await participant("user", user.accessToken);
const uTab2 = await participant("userTab2", user.accessToken);
const a = await participant("admin", admin.accessToken, adminBase);
const a2 = await participant("admin2", admin2.accessToken, admin2Base);
const s = await participant("stranger", stranger.accessToken);
await sleep(QUIET_MS);
report.transport = u.socket.io.engine.transport.name;

step("joinUser", await u.ack("join_support_chat", { chatId }));
step("joinUserTab2", await uTab2.ack("join_support_chat", { chatId }));
step("joinAdmin", await a.ack("join_support_chat", { chatId }));
step("joinStranger", await s.ack("join_support_chat", { chatId }));
step("joinBadPayload", await u.ack("join_support_chat", { chatId: 42 }));

await u.ack("support_typing_start", { chatId });
step("typingSeenByAdmin", await a.waitFor("user_typing_support", (p) => p.isTyping === true && p.chatId === chatId));
await sleep(QUIET_MS);
step("typingSeenByOwnTab", uTab2.count("user_typing_support"));
await u.ack("support_typing_stop", { chatId });
step("typingStopSeenByAdmin", await a.waitFor("user_typing_support", (p) => p.isTyping === false));

const sent = await u.ack("send_support_message", { chatId, content: "Help, my order is late", clientMessageId: "cm-1" });
step("userSendAck", sent);
step("adminGotMessage", await a.waitFor("new_support_message", (m) => m.content === "Help, my order is late"));
step("admin2Notified", await a2.waitFor("new_user_message_notification", (p) => p.message.content === "Help, my order is late"));
step("strangerGotMessage", s.count("new_support_message"));

const retry = await u.ack("send_support_message", { chatId, content: "Help, my order is late", clientMessageId: "cm-1" });
step("retryAck", retry);
await sleep(QUIET_MS);
step("adminCopiesOfMessage", a.count("new_support_message", (m) => m.content === "Help, my order is late"));

const reply = await a.ack("send_support_message", { chatId, content: "Looking into it now" });
step("adminReplyAck", reply);
step("userGotReply", await u.waitFor("new_support_message", (m) => m.content === "Looking into it now"));
step("userReplyNotification", await u.waitFor("admin_reply_notification", (p) => p.chatId === chatId));

const note = await a.ack("send_support_message", { chatId, content: "Customer is VIP", isInternalNote: true });
step("noteAck", note);
step("userNoteAttempt", await u.ack("send_support_message", { chatId, content: "sneaky", isInternalNote: true }));
await sleep(QUIET_MS);
step("userSawNote", u.events.some((e) => JSON.stringify(e.payload ?? "").includes("Customer is VIP")));
step("userTab2SawNote", uTab2.events.some((e) => JSON.stringify(e.payload ?? "").includes("Customer is VIP")));

step("userMarkRead", await u.ack("mark_support_messages_read", { chatId }));
step("adminSawRead", await a.waitFor("support_messages_read", (p) => p.readerIsAdmin === false));

step("userStatusAttempt", await u.ack("update_support_chat_status", { chatId, status: "closed" }));
step("statusAck", await a.ack("update_support_chat_status", { chatId, status: "resolved", priority: "urgent" }));
step("userSawStatus", await u.waitFor("support_chat_status_updated", (p) => p.status === "resolved"));
step("admin2SawStatus", await a2.waitFor("support_chat_status_updated", (p) => p.status === "resolved"));

step("userAssignAttempt", await u.ack("assign_support_chat", { chatId }));
step("assignAck", await a.ack("assign_support_chat", { chatId }));
step("userSawAssign", await u.waitFor("support_chat_assigned", (p) => p.chatId === chatId));
step("admin2SawAssign", await a2.waitFor("support_chat_assigned", (p) => p.chatId === chatId));

// A user's message to a resolved chat reopens it
await u.ack("send_support_message", { chatId, content: "Still not here" });
step("reopenedSeenByAdmin", await a.waitFor("support_chat_status_updated", (p) => p.status === "open"));

await u.ack("leave_support_chat", { chatId });
await a.ack("send_support_message", { chatId, content: "after leave" });
await sleep(QUIET_MS);
step("userGotAfterLeave", u.count("new_support_message", (m) => m.content === "after leave"));
step("userNotifiedAfterLeave", await u.waitFor("admin_reply_notification", (p) => p.message.content === "after leave"));

const anon = io(base, { auth: { token: "not-a-token" }, transports, reconnection: false, forceNew: true });
step("anonymous", await new Promise((resolve) => {
  // Anything but "unauthorized" fails; a socket the server drops at once is reported as such
  // ("connected, then io server disconnect": a CONNECT that got past the gate, docs/RELIABILITY.md).
  anon.once("connect", () => {
    const stayed = setTimeout(() => resolve("connected"), 2000);
    anon.once("disconnect", (reason) => {
      clearTimeout(stayed);
      resolve(`connected, then ${reason}`);
    });
  });
  anon.once("connect_error", (e) => resolve(e.message));
}));
anon.close();

for (const p of [u, uTab2, a, a2, s]) p.socket.close();
clearTimeout(watchdog);
console.log(JSON.stringify(report));
