// Edge behaviour of the real-time layer, one scenario per run, reporting one JSON line (the Java test asserts):
//   typing-expiry  a typist that never says "stop" stops by itself; a typist that disconnects stops too
//   rate-limit     a socket sending faster than allowed gets rate_limited acks, and is served again later
//   presence       users learn whether support is online, at connect and when it changes
//   token-expiry   the server disconnects a socket whose access token expired (waits for stdin to close,
//                  during which the test moves the server's clock past the expiry)
//   oversize       a packet larger than the limit closes that connection only
//
//   presence-cluster  as presence, with the admin connected to another node (adminNodeUrl)
//
//   node realtime-edges.mjs <scenario> <baseUrl> <userToken> <adminToken> <chatId> [adminNodeUrl]
import { io } from "socket.io-client";

const [, , scenario, base, userToken, adminToken, chatId, adminBase = base] = process.argv;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function connect(token, url = base) {
  const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  const events = [];
  socket.onAny((event, payload) => events.push({ event, payload, at: Date.now() }));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve({ socket, events }));
    socket.once("connect_error", reject);
  });
}
const ack = (p, event, payload) => p.socket.timeout(5000).emitWithAck(event, payload);
const stdinClosed = () => new Promise((resolve) => { process.stdin.on("end", resolve); process.stdin.resume(); });

async function presence(settleMs) {
  const user = await connect(userToken);
  await sleep(300);
  const admin = await connect(adminToken, adminBase);
  await sleep(settleMs);
  admin.socket.close();
  await sleep(settleMs);
  const seen = user.events.filter((e) => e.event === "support_presence").map((e) => e.payload.online);
  user.socket.close();
  return { seen };
}

const scenarios = {
  async "typing-expiry"() {
    const user = await connect(userToken);
    const admin = await connect(adminToken);
    await ack(user, "join_support_chat", { chatId });
    await ack(admin, "join_support_chat", { chatId });
    const started = Date.now();
    await ack(user, "support_typing_start", { chatId });
    await sleep(8000);
    const typing = admin.events.filter((e) => e.event === "user_typing_support");
    const expiredAfterMs = typing.find((e) => e.payload.isTyping === false)?.at - started;
    await ack(user, "support_typing_start", { chatId });
    await sleep(300);
    user.socket.close();
    await sleep(1000);
    const afterDisconnect = admin.events.filter((e) => e.event === "user_typing_support").slice(-1)[0]?.payload;
    admin.socket.close();
    return { expiredAfterMs, afterDisconnect };
  },

  async "rate-limit"() {
    const user = await connect(userToken);
    // Read marks spend the send budget (joins have a budget of their own, see SocketBudgetIT).
    const acks = await Promise.all(
      Array.from({ length: 30 }, () => ack(user, "mark_support_messages_read", { chatId })),
    );
    await sleep(1500);
    const later = await ack(user, "mark_support_messages_read", { chatId });
    user.socket.close();
    return {
      ok: acks.filter((a) => a.ok).length,
      limited: acks.filter((a) => !a.ok && a.error.code === "rate_limited").length,
      laterOk: later.ok,
    };
  },

  presence: () => presence(500),
  // other nodes' admins are exchanged every 2 s through Redis: a change shows within two periods
  "presence-cluster": () => presence(5000),

  async "token-expiry"() {
    const user = await connect(userToken);
    const before = await ack(user, "join_support_chat", { chatId });
    const gone = new Promise((resolve) => user.socket.once("disconnect", resolve));
    console.log(JSON.stringify({ ready: true }));
    await stdinClosed();
    const disconnect = await Promise.race([gone, sleep(3000).then(() => "still connected")]);
    user.socket.close();
    return { before, disconnect };
  },

  async oversize() {
    const user = await connect(userToken);
    const other = await connect(userToken);
    const closed = new Promise((resolve) => user.socket.once("disconnect", (reason) => resolve(reason)));
    user.socket.emit("send_support_message", { chatId, content: "x".repeat(300_000) });
    const reason = await Promise.race([closed, sleep(5000).then(() => "still connected")]);
    const otherStillWorks = (await ack(other, "join_support_chat", { chatId })).ok;
    other.socket.close();
    return { reason, otherStillWorks };
  },
};

console.log(JSON.stringify(await scenarios[scenario]()));
process.exit(0);
