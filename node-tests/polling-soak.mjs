// Many user <-> admin conversations over long-polling, one after another, with no retry: the proof that a polling
// conversation does not stall (docs/RELIABILITY.md, PollingSoakIT). Each conversation: the user and the admin
// connect (a new socket each, the official socket.io-client), both join the user's chat, the user sends, the admin
// receives it, the admin replies, the user receives the reply, both disconnect. One in `upgradeEvery` conversations
// allows the polling -> websocket upgrade, which then runs while the conversation goes on, as in a browser.
//
//   node polling-soak.mjs <baseUrl> <adminEmail> <adminPassword> <count> [parallel=1] [upgradeEvery=4]
//
// A connection not completed, or a step not answered, within 10 s is a stall: recorded with what the client saw
// and the conversation abandoned (its sockets closed), then the next one starts. Anything else unexpected (a
// refused connection, a failed ack) is a failure. Prints one JSON line: counts, every stall and failure, and the
// time of the slowest conversation.
import { io } from "socket.io-client";

const [, , base, adminEmail, adminPassword, countArg, parallelArg = "1", upgradeEveryArg = "4"] = process.argv;
const COUNT = Number(countArg);
const PARALLEL = Number(parallelArg);
const UPGRADE_EVERY = Number(upgradeEveryArg);
const STEP_MS = 10000;
// Users share the conversations (one chat each, createOrGet): a registration and a login per conversation would
// spend most of the run in bcrypt.
const USERS = Math.min(10, COUNT);

class Stall extends Error {}

/** Anything else unexpected, named by its step. */
const failure = (step, message) => Object.assign(new Error(`${step}: ${message}`), { step });

async function api(method, path, body, token) {
  const res = await fetch(base + "/api/v1" + path, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

const login = (email, password) => api("POST", "/users/login", { email, password });

/** What the client's engine is doing: the first thing to read when a step stalls. */
function engineState(socket) {
  const engine = socket.io.engine;
  return {
    connected: socket.connected,
    socketId: socket.id ?? null,
    engineState: engine?.readyState ?? "none",
    transport: engine?.transport?.name ?? "none",
    engineId: engine?.id ?? null,
  };
}

/** Resolves with the promise, or rejects with a Stall naming the step after STEP_MS. */
function within(step, socket, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Stall(`${step}: no answer within ${STEP_MS} ms`), { step, ...engineState(socket) })),
      STEP_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function connect(step, token, transports, disconnects) {
  const socket = io(base, { auth: { token }, transports, reconnection: false, forceNew: true, timeout: STEP_MS });
  socket.on("disconnect", (reason) => disconnects.push(`${step}: ${reason}`));
  const connected = new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    // For an HTTP error engine.io-client gives the status and the request (its body says why).
    socket.once("connect_error", (e) =>
      reject(failure(step, `connect_error ${e.message} ${e.description ?? ""} ${e.context?.responseText ?? ""}`.trim())),
    );
  });
  return { socket, connected: within(step, socket, connected) };
}

/** The next `event` whose payload passes `pred`; listening starts now, so call it before the step that causes it. */
function next(socket, event, pred) {
  return new Promise((resolve) => {
    const listener = (payload) => {
      if (pred(payload)) {
        socket.off(event, listener);
        resolve(payload);
      }
    };
    socket.on(event, listener);
  });
}

async function ok(step, socket, event, payload) {
  // emitWithAck rejects at once when the socket is disconnected: a failure of this step too.
  const sent = socket.emitWithAck(event, payload).catch((e) => Promise.reject(failure(step, e.message)));
  const reply = await within(step, socket, sent);
  if (!reply?.ok) throw failure(step, JSON.stringify(reply));
  return reply;
}

/** `from` sends `content` to the chat and `to` must receive it. */
async function exchange(sendStep, from, receiveStep, to, chatId, content) {
  const arrived = next(to, "new_support_message", (m) => m.content === content);
  await ok(sendStep, from, "send_support_message", { chatId, content });
  await within(receiveStep, to, arrived);
}

async function conversation(index, user, adminToken) {
  const mode = index % UPGRADE_EVERY === UPGRADE_EVERY - 1 ? "upgrade" : "polling";
  const transports = mode === "upgrade" ? ["polling", "websocket"] : ["polling"];
  const started = performance.now();
  const disconnects = [];
  const sockets = [];
  try {
    const u = connect("userConnect", user.token, transports, disconnects);
    sockets.push(u.socket);
    const a = connect("adminConnect", adminToken, transports, disconnects);
    sockets.push(a.socket);
    const [userSocket, adminSocket] = await Promise.all([u.connected, a.connected]);
    const chatId = user.chatId;
    await ok("userJoin", userSocket, "join_support_chat", { chatId });
    await ok("adminJoin", adminSocket, "join_support_chat", { chatId });
    await exchange("userSend", userSocket, "adminReceive", adminSocket, chatId, `question ${index}`);
    await exchange("adminReply", adminSocket, "userReceive", userSocket, chatId, `answer ${index}`);
    if (disconnects.length > 0) throw failure("end", `disconnected during the conversation: ${disconnects.join(", ")}`);
    return { index, mode, ms: performance.now() - started, transport: adminSocket.io.engine.transport.name };
  } catch (e) {
    const kind = e instanceof Stall ? "stall" : "failure";
    // Every error of a step names it (e.step); anything else is "unexpected".
    return { index, mode, ms: performance.now() - started, kind, step: "unexpected", ...e, message: e.message, disconnects };
  } finally {
    for (const s of sockets) s.close();
  }
}

const adminToken = (await login(adminEmail, adminPassword)).accessToken;
const users = [];
for (let i = 0; i < USERS; i++) {
  const email = `soak-${Date.now()}-${i}@example.com`;
  await api("POST", "/users/register", { email, password: "password-123", fullName: `Soak User ${i}` });
  const token = (await login(email, "password-123")).accessToken;
  const chat = await api("POST", "/chats/support", { subject: "Soak", message: "hello" }, token);
  users.push({ token, chatId: chat._id });
}

const results = [];
let nextIndex = 0;
const runStarted = performance.now();
async function worker() {
  while (nextIndex < COUNT) {
    const index = nextIndex++;
    results.push(await conversation(index, users[index % USERS], adminToken));
  }
}
await Promise.all(Array.from({ length: PARALLEL }, worker));
const totalMs = performance.now() - runStarted;

const done = results.filter((r) => !r.kind);
const times = done.map((r) => r.ms).sort((x, y) => x - y);
const slowest = done.reduce((s, r) => (s && s.ms >= r.ms ? s : r), null);
const pct = (p) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]) : null);
console.log(
  JSON.stringify({
    conversations: results.length,
    completed: done.length,
    parallel: PARALLEL,
    polling: results.filter((r) => r.mode === "polling").length,
    upgrade: results.filter((r) => r.mode === "upgrade").length,
    upgraded: done.filter((r) => r.mode === "upgrade" && r.transport === "websocket").length,
    stalls: results.filter((r) => r.kind === "stall"),
    failures: results.filter((r) => r.kind === "failure"),
    p50Ms: pct(0.5),
    p99Ms: pct(0.99),
    slowestMs: slowest && Math.round(slowest.ms),
    slowest: slowest && { index: slowest.index, mode: slowest.mode },
    totalMs: Math.round(totalMs),
  }),
);
// Sockets closed with reconnection off leave nothing behind; exit anyway so a stuck handle cannot hold the run.
process.exit(0);
