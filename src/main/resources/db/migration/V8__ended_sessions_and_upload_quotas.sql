-- Login sessions ended before their access tokens expire (logout, password change, deactivation, deletion):
-- every node refuses their access tokens until denied_until (the latest expiry any of them can have) and
-- disconnects their sockets. Nodes poll new rows by ended_at (user/SessionTermination).
CREATE TABLE ended_sessions (
  session_id   TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL,
  ended_at     BIGINT NOT NULL,
  denied_until BIGINT NOT NULL
);
CREATE INDEX ix_ended_sessions_ended_at ON ended_sessions (ended_at);

-- Uploads: when a message first carried the file (null: never attached, deleted after a day), and what each user
-- has stored, for the per-user storage quota. Files uploaded before this version count as attached.
ALTER TABLE attachments ADD COLUMN attached_at BIGINT;
UPDATE attachments SET attached_at = created_at;
CREATE INDEX ix_attachments_uploader ON attachments (uploader_id, created_at);
CREATE INDEX ix_attachments_unattached ON attachments (created_at) WHERE attached_at IS NULL;
