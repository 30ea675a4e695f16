// Auto-assignment benchmark (issue 16): chats arriving over three Java nodes sharing PostgreSQL and Redis, agents'
// dashboards spread over the nodes, agents resolving their chats and going offline and back. Measures what the
// issue asks: chats given to a second agent while a first still had them, samples where chats waited while an
// online agent had room, the spread of active chats between online agents at each sample, and the queue wait.
//
//   node bench/assignment.mjs [--chats 10000] [--agents 20] [--rate 100] [--capacity 5]
//        [--jar target/support-chat.jar] [--pg postgres://postgres@127.0.0.1:5432/postgres] [--redis redis://127.0.0.1:6379]
//
// The chats come from widget visitors (no bcrypt per chat); each agent resolves a chat 0.5–3 s after getting it;
// every 2 s one random agent closes its dashboard for 1–15 s (over the 10 s offline grace: its chats go back to
// the queue). Results go to stdout as JSON and a Markdown line for docs/BENCHMARKS.md.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { io } from "socket.io-client";
import { createPostgresDatabase } from "./lib/databases.mjs";
import { stopAll } from "./lib/proc.mjs";
import { startJavaNode } from "./lib/servers.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, a, i, all) => (a.startsWith("--") ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []),
);
const CHATS = Number(args.chats ?? 10_000);
const AGENTS = Number(args.agents ?? 20);
const RATE = Number(args.rate ?? 100); // chats per second, all nodes together
const CAPACITY = Number(args.capacity ?? 5);
const JAR = resolve(args.jar ?? "target/support-chat.jar");
const PG = args.pg ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS = args.redis ?? "redis://127.0.0.1:6379";
const admin = { email: "bench-admin@example.com", password: "bench-admin-password" };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...a) => console.error(new Date().toISOString().slice(11, 19), ...a);

async function api(base, method, path, body, token) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json.data;
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : null);

// Interrupted (Ctrl-C, kill): stop the three nodes first, or they keep their database connections.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    await stopAll().catch(() => {});
    process.exit(130);
  });
}

