// The peer's SQL: accounts, the caller's chat, and the send path. Written as a careful Node developer would with
// `pg`: parameterised statements, and the message insert plus the chat's counters in one statement (one round trip,
// one commit) rather than the several calls an ORM would make.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Login is deliberately trivial (the brief allows it): the comparison is about the send path, not password hashing.
export const hashPassword = (password) => createHash("sha256").update(password).digest("hex");

export const newId = () => randomBytes(12).toString("hex");

export function passwordMatches(password, hash) {
  const a = Buffer.from(hashPassword(password));
  const b = Buffer.from(hash ?? "");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function createStore(pool) {
  const one = async (sql, params) => (await pool.query(sql, params)).rows[0] ?? null;
  return {
    userByEmail: (email) => one("SELECT * FROM users WHERE email = $1", [email.toLowerCase()]),

    async upsertUser({ email, password, fullName, isAdmin }) {
      const now = Date.now();
      return one(
        `INSERT INTO users (id, email, full_name, password_hash, is_admin, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $6)
        ON CONFLICT (email) WHERE kind = 'account' DO UPDATE SET password_hash = EXCLUDED.password_hash, is_admin = EXCLUDED.is_admin
        RETURNING *`,
        [newId(), email.toLowerCase(), fullName ?? email, hashPassword(password), isAdmin, now],
      );
    },

    chat: (chatId) => one("SELECT * FROM chats WHERE id = $1", [chatId]),

    async activeChatOf(userId, subject) {
      const existing = await one("SELECT * FROM chats WHERE user_id = $1 AND is_active", [userId]);
      if (existing) return existing;
      const now = Date.now();
      await pool.query(
        `INSERT INTO chats (id, user_id, subject, priority, priority_rank, status, last_activity_at,
          created_at, updated_at) VALUES ($1, $2, $3, 'MEDIUM', 2, 'OPEN', $4, $4, $4) ON CONFLICT DO NOTHING`,
        [newId(), userId, subject ?? "", now],
      );
      return one("SELECT * FROM chats WHERE user_id = $1 AND is_active", [userId]);
    },

    /** Inserts the message and updates its chat in one statement; returns { message row, chat row }. */
    async append({ chatId, sender, content, clientMessageId }) {
      const id = newId();
      const now = Date.now();
      const chat = await one(
        `WITH m AS (
          INSERT INTO messages (id, chat_id, sender_id, sender_is_admin, content, message_type, attachments,
            is_read_by_admin, is_read_by_user, is_internal_note, is_edited, client_message_id, created_at, updated_at)
          VALUES ($1, $2, $3, $4, $5, 'text', '[]', $4, NOT $4, FALSE, FALSE, $6, $7, $7) RETURNING id)
        UPDATE chats SET last_message_id = $1, last_public_message_id = $1,
          unread_by_admin = unread_by_admin + CASE WHEN $4 THEN 0 ELSE 1 END,
          unread_by_user = unread_by_user + CASE WHEN $4 THEN 1 ELSE 0 END,
          status = CASE WHEN NOT $4 AND status IN ('RESOLVED', 'CLOSED') THEN 'OPEN' ELSE status END,
          last_activity_at = $7, updated_at = $7
        WHERE id = (SELECT $2::text FROM m) RETURNING *`,
        [id, chatId, sender.sub, sender.adm, content, clientMessageId ?? null, now],
      );
      return { message: { id, chatId, sender, content, clientMessageId, createdAt: now }, chat };
    },
  };
}
