// Drives the Java Socket.IO server with the official socket.io-client and reports what it observed as one
// JSON line on stdout. Assertions live in the Java tests; this script only acts and observes.
//
//   node scenarios.mjs <baseUrl> <scenario> [args...]
//
// Test tokens (known to the Java test server): tok-alice, tok-bob, tok-carol.
import { io } from "socket.io-client";
import { Socket as EngineSocket, Fetch, NodeWebSocket } from "engine.io-client";

const [, , base, scenario, ...args] = process.argv;
const TIMEOUT_MS = 5000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Connects and resolves with {socket} or {error}; never rejects. */
function connect(options = {}, namespace = "/") {
  const socket = io(base + namespace, { reconnection: false, forceNew: true, timeout: TIMEOUT_MS, ...options });
  // The first transport, seen when the engine opens; by the time "connect" fires an upgrade may be done.
  socket.io.once("open", () => { socket.initialTransport = socket.io.engine.transport.name; });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ socket, error: "timeout" }), TIMEOUT_MS);
    socket.once("connect", () => { clearTimeout(timer); resolve({ socket }); });
    socket.once("connect_error", (err) => { clearTimeout(timer); socket.close(); resolve({ socket, error: err.message }); });
  });
}

async function connected(options, namespace) {
  const { socket, error } = await connect(options, namespace);
  if (error) throw new Error(`connect failed: ${error}`);
  return socket;
}

const ack = (socket, event, payload) => socket.timeout(TIMEOUT_MS).emitWithAck(event, payload);

/** Resolves once the engine runs on websocket (immediately if it already does). */
function upgraded(socket) {
  const engine = socket.io.engine;
  if (engine.transport.name === "websocket") return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no upgrade")), TIMEOUT_MS);
    engine.once("upgrade", () => { clearTimeout(timer); resolve(); });
  });
}

/** Records every event a socket receives, by name. */
function recorder(socket) {
  const seen = {};
  socket.onAny((event, payload) => { (seen[event] ??= []).push(payload); });
  return seen;
}

