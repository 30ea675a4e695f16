// Sends messages to one chat from several sockets of the same user at once and reports each acknowledgement, so
// a test can check limits that span a user's sockets (MessageLimitsIT).
//
//   node security-sends.mjs <baseUrl> <token> <chatId> <socketCount> <content> [content…]
// The contents are spread over the sockets round-robin and sent concurrently.
// Prints {"acks": ["ok" | "<error code>" | "no ack", …]} in the order of the contents.
import { io } from "socket.io-client";

const [, , base, token, chatId, socketCount, ...contents] = process.argv;

function connect() {
  const socket = io(base, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const sockets = await Promise.all(Array.from({ length: Number(socketCount) }, connect));
const acks = await Promise.all(contents.map((content, i) => sockets[i % sockets.length]
  .timeout(5000)
  .emitWithAck("send_support_message", { chatId, content })
  .then((ack) => (ack.ok ? "ok" : ack.error.code))
  .catch(() => "no ack")));
sockets.forEach((s) => s.close());
console.log(JSON.stringify({ acks }));
process.exit(0);
