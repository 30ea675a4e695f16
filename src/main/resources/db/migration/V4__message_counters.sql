-- Messages counted per sender, kept exact by JdbcChatRepository.append in the same transaction as each message
-- insert (messages are never deleted, and a message's sender and note flag never change). The statistics read
-- their totals here: COUNT(*) over a million messages is a full scan on PostgreSQL (~100 ms on two cores), and
-- counting admin replies read half of the messages table. One row per sender keeps concurrent sends in different
-- chats from waiting on one shared counter row.
CREATE TABLE sender_message_counts (
  sender_id      TEXT PRIMARY KEY REFERENCES users (id),
  -- every message the sender wrote, internal notes included (the statistics' totals.messages)
  messages       BIGINT NOT NULL,
  -- messages written as an admin that are not internal notes (the statistics' admin replies)
  public_replies BIGINT NOT NULL
);
INSERT INTO sender_message_counts (sender_id, messages, public_replies)
  SELECT sender_id, COUNT(*), SUM(CASE WHEN sender_is_admin = TRUE AND is_internal_note = FALSE THEN 1 ELSE 0 END)
  FROM messages GROUP BY sender_id;

-- V3 indexed admin replies for counting them in messages; the counters above replaced that query.
DROP INDEX ix_messages_admin_replies;
