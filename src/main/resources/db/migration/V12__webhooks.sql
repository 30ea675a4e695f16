-- Endpoints admins registered for webhooks (docs/API.md "Webhooks"). Each delivery is an outbox row (V11) whose
-- target is the endpoint's id. The secret signs the deliveries, so it is kept as it is (shown once to the admin).
CREATE TABLE webhook_endpoints (
  id          TEXT PRIMARY KEY,
  url         TEXT NOT NULL,
  secret      TEXT NOT NULL,
  -- the events it wants, comma-separated (chat.created,message.created,…)
  events      TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  is_active   BOOLEAN NOT NULL DEFAULT TRUE,
  created_by  TEXT,
  created_at  BIGINT NOT NULL,
  updated_at  BIGINT NOT NULL
);
