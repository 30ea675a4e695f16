-- Satisfaction ratings and business hours (issue 17 §3, §4). Times are epoch milliseconds.

-- When the chat last moved from unfinished to resolved or closed; a rating belongs to one resolution, so a
-- chat reopened and resolved again may be rated again. Chats finished before this migration count from their
-- last change.
ALTER TABLE chats ADD COLUMN resolved_at BIGINT;
UPDATE chats SET resolved_at = updated_at WHERE status IN ('RESOLVED', 'CLOSED');

-- One rating per resolution of a chat (the unique index refuses a second one, on every node). admin_id is the
-- agent the chat was assigned to when it was rated, for the per-agent average.
CREATE TABLE chat_ratings (
  id          TEXT PRIMARY KEY,
  chat_id     TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  resolved_at BIGINT NOT NULL,
  admin_id    TEXT REFERENCES users (id) ON DELETE SET NULL,
  score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  comment     TEXT NOT NULL DEFAULT '',
  created_at  BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_chat_ratings_resolution ON chat_ratings (chat_id, resolved_at);
CREATE INDEX ix_chat_ratings_admin ON chat_ratings (admin_id);

-- The sender of the automatic reply outside business hours: an ordinary users row so that its messages are
-- stored, ordered and delivered like every other; it cannot log in ('!' is no password hash: every password is
-- refused) and is not staff (is_admin FALSE, no role, never deactivated), so it is never listed in the team,
-- assigned a chat or counted as an agent.
INSERT INTO users (id, email, full_name, password_hash, is_admin, created_at, updated_at)
VALUES ('000000000000000000000001', 'automatic-reply@support-chat.invalid', 'Automatic reply', '!', FALSE, 0, 0);
