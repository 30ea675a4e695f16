-- Indexes for the admin list and the statistics at 100,000 chats / 1,000,000 messages (docs/BENCHMARKS.md).
--
-- The admin list always filters "is_active = TRUE", optionally by status, priority or assignee, and pages in the
-- order "last_activity_at DESC, priority_rank DESC, id DESC". Partial indexes with exactly that predicate, holding
-- the whole sort key, let both engines read a page (and count the matches) from the index alone, in index order,
-- without sorting or visiting table rows. SQLite uses a partial index only when the query repeats its WHERE term
-- verbatim, so the predicate is written "is_active = TRUE" as in the queries. They replace the V2 indexes below,
-- which lacked the id tie-breaker and the is_active predicate.
DROP INDEX ix_chats_activity;
DROP INDEX ix_chats_status_activity;
DROP INDEX ix_chats_priority_activity;
DROP INDEX ix_chats_admin_activity;
CREATE INDEX ix_chats_list ON chats (last_activity_at, priority_rank, id) WHERE is_active = TRUE;
CREATE INDEX ix_chats_list_status ON chats (status, last_activity_at, priority_rank, id) WHERE is_active = TRUE;
CREATE INDEX ix_chats_list_priority ON chats (priority, last_activity_at, priority_rank, id) WHERE is_active = TRUE;
CREATE INDEX ix_chats_list_admin ON chats (admin_id, last_activity_at, priority_rank, id) WHERE is_active = TRUE;

-- Replies per admin (statistics, admin workload) count public admin messages by sender: an index of just those
-- rows, keyed by sender, is counted without reading the messages table. It replaces (sender_is_admin, sender_id),
-- which still sent every row to the table to check is_internal_note.
DROP INDEX ix_messages_sender_admin;
CREATE INDEX ix_messages_admin_replies ON messages (sender_id) WHERE sender_is_admin = TRUE AND is_internal_note = FALSE;
