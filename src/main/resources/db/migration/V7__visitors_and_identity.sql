-- Who is talking (docs/DECISIONS.md, "Visitors and verified users"): an account (register/login), a verified user of
-- the host site (keyed by the host's user id, never by email) or an anonymous visitor of the widget.
ALTER TABLE users ADD COLUMN kind TEXT NOT NULL DEFAULT 'account';
-- the host's user id (the identity token's sub) of a verified user
ALTER TABLE users ADD COLUMN external_id TEXT;
-- true when the email was asserted by the host (a verified user's email claim)
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
-- a visitor whose conversations were merged into a verified user: set exactly once, by the merge itself
ALTER TABLE users ADD COLUMN merged_into TEXT;
-- Only accounts log in by email, so only their emails are unique: a visitor may leave none ('') and a verified
-- user may carry the same email as an account without being that account.
DROP INDEX ux_users_email;
CREATE UNIQUE INDEX ux_users_account_email ON users (email) WHERE kind = 'account';
CREATE UNIQUE INDEX ux_users_external_id ON users (external_id);

-- What the widget last reported about where and how a person is chatting, for the agents.
CREATE TABLE user_context (
  user_id    TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  page_url   TEXT,
  page_title TEXT,
  browser    TEXT,
  language   TEXT,
  time_zone  TEXT,
  updated_at BIGINT NOT NULL
);

-- Identity tokens with a jti already exchanged, until they expire: a replay is refused on every node.
CREATE TABLE identity_token_uses (
  jti_hash   TEXT PRIMARY KEY,
  expires_at BIGINT NOT NULL
);
CREATE INDEX ix_identity_token_uses_expires ON identity_token_uses (expires_at);