async function main() {
  const db = await createPostgresDatabase(PG, `bench_assign_${Date.now()}`);
  const secrets = { access: "bench-access-secret-0123456789abcdef", refresh: "bench-refresh-secret-0123456789abcdef" };
  const redis = { url: REDIS, prefix: `bench-assign-${Date.now()}` };
  const nodes = [];
  try {
    for (let i = 0; i < 3; i++) {
      const dir = mkdtempSync(join(tmpdir(), `bench-assign-${i}-`));
      nodes.push(
        await startJavaNode({ name: `node${i}`, jar: JAR, javaOpts: "-Xmx512m", dir, databaseUrl: db.url, redis, secrets, admin }),
      );
    }
    // The per-address limits of visitors and sign-ins are for the public, not for a load generator on one address;
    // they are set in the environment by startJavaNode's LOAD_LIMITS except the visitors' one, raised below.
    const urls = nodes.map((n) => n.url);
    log("nodes up:", urls.join(" "));
    const lead = await api(urls[0], "POST", "/users/login", admin);
    await api(urls[0], "PUT", "/team/me/availability", { status: "away" }, lead.accessToken);

    // Agents: invited and joined, one dashboard each, spread over the nodes.
    const agents = [];
    for (let i = 0; i < AGENTS; i++) {
      const invite = await api(urls[0], "POST", "/team/invites", { email: `agent${i}@bench.example` }, lead.accessToken);
      const joined = await api(urls[i % 3], "POST", "/team/invites/accept", {
        token: invite.token,
        fullName: `Agent ${i}`,
        password: "bench-agent-password",
      });
      agents.push({ i, id: joined.user._id, token: joined.accessToken, url: urls[i % 3], socket: null, online: false });
    }
    const holder = new Map(); // chatId → agent id currently holding it, as told by events
    const doubles = new Set();
    const created = new Map(); // chatId → ms when created (client clock)
    const firstAssigned = new Map(); // chatId → ms when first assigned
    let resolved = 0;
    const connect = (a) => {
      a.socket = io(a.url, { auth: { token: a.token }, transports: ["websocket"], reconnection: false, forceNew: true });
      a.online = true;
      const work = (chatId) =>
        setTimeout(
          () =>
            api(a.url, "PUT", `/chats/${chatId}/status`, { status: "resolved" }, a.token)
              .then(() => resolved++)
              .catch(() => undefined), // the server is stopping: fine
          500 + Math.random() * 2500,
        );
      a.socket.on("support_chat_assigned", (e) => {
        if (e.admin?._id === a.id) work(e.chatId);
      });
      // Back online: the chats given while the dashboard was closing (or kept within the grace) are worked too,
      // as a person would find them in their list.
      a.socket.on("connect", () =>
        api(a.url, "GET", "/chats/admin/all?assigned=me&status=in-progress&limit=100", undefined, a.token)
          .then((page) => page.chats.forEach((c) => work(c._id)))
          .catch(() => undefined),
      );
    };
    // One observer (the away lead, on one node, so it sees every assignment in one order) keeps who holds what.
    const observer = io(urls[0], { auth: { token: lead.accessToken }, transports: ["websocket"], forceNew: true });
    observer.on("support_chat_assigned", (e) => {
      const was = holder.get(e.chatId);
      const to = e.admin?._id ?? null;
      if (to && was && was !== to) doubles.add(e.chatId); // given to a second agent without going back first
      if (to === null) holder.delete(e.chatId);
      else holder.set(e.chatId, to);
      if (to && !firstAssigned.has(e.chatId)) firstAssigned.set(e.chatId, Date.now());
    });
    agents.forEach(connect);
    await sleep(2000);
    await api(urls[1], "PATCH", "/team/settings", { autoAssign: true, defaultCapacity: CAPACITY }, lead.accessToken);

    // Churn: every 2 s one agent closes its dashboard for 1–15 s.
    let churning = true;
    const churn = (async () => {
      while (churning) {
        await sleep(2000);
        const a = agents[Math.floor(Math.random() * agents.length)];
        if (!a.online) continue;
        a.socket.close();
        a.online = false;
        setTimeout(() => churning && connect(a), 1000 + Math.random() * 14_000);
      }
    })();

    // Samples: twice a second, the team as the dashboard sees it.
    // Spread is also kept apart for samples with chats waiting: then every online agent should be full (assignment
    // decides the loads); with none waiting, loads drift with how fast each agent resolves, which no assignment
    // rule controls short of taking chats away from people.
    const samples = {
      n: 0,
      spreadMax: 0,
      spreadOver1: 0,
      waitingWithRoom: 0,
      overCapacity: 0,
      withQueue: 0,
      withQueueSpreadMax: 0,
      withQueueSpreadOver1: 0,
    };
    let sampling = true;
    let lastWaitingWithRoom = null;
    const sampler = (async () => {
      while (sampling) {
        await sleep(500);
        const team = await api(urls[2], "GET", "/team", undefined, lead.accessToken).catch(() => null);
        if (!team) continue;
        samples.n++;
        const online = team.agents.filter((a) => a.role === "agent" && a.availability === "online");
        const loads = online.map((a) => a.load);
        if (loads.length > 1) {
          const spread = Math.max(...loads) - Math.min(...loads);
          samples.spreadMax = Math.max(samples.spreadMax, spread);
          if (spread > 1) samples.spreadOver1++;
          if (team.queue.length > 0) {
            samples.withQueue++;
            samples.withQueueSpreadMax = Math.max(samples.withQueueSpreadMax, spread);
            if (spread > 1) samples.withQueueSpreadOver1++;
          }
        }
        if (team.agents.some((a) => a.load > a.capacity)) samples.overCapacity++;
        const room = online.some((a) => a.load < a.capacity);
        // A chat waiting while someone has room for longer than a pass takes (two samples in a row) is a miss.
        const waitingWithRoom = team.queue.length > 0 && room;
        if (waitingWithRoom && lastWaitingWithRoom) samples.waitingWithRoom++;
        lastWaitingWithRoom = waitingWithRoom;
      }
    })();

    // Arrivals: visitors open chats at RATE per second over the three nodes.
    const started = Date.now();
    let sent = 0;
    const inflight = new Set();
    while (sent < CHATS) {
      const due = Math.floor(((Date.now() - started) / 1000) * RATE);
      while (sent < Math.min(due, CHATS)) {
        const url = urls[sent % 3];
        sent++;
        const p = (async () => {
          const visitor = await api(url, "POST", "/widget/visitors", {});
          const chat = await api(url, "POST", "/chats/support", { message: "hello" }, visitor.accessToken);
          created.set(chat._id, Date.parse(chat.createdAt));
        })()
          .catch((e) => log("arrival failed:", e.message))
          .finally(() => inflight.delete(p));
        inflight.add(p);
      }
      await sleep(20);
    }
    await Promise.all(inflight);
    const arrivalSeconds = (Date.now() - started) / 1000;
    log(`${CHATS} chats in ${arrivalSeconds.toFixed(1)} s; waiting for all to be assigned`);
    churning = false;
    agents.filter((a) => !a.online).forEach(connect);
    const deadline = Date.now() + 10 * 60_000;
    while (Date.now() < deadline && [...created.keys()].some((id) => !firstAssigned.has(id))) await sleep(500);
    sampling = false;
    await Promise.all([sampler, churn]);

    const waits = [...created.entries()]
      .filter(([id]) => firstAssigned.has(id))
      .map(([id, at]) => firstAssigned.get(id) - at)
      .sort((a, b) => a - b);
    const result = {
      chats: CHATS,
      agents: AGENTS,
      capacity: CAPACITY,
      ratePerSecond: RATE,
      arrivalSeconds: Number(arrivalSeconds.toFixed(1)),
      assigned: waits.length,
      neverAssigned: CHATS - waits.length,
      chatsWithTwoAgents: doubles.size,
      samples: samples.n,
      samplesWaitingWithRoom: samples.waitingWithRoom,
      samplesOverCapacity: samples.overCapacity,
      samplesSpreadOver1: samples.spreadOver1,
      spreadMax: samples.spreadMax,
      samplesWithQueue: samples.withQueue,
      withQueueSpreadMax: samples.withQueueSpreadMax,
      withQueueSamplesSpreadOver1: samples.withQueueSpreadOver1,
      waitP50Ms: percentile(waits, 50),
      waitP99Ms: percentile(waits, 99),
      resolved,
    };
    console.log(JSON.stringify(result));
    console.log(
      `| ${CHATS} | ${AGENTS} | ${CAPACITY} | ${RATE}/s | ${result.chatsWithTwoAgents} | ${result.samplesWaitingWithRoom} of ${result.samples} | ${result.samplesOverCapacity} | ${result.spreadMax} (${result.samplesSpreadOver1} samples > 1) | ${result.withQueueSpreadMax} (${result.withQueueSamplesSpreadOver1} of ${result.samplesWithQueue} samples > 1) | ${result.waitP50Ms} ms | ${result.waitP99Ms} ms |`,
    );
    agents.forEach((a) => a.socket?.close());
    observer.close();
  } finally {
    await stopAll();
    await db.drop().catch(() => undefined);
  }
}

main().catch(async (e) => {
  console.error(e);
  await stopAll();
  process.exit(1);
});
