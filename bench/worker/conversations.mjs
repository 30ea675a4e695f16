// This worker's share of the conversations: one socket per user, a few admin sockets each answering many chats
// (a support team where every agent has one dashboard open), all joined to their chats.
import { mapLimit } from "../lib/concurrency.mjs";
import { connect, request } from "./sockets.mjs";

const CONNECT_CONCURRENCY = 50;

/**
 * plan: { userUrl, adminUrl, admins: [{ token }], conversations: [{ chatId, userToken, admin: index in admins }] }.
 * Returns the pairs the drivers send on: [{ chatId, user: socket, admin: socket }].
 */
export async function openConversations(plan, traffic) {
  const admins = await mapLimit(plan.admins, CONNECT_CONCURRENCY, async (a) => {
    const socket = await connect(plan.adminUrl, a.token);
    socket.on("new_support_message", (m) => traffic.received(m, true));
    // Every admin socket hears of every user message; counted, not parsed further.
    socket.on("new_user_message_notification", () => {
      traffic.counts.notifications += 1;
    });
    return socket;
  });
  const pairs = await mapLimit(plan.conversations, CONNECT_CONCURRENCY, async (c) => {
    const user = await connect(plan.userUrl, c.userToken);
    user.on("new_support_message", (m) => traffic.received(m, false));
    const admin = admins[c.admin];
    await request(user, "join_support_chat", { chatId: c.chatId });
    await request(admin, "join_support_chat", { chatId: c.chatId });
    traffic.direction(c.chatId, false);
    traffic.direction(c.chatId, true);
    return { chatId: c.chatId, user, admin };
  });
  return {
    pairs,
    close: () => [...admins, ...pairs.map((p) => p.user)].forEach((s) => s.close()),
  };
}