const scenarios = {
  async transports() {
    const modes = {
      websocket: { transports: ["websocket"] },
      polling: { transports: ["polling"] },
      upgrade: {},
    };
    const result = {};
    for (const [name, transportOptions] of Object.entries(modes)) {
      const socket = await connected({ ...transportOptions, auth: { token: "tok-alice" } });
      if (name === "upgrade") await upgraded(socket);
      const reply = await ack(socket, "whoami", {});
      result[name] = { initial: socket.initialTransport, after: socket.io.engine.transport.name, reply };
      socket.close();
    }
    return result;
  },

  async acks() {
    const socket = await connected({ transports: ["websocket"], auth: { token: "tok-alice" } });
    const payload = { text: "héllo ✓ 你好", nested: { list: [1, 2.5, true, null], empty: {} } };
    socket.emit("echo", { noCallback: true }); // must not break anything
    const result = {
      echo: await ack(socket, "echo", payload),
      fail: await ack(socket, "fail", {}),
      boom: await ack(socket, "boom", {}),
      notAnObject: await ack(socket, "echo", "just a string"),
      afterAll: await ack(socket, "echo", { still: "alive" }),
    };
    socket.close();
    return result;
  },

  async rooms() {
    const alice1 = await connected({ transports: ["websocket"], auth: { token: "tok-alice" } });
    const alice2 = await connected({ transports: ["polling"], auth: { token: "tok-alice" } });
    const bob = await connected({ transports: ["websocket"], auth: { token: "tok-bob" } });
    const carol = await connected({ auth: { token: "tok-carol" } });
    const seen = { alice1: recorder(alice1), alice2: recorder(alice2), bob: recorder(bob), carol: recorder(carol) };

    await ack(alice1, "join", { room: "chat:1" });
    await ack(bob, "join", { room: "chat:1" });
    await ack(alice1, "say", { room: "chat:1", text: "first" });     // bob only (alice2 not in room yet)
    await ack(alice2, "join", { room: "chat:1" });
    await ack(alice1, "typing", { room: "chat:1" });                  // bob only: all alice sockets excluded
    await ack(carol, "notify", { userId: "alice", text: "ping" });    // both alice sockets, nobody else
    await ack(bob, "leave", { room: "chat:1" });
    await ack(alice1, "say", { room: "chat:1", text: "second" });     // alice2 only
    await sleep(300);
    for (const s of [alice1, alice2, bob, carol]) s.close();
    return seen;
  },

  async auth() {
    const cases = {
      missing: [{ transports: ["websocket"] }],
      badAuthToken: [{ transports: ["websocket"], auth: { token: "nope" } }],
      badAuthTokenPolling: [{ transports: ["polling"], auth: { token: "nope" } }],
      nonStringToken: [{ transports: ["websocket"], auth: { token: 42 } }],
      bearerHeaderWebsocket: [{ transports: ["websocket"], extraHeaders: { Authorization: "Bearer tok-bob" } }],
      bearerHeaderPolling: [{ transports: ["polling"], extraHeaders: { Authorization: "Bearer tok-bob" } }],
      queryParam: [{ transports: ["polling"], query: { token: "tok-carol" } }],
      cookie: [{ transports: ["websocket"], extraHeaders: { Cookie: "theme=dark; accessToken=tok-alice" } }],
      badAuthWinsOverGoodCookie: [{ transports: ["websocket"], auth: { token: "nope" }, extraHeaders: { Cookie: "accessToken=tok-alice" } }],
      adminNamespaceBad: [{ transports: ["websocket"], auth: { token: "nope" } }, "/admin"],
      adminNamespaceGood: [{ transports: ["websocket"], auth: { token: "tok-alice" } }, "/admin"],
    };
    const result = {};
    for (const [name, [options, namespace]] of Object.entries(cases)) {
      const { socket, error } = await connect(options, namespace);
      result[name] = error ? { error } : { userId: (await ack(socket, "whoami", {})).data.userId };
      socket.close();
    }
    // A refused socket may try again with a fresh token on the same connection (e.g. after a refresh).
    const retry = io(base, { reconnection: false, forceNew: true, transports: ["websocket"], auth: { token: "nope" } });
    const firstError = await new Promise((resolve) => retry.once("connect_error", (err) => resolve(err.message)));
    retry.auth = { token: "tok-bob" };
    retry.connect();
    await new Promise((resolve) => retry.once("connect", resolve));
    result.retryAfterRefusal = { firstError, userId: (await ack(retry, "whoami", {})).data.userId };
    retry.close();
    return result;
  },

  // A bad token on each transport: "unauthorized" is right; "connected" means the CONNECT got past the gate.
  async refusedOnEachTransport() {
    const modes = { polling: ["polling"], upgrade: ["polling", "websocket"], websocket: ["websocket"] };
    const result = {};
    for (const [name, transports] of Object.entries(modes)) {
      const { socket, error } = await connect({ transports, auth: { token: "nope" } });
      result[name] = error ?? "connected";
      socket.close();
    }
    return result;
  },

  // Speaks the wire protocol through a bare engine.io connection, as a hostile client could.
  // engine.send() adds the engine.io "4" (message) prefix; these strings are Socket.IO packets:
  // 0 = CONNECT, 2 = EVENT (digits after the namespace are the ack id).
  async raw() {
    const engine = new EngineSocket(base, { path: "/socket.io/", transports: ["websocket"] });
    const received = [];
    engine.on("message", (data) => received.push(data));
    await new Promise((resolve, reject) => { engine.once("open", resolve); engine.once("error", reject); });
    engine.send('2["echo",{"before":"connect"}]');
    engine.send('21["echo",{"before":"connect"}]');
    engine.send('0{"token":"nope"}');
    engine.send('0/admin,{"token":"nope"}');
    engine.send('2["echo",{"after":"refusal"}]');
    engine.send('22["echo",{"after":"refusal"}]');
    engine.send('2/admin,3["echo",{"after":"refusal"}]');
    await sleep(500);
    const stillOpen = engine.readyState === "open";
    engine.close();
    return { received, stillOpen };
  },

  async origin() {
    const [allowed] = args;
    const cases = {
      pollingEvil: { transports: [Fetch], extraHeaders: { Origin: "http://evil.example" } },
      websocketEvil: { transports: [NodeWebSocket], extraHeaders: { Origin: "http://evil.example" } },
      pollingAllowed: { transports: [Fetch], extraHeaders: { Origin: allowed } },
      websocketAllowed: { transports: [NodeWebSocket], extraHeaders: { Origin: allowed } },
      pollingSameOrigin: { transports: [Fetch], extraHeaders: { Origin: new URL(base).origin } },
    };
    const result = {};
    for (const [name, options] of Object.entries(cases)) {
      const { socket, error } = await connect({ ...options, auth: { token: "tok-alice" } });
      result[name] = error ? { error } : { connected: true };
      socket.close();
    }
    return result;
  },

  async payload() {
    const [maxBytes] = args.map(Number);
    const result = {};
    for (const transport of ["polling", "websocket"]) {
      const socket = await connected({ transports: [transport], auth: { token: "tok-alice" } });
      const big = "x".repeat(Math.floor(maxBytes * 0.8));
      const reply = await ack(socket, "echo", { big });
      const disconnected = new Promise((resolve) => socket.once("disconnect", resolve));
      socket.emit("echo", { big: "y".repeat(maxBytes * 2) });
      const reason = await Promise.race([disconnected, sleep(TIMEOUT_MS).then(() => "still connected")]);
      result[transport] = { bigEchoLength: reply.data.big.length, tooBig: reason };
      socket.close();
    }
    return result;
  },

  // Run against a server with short ping settings: the connection must survive several ping cycles.
  async ping() {
    const result = {};
    for (const transport of ["polling", "websocket"]) {
      const socket = await connected({ transports: [transport], auth: { token: "tok-alice" } });
      let pings = 0;
      socket.io.engine.on("ping", () => pings++);
      await sleep(3000);
      result[transport] = {
        pingInterval: socket.io.engine._pingInterval,
        pings,
        stillConnected: socket.connected,
        ackOk: (await ack(socket, "whoami", {})).ok,
      };
      socket.close();
    }
    return result;
  },

  async bench() {
    const [clients = 10, seconds = 3] = args.map(Number);
    const transport = args[2] ?? "websocket";
    const sockets = await Promise.all(
      Array.from({ length: clients }, () => connected({ transports: [transport], auth: { token: "tok-bob" } })));
    let acks = 0;
    const deadline = Date.now() + seconds * 1000;
    const started = Date.now();
    await Promise.all(sockets.map(async (socket, i) => {
      for (let n = 0; Date.now() < deadline; n++) {
        await ack(socket, "echo", { client: i, n, text: "hello from the benchmark" });
        acks++;
      }
    }));
    const elapsed = (Date.now() - started) / 1000;
    sockets.forEach((s) => s.close());
    return { transport, clients, seconds: elapsed, acks, perSecond: Math.round(acks / elapsed) };
  },

  // Keeps connections open until stdin closes, so the Java side can count its threads meanwhile.
  async hold() {
    const [websockets = 50, polling = 50] = args.map(Number);
    const options = (transport) => ({ transports: [transport], auth: { token: "tok-carol" } });
    const sockets = await Promise.all([
      ...Array.from({ length: websockets }, () => connected(options("websocket"))),
      ...Array.from({ length: polling }, () => connected(options("polling"))),
    ]);
    await Promise.all(sockets.map((s) => ack(s, "whoami", {})));
    console.log(JSON.stringify({ ready: sockets.length }));
    await new Promise((resolve) => { process.stdin.on("end", resolve); process.stdin.resume(); });
    sockets.forEach((s) => s.close());
    return { closed: sockets.length };
  },
};

const run = scenarios[scenario];
if (!run) {
  console.error(`unknown scenario ${scenario}; known: ${Object.keys(scenarios).join(", ")}`);
  process.exit(2);
}
try {
  console.log(JSON.stringify(await run()));
  process.exit(0);
} catch (err) {
  console.error(err.stack ?? String(err));
  process.exit(1);
}
