-- Side effects that leave the system (emails, webhook deliveries; docs/DECISIONS.md "One outbox"). A row is written in
-- the same transaction as the change that causes it and delivered afterwards by one sender at a time, so a crash
-- loses nothing. The id is the item's idempotency key: the email's Message-ID, the webhook's delivery id.
CREATE TABLE outbox (
  id          TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  -- at most one unfinished item per key (one follow-up email per conversation and window); cleared when finished
  open_key    TEXT,
  -- whom it is for, for listings (a webhook endpoint's id); null for emails
  target      TEXT,
  payload     TEXT NOT NULL,
  -- pending, sent, skipped (nothing left to send), failed (refused for good, or retried for too long)
  state       TEXT NOT NULL DEFAULT 'pending',
  due_at      BIGINT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0,
  -- a sender that took the item holds it until lease_until; a sender that died lets it go back by itself
  lease_token TEXT,
  lease_until BIGINT,
  last_status INTEGER,
  last_error  TEXT,
  created_at  BIGINT NOT NULL,
  finished_at BIGINT
);
CREATE UNIQUE INDEX ux_outbox_open_key ON outbox (open_key);
CREATE INDEX ix_outbox_pending ON outbox (due_at) WHERE state = 'pending';
CREATE INDEX ix_outbox_target ON outbox (target, created_at);

-- The follow-up email's switch (the signed link in every email turns it off) and an agent's wish to hear of new chats.
ALTER TABLE users ADD COLUMN reply_emails_off BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN new_chat_emails BOOLEAN NOT NULL DEFAULT FALSE;
-- When a person's socket last connected or disconnected: someone seen within EMAIL_AFTER is not emailed yet.
ALTER TABLE users ADD COLUMN last_seen_at BIGINT;
-- The newest agent reply already emailed, so the next window's email carries only newer ones.
ALTER TABLE chats ADD COLUMN replies_emailed_until BIGINT;
