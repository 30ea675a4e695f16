// The seed's own stack, minimal: express + socket.io 4 + PostgreSQL via pg, single process, implementing the send
// path the seed describes (JWT checked on connect, join the chat's room, send_support_message stores the message,
// then acks and emits it to the room and notifies admins / the user). It exists only to be measured against.
//
//   DATABASE_URL=postgres://… SCHEMA_DIR=src/main/resources/db/migration JWT_SECRET=… ADMIN_EMAIL=… \
//   ADMIN_PASSWORD=… PORT=8100 node bench/node-peer/server.mjs
import { createServer } from "node:http";
import express from "express";
import jwt from "jsonwebtoken";
import pg from "pg";
import { Server } from "socket.io";
import { migrate } from "./schema.mjs";
import { createStore, passwordMatches } from "./store.mjs";
import { chatJson, messageJson } from "./wire.mjs";

const env = process.env;
const MAX_MESSAGE_LENGTH = 5000;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: Number(env.POOL_SIZE ?? 16) });
await migrate(pool, env.SCHEMA_DIR);
const store = createStore(pool);
await store.upsertUser({ email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, fullName: "Admin", isAdmin: true });

const sign = (u) =>
  jwt.sign({ sub: u.id, adm: u.is_admin, email: u.email, name: u.full_name }, env.JWT_SECRET, { expiresIn: "6h" });
const ok = (res, data, status = 200) => res.status(status).json({ statusCode: status, data, success: true });
const fail = (res, status, message) =>
  res.status(status).json({ statusCode: status, data: null, message, success: false });

const app = express();
app.use(express.json());
app.get("/health", (req, res) => ok(res, { status: "ok" }));
app.post("/api/v1/users/register", async (req, res) => {
  const { email, password, fullName } = req.body ?? {};
  if (typeof email !== "string" || typeof password !== "string") return fail(res, 400, "email and password required");
  if (await store.userByEmail(email)) return fail(res, 409, "email taken");
  const u = await store.upsertUser({ email, password, fullName, isAdmin: false });
  ok(res, { _id: u.id, email: u.email, fullName: u.full_name, isAdmin: false }, 201);
});
app.post("/api/v1/users/login", async (req, res) => {
  const { email, password } = req.body ?? {};
  const u = typeof email === "string" ? await store.userByEmail(email) : null;
  if (!u || typeof password !== "string" || !passwordMatches(password, u.password_hash))
    return fail(res, 401, "invalid credentials");
  ok(res, { user: { _id: u.id, email: u.email, fullName: u.full_name, isAdmin: u.is_admin }, accessToken: sign(u) });
});
app.post("/api/v1/chats/support", async (req, res) => {
  let caller;
  try {
    caller = jwt.verify((req.get("authorization") ?? "").replace(/^Bearer /i, ""), env.JWT_SECRET);
  } catch {
    return fail(res, 401, "unauthorized");
  }
  if (caller.adm) return fail(res, 403, "admins do not open chats");
  ok(res, chatJson(await store.activeChatOf(caller.sub, req.body?.subject)));
});

const http = createServer(app);
const io = new Server(http, { serveClient: false });

io.use((socket, next) => {
  try {
    socket.data.user = jwt.verify(socket.handshake.auth?.token, env.JWT_SECRET);
    next();
  } catch {
    next(new Error("unauthorized"));
  }
});

/** The chat if `user` may use it (its own user, or any admin), else null. */
async function access(user, chatId) {
  const chat = typeof chatId === "string" ? await store.chat(chatId) : null;
  return chat && chat.is_active && (user.adm || chat.user_id === user.sub) ? chat : null;
}

const answer = (ack, result) => typeof ack === "function" && ack(result);
const error = (code, message) => ({ ok: false, error: { code, message } });

io.on("connection", (socket) => {
  const user = socket.data.user;
  socket.join(user.adm ? ["admins", `user:${user.sub}`] : `user:${user.sub}`);

  socket.on("join_support_chat", async (p, ack) => {
    if (!(await access(user, p?.chatId))) return answer(ack, error("not_found", "Chat not found."));
    socket.join(`chat:${p.chatId}`);
    answer(ack, { ok: true, data: { chatId: p.chatId } });
  });

  socket.on("send_support_message", async (p, ack) => {
    try {
      const content = typeof p?.content === "string" ? p.content.trim() : "";
      if (!content || content.length > MAX_MESSAGE_LENGTH) return answer(ack, error("invalid", "content is required"));
      if (!(await access(user, p.chatId))) return answer(ack, error("not_found", "Chat not found."));
      const { message, chat } = await store.append({
        chatId: p.chatId,
        sender: user,
        content,
        clientMessageId: p.clientMessageId,
      });
      const msg = messageJson(message);
      answer(ack, { ok: true, data: msg });
      io.to(`chat:${p.chatId}`).emit("new_support_message", msg);
      if (user.adm) io.to(`user:${chat.user_id}`).emit("admin_reply_notification", { chatId: p.chatId, message: msg });
      else
        io.to("admins").emit("new_user_message_notification", { chatId: p.chatId, message: msg, chat: chatJson(chat) });
    } catch (e) {
      // A retried clientMessageId hits the unique index; the bench never retries, so anything here is a failure.
      console.error("send failed", e.message);
      answer(ack, error("internal", "internal error"));
    }
  });
});

http.listen(Number(env.PORT ?? 8100), env.HOST ?? "127.0.0.1");
const shutdown = () => {
  io.close();
  pool.end().finally(() => process.exit(0));
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
