-- A support team (issue 16): roles, deactivation, invites, each agent's availability and capacity, and the queue
-- of chats waiting for an agent. Times are epoch milliseconds.

-- 'admin' (manages the team) or 'agent' (works chats) for staff; NULL for the people who chat. Staff keep
-- is_admin = TRUE while active (the seed's clients read isAdmin), FALSE while deactivated.
ALTER TABLE users ADD COLUMN role TEXT;
ALTER TABLE users ADD COLUMN deactivated_at BIGINT;
UPDATE users SET role = 'admin' WHERE is_admin = TRUE;

-- Single-use invitations; only a SHA-256 of the link's token is kept.
CREATE TABLE invites (
  id          TEXT PRIMARY KEY,
  email       TEXT NOT NULL,
  role        TEXT NOT NULL,
  token_hash  TEXT NOT NULL,
  invited_by  TEXT NOT NULL REFERENCES users (id),
  created_at  BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  accepted_at BIGINT,
  accepted_by TEXT REFERENCES users (id),
  revoked_at  BIGINT
);
CREATE UNIQUE INDEX ux_invites_token_hash ON invites (token_hash);
CREATE INDEX ix_invites_created ON invites (created_at);

-- What assignment needs to know about an agent. seen_at is written every second by each node that has a socket
-- of theirs: an agent is connected while it is recent, on whichever node.
CREATE TABLE agent_state (
  user_id          TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  availability     TEXT NOT NULL DEFAULT 'online',
  capacity         INTEGER,
  seen_at          BIGINT,
  last_assigned_at BIGINT
);

-- Team-wide settings changed from the dashboard (auto-assignment on/off, default capacity).
CREATE TABLE team_settings (
  name       TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

-- Rows locked (UPDATE … SET name = name) to serialise a decision across nodes: the same SQL locks a row on
-- PostgreSQL and takes the write lock at once on SQLite.
CREATE TABLE row_locks (name TEXT PRIMARY KEY);
INSERT INTO row_locks (name) VALUES ('team');
INSERT INTO row_locks (name) VALUES ('assignment');

-- When a chat joined the queue of unassigned open chats (first in, first out); NULL: its creation time.
ALTER TABLE chats ADD COLUMN queued_at BIGINT;
-- When the current agent was given the chat (by hand or automatically): an agent offline for too long gives back
-- what they had before going offline, never what an admin handed them since.
ALTER TABLE chats ADD COLUMN assigned_at BIGINT;
CREATE INDEX ix_chats_queue ON chats (status, admin_id, queued_at);
