-- The team inbox's saved replies and labels (issue 16 §4, §6). Times are epoch milliseconds.

-- Team-wide saved replies: typed as /shortcut in the composer; the body may hold {{user.name}}, {{user.email}}
-- and {{agent.name}}, filled in by the dashboard when inserted.
CREATE TABLE saved_replies (
  id         TEXT PRIMARY KEY,
  shortcut   TEXT NOT NULL,
  body       TEXT NOT NULL,
  created_by TEXT,
  updated_by TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_saved_replies_shortcut ON saved_replies (shortcut);

-- Labels staff put on chats; name_key is the lower-cased name, so "Billing" and "billing" are one label.
CREATE TABLE labels (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  name_key   TEXT NOT NULL,
  colour     TEXT NOT NULL,
  created_by TEXT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX ux_labels_name_key ON labels (name_key);

CREATE TABLE chat_labels (
  chat_id  TEXT NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
  label_id TEXT NOT NULL REFERENCES labels (id) ON DELETE CASCADE,
  added_by TEXT,
  added_at BIGINT NOT NULL,
  PRIMARY KEY (chat_id, label_id)
);
-- The list's label filter reads the chats of one label.
CREATE INDEX ix_chat_labels_label ON chat_labels (label_id, chat_id);

-- Serialises count-then-insert of saved replies, labels and a chat's labels across nodes (their limits hold).
INSERT INTO row_locks (name) VALUES ('inbox');
