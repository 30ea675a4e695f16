-- Support chats, their messages and attachments. Times are epoch milliseconds.
CREATE TABLE chats (
  id                     TEXT PRIMARY KEY,
  user_id                TEXT NOT NULL REFERENCES users (id),
  admin_id               TEXT REFERENCES users (id),
  subject                TEXT NOT NULL DEFAULT '',
  priority               TEXT NOT NULL,
  -- low=1 … urgent=4, so "then by priority" sorts without a CASE expression
  priority_rank          INTEGER NOT NULL,
  status                 TEXT NOT NULL,
  -- the newest message (notes included, for admins) and the newest one a user may see
  last_message_id        TEXT,
  last_public_message_id TEXT,
  unread_by_admin        INTEGER NOT NULL DEFAULT 0,
  unread_by_user         INTEGER NOT NULL DEFAULT 0,
  is_active              BOOLEAN NOT NULL DEFAULT TRUE,
  -- kept at write time so statistics read one row per chat instead of scanning messages
  first_user_message_at  BIGINT,
  first_response_ms      BIGINT,
  resolution_ms          BIGINT,
  last_activity_at       BIGINT NOT NULL,
  created_at             BIGINT NOT NULL,
  updated_at             BIGINT NOT NULL
);
-- "one active chat per user", enforced by the database even under concurrent creates
CREATE UNIQUE INDEX ux_chats_one_active_per_user ON chats (user_id) WHERE is_active;
CREATE INDEX ix_chats_user_created ON chats (user_id, created_at);
CREATE INDEX ix_chats_activity ON chats (last_activity_at, priority_rank);
CREATE INDEX ix_chats_status_activity ON chats (status, last_activity_at);
CREATE INDEX ix_chats_priority_activity ON chats (priority, last_activity_at);
CREATE INDEX ix_chats_admin_activity ON chats (admin_id, last_activity_at);
CREATE INDEX ix_chats_created_at ON chats (created_at);
CREATE INDEX ix_chats_first_response ON chats (first_response_ms);
CREATE INDEX ix_chats_resolution ON chats (resolution_ms);

CREATE TABLE messages (
  id                TEXT PRIMARY KEY,
  chat_id           TEXT NOT NULL REFERENCES chats (id),
  sender_id         TEXT NOT NULL REFERENCES users (id),
  sender_is_admin   BOOLEAN NOT NULL,
  content           TEXT NOT NULL,
  message_type      TEXT NOT NULL,
  -- JSON array of {_id, url, fileName, contentType, size}
  attachments       TEXT NOT NULL DEFAULT '[]',
  is_read_by_admin  BOOLEAN NOT NULL,
  is_read_by_user   BOOLEAN NOT NULL,
  is_internal_note  BOOLEAN NOT NULL,
  is_edited         BOOLEAN NOT NULL DEFAULT FALSE,
  client_message_id TEXT,
  created_at        BIGINT NOT NULL,
  updated_at        BIGINT NOT NULL
);
CREATE INDEX ix_messages_chat_created ON messages (chat_id, created_at, id);
-- a retried send (same sender, chat and clientMessageId) finds its first copy; NULLs never collide
CREATE UNIQUE INDEX ux_messages_client_message_id ON messages (chat_id, sender_id, client_message_id);
CREATE INDEX ix_messages_sender_admin ON messages (sender_is_admin, sender_id);

CREATE TABLE attachments (
  id           TEXT PRIMARY KEY,
  chat_id      TEXT NOT NULL REFERENCES chats (id),
  uploader_id  TEXT NOT NULL REFERENCES users (id),
  file_name    TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes   BIGINT NOT NULL,
  storage_key  TEXT NOT NULL,
  created_at   BIGINT NOT NULL
);
CREATE INDEX ix_attachments_chat ON attachments (chat_id);
