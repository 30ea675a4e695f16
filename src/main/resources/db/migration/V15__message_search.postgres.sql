-- Search what was said (issue 18): the dashboard's search also matches message contents, internal notes included.
--
-- A GIN index over each message's words ('simple': lower-cased words, no stemming and no stop words, as the team
-- writes in many languages), an expression index so the table itself is not rewritten. PostgreSQL's parser keeps
-- "FIN-88", "bob@example.com" or "1.2.3" as single tokens (and "-88" as a signed number); those separators are made
-- spaces first, so every letter-and-digit run is a word of its own, as in SQLite's index. The search repeats this
-- expression exactly (JdbcMessageSearch), or the index would not be used.
--
-- The search asks for the newest matches first: for a rare word the planner reads the few matches from this index
-- and sorts them; for a common one it walks ix_messages_created backwards and stops after a page of matches.
CREATE INDEX ix_messages_words ON messages USING gin (to_tsvector('simple', translate(content, '-./@:+_~\#', '          ')));
CREATE INDEX ix_messages_created ON messages (created_at, id);
ANALYZE messages;
