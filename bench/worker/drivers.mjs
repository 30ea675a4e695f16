// How the conversations send. Closed loop (throughput): each side keeps `depth` messages in flight and sends the
// next one when an ack comes back, so the server sets the pace. Open loop (latency): each side sends on its own
// fixed schedule whatever the server does, so a slow server shows up as latency instead of as fewer messages.
import { Phase } from "./traffic.mjs";

// "Sender" is a socket: a user's, or an admin's that takes its chats in turn. Counting in-flight messages per
// socket (not per chat) keeps an admin socket with 50 chats from queueing 50 times as many messages as a user.
// `usersOnly`: only the users send (the team scenario: agents' dashboards receive, the customers talk).
export function closedLoop(pairs, traffic, depth, usersOnly = false) {
  for (const { socket, fromAdmin, chatIds } of senders(pairs)) {
    if (usersOnly && fromAdmin) continue;
    let turn = 0;
    const next = () => {
      if (traffic.phase !== Phase.DRAIN) traffic.send(socket, chatIds[turn++ % chatIds.length], fromAdmin, next);
    };
    for (let i = 0; i < depth; i++) next();
  }
}

function senders(pairs) {
  const bySocket = new Map();
  for (const { chatId, user, admin } of pairs) {
    bySocket.set(user, { socket: user, fromAdmin: false, chatIds: [chatId] });
    if (!bySocket.has(admin)) bySocket.set(admin, { socket: admin, fromAdmin: true, chatIds: [] });
    bySocket.get(admin).chatIds.push(chatId);
  }
  return [...bySocket.values()];
}

/** Every side sends every `intervalMs`, each at its own random offset so the load is spread evenly over time. */
export function openLoop(pairs, traffic, intervalMs, usersOnly = false) {
  const start = performance.now();
  for (const { chatId, user, admin } of pairs) {
    for (const [socket, fromAdmin] of usersOnly
      ? [[user, false]]
      : [
          [user, false],
          [admin, true],
        ]) {
      const offset = Math.random() * intervalMs;
      let k = 0;
      // Each send is scheduled from the start time, not from the previous send, so timer lateness cannot drift.
      const tick = () => {
        if (traffic.phase === Phase.DRAIN) return;
        traffic.send(socket, chatId, fromAdmin);
        k += 1;
        setTimeout(tick, Math.max(0, start + offset + k * intervalMs - performance.now()));
      };
      setTimeout(tick, offset);
    }
  }
}
