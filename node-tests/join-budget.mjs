// An agent's dashboard at connect, with the official client (SocketBudgetIT): it joins every chat it
// has open at once, types in one, then a runaway loop floods sends. Reports counts of acks by outcome.
//   node join-budget.mjs <baseUrl> <adminToken> <chatIdsFile>
import { io } from "socket.io-client";
import { readFileSync } from "node:fs";

const [, , base, token, chatIdsFile] = process.argv;
const chatIds = JSON.parse(readFileSync(chatIdsFile, "utf8"));
const socket = io(base, { auth: { token }, transports: ["websocket"], reconnection: false, forceNew: true });
await new Promise((resolve, reject) => {
  socket.once("connect", resolve);
  socket.once("connect_error", reject);
});
const ack = (event, payload) => socket.timeout(10000).emitWithAck(event, payload).catch(() => ({ ok: false, error: { code: "timeout" } }));
const tally = (acks) => acks.reduce((t, a) => ((t[a.ok ? "ok" : a.error.code] = (t[a.ok ? "ok" : a.error.code] ?? 0) + 1), t), {});

const joins = tally(await Promise.all(chatIds.map((chatId) => ack("join_support_chat", { chatId }))));
const typing = [];
for (let i = 0; i < 20; i++) {
  typing.push(await ack("support_typing_start", { chatId: chatIds[0] }));
  typing.push(await ack("support_typing_stop", { chatId: chatIds[0] }));
}
const firstSend = await ack("send_support_message", { chatId: chatIds[0], content: "hello after joining" });
const flood = tally(
  await Promise.all(
    Array.from({ length: 200 }, (_, i) => ack("send_support_message", { chatId: chatIds[0], content: `flood ${i}` })),
  ),
);
socket.close();
console.log(JSON.stringify({ joins, typing: tally(typing), firstSend: firstSend.ok, flood }));
