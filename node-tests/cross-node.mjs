// One exchange between a user and an admin connected to (possibly) different server nodes, with the admin's view
// of the whole history afterwards. Used by the scale-out tests around a node being stopped.
//
//   node cross-node.mjs <userNodeUrl> <adminNodeUrl> <userToken> <adminToken> <chatId> <content>
import { io } from "socket.io-client";

const [, , userUrl, adminUrl, userToken, adminToken, chatId, content] = process.argv;
const WAIT_MS = 5000;

function connect(url, token) {
  const socket = io(url, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
  const received = [];
  socket.on("new_support_message", (m) => received.push(m));
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve({ socket, received }));
    socket.once("connect_error", (e) => reject(e));
  });
}

async function until(pred) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    if (pred()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

const user = await connect(userUrl, userToken);
const admin = await connect(adminUrl, adminToken);
await user.socket.timeout(WAIT_MS).emitWithAck("join_support_chat", { chatId });
await admin.socket.timeout(WAIT_MS).emitWithAck("join_support_chat", { chatId });
const ack = await user.socket.timeout(WAIT_MS).emitWithAck("send_support_message", { chatId, content });
const adminGot = await until(() => admin.received.some((m) => m.content === content));
const reply = "re: " + content;
await admin.socket.timeout(WAIT_MS).emitWithAck("send_support_message", { chatId, content: reply });
const userGot = await until(() => user.received.some((m) => m.content === reply));
const res = await fetch(`${adminUrl}/api/v1/chats/${chatId}/messages?limit=100`, {
  headers: { Authorization: `Bearer ${adminToken}` },
});
const history = (await res.json()).data.messages.map((m) => m.content).reverse();
user.socket.close();
admin.socket.close();
console.log(JSON.stringify({ sendOk: ack.ok, adminGot, userGot, adminCopies: admin.received.length, history }));
