// The Socket.IO half of the authorization matrix (AuthorizationMatrixIT builds the cases and asserts).
// For each caller: connect with its token through the official client, then emit every event with an ack.
// A caller refused at connect is also tried the hostile way: on a raw engine.io connection it sends the CONNECT
// itself, then emits every event anyway (with ack ids), and reports whether the server answered any of them.
//
//   node security-matrix.mjs <baseUrl> <casesFile>
//   casesFile: {"callers": {"<name>": "<token>"}, "events": [{"event": "...", "payload": {...}}]}
// Prints {"cells": {"<caller>": {"<event>": "ack ok" | "ack <code>" | "connect_error <message>" | "no ack"}},
//         "answeredWithoutConnect": {"<caller>": <number of event packets the server answered>}}
import { readFileSync } from "node:fs";
import { io } from "socket.io-client";
import { Socket as EngineSocket } from "engine.io-client";

const [, , base, casesFile] = process.argv;
const { callers, events } = JSON.parse(readFileSync(casesFile, "utf8"));
const ACK_TIMEOUT_MS = 5000;
const RAW_ANSWER_WAIT_MS = 500;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function connect(token) {
  const socket = io(base, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve({ socket }));
    socket.once("connect_error", (e) => resolve({ socket, refused: e.message }));
  });
}

async function emitAll(socket) {
  const cells = {};
  for (const { event, payload } of events) {
    try {
      const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
      cells[event] = ack.ok ? "ack ok" : `ack ${ack.error.code}`;
    } catch {
      cells[event] = "no ack";
    }
  }
  return cells;
}

/**
 * Raw engine.io: a Socket.IO CONNECT packet ("0") with the token, then every event ("2<ackId>[…]") regardless of
 * the answer; counts the acks ("3<ackId>…") the server sent back.
 */
async function emitWithoutConnect(token) {
  const engine = new EngineSocket(base, { path: "/socket.io/", transports: ["websocket"] });
  const received = [];
  engine.on("message", (data) => received.push(String(data)));
  await new Promise((resolve, reject) => {
    engine.once("open", resolve);
    engine.once("error", reject);
  });
  engine.send("0" + JSON.stringify({ token }));
  events.forEach(({ event, payload }, i) => engine.send(`2${i + 1}` + JSON.stringify([event, payload])));
  await sleep(RAW_ANSWER_WAIT_MS);
  engine.close();
  return {
    connectAnswer: received.find((m) => m.startsWith("0") || m.startsWith("4")) ?? null,
    answered: received.filter((m) => m.startsWith("3")).length,
  };
}

const cells = {};
const answeredWithoutConnect = {};
const connectAnswers = {};
for (const [caller, token] of Object.entries(callers)) {
  const { socket, refused } = await connect(token);
  if (refused) {
    cells[caller] = Object.fromEntries(events.map(({ event }) => [event, `connect_error ${refused}`]));
    const raw = await emitWithoutConnect(token);
    answeredWithoutConnect[caller] = raw.answered;
    connectAnswers[caller] = raw.connectAnswer;
  } else {
    cells[caller] = await emitAll(socket);
  }
  socket.close();
}
console.log(JSON.stringify({ cells, answeredWithoutConnect, connectAnswers }));
process.exit(0);
