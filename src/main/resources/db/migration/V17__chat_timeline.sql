-- What happened to a chat besides its messages, for the dashboard's timeline (issue 18 §8): status changes and
-- assignments, who did them and when. Written in the transaction of the change itself. kind: 'status' (previous
-- and value are statuses) or 'assigned' (previous and value are staff user ids; value NULL: back to the queue).
-- actor_id NULL: done by the server (automatic assignment, a deactivated agent's chats put back).
CREATE TABLE chat_events (
  id         TEXT PRIMARY KEY,
  chat_id    TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('status', 'assigned')),
  actor_id   TEXT REFERENCES users (id) ON DELETE SET NULL,
  previous   TEXT,
  value      TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX ix_chat_events_chat ON chat_events (chat_id, created_at);
