-- The admin list's free-text search ("q": a chat's subject, its user's name or email, any substring) at 100,000
-- chats. LIKE '%term%' cannot use a B-tree, so it read every chat (p95 223 ms); a trigram index finds the chats
-- holding all of the term's three-letter sequences and checks only those.
--
-- The searched text lives in its own table, one row per chat, not in a column of chats: every message rewrites its
-- chat's row, and PostgreSQL would then add ~30 trigram entries to the index per message. Triggers keep it exact
-- whoever writes (the server, the data generator, a manual fix). The SQLite twin of this file keeps the same table
-- as an FTS5 trigram table.
--
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it. Where it is
-- missing, search still works by reading every row; the block below then only warns.
DO $$ BEGIN CREATE EXTENSION IF NOT EXISTS pg_trgm; EXCEPTION WHEN OTHERS THEN RAISE WARNING 'pg_trgm is not available (%), the chat search will read every chat', SQLERRM; END $$;

CREATE TABLE chat_search (
  chat_id     TEXT PRIMARY KEY REFERENCES chats (id) ON DELETE CASCADE,
  -- lower-cased subject, user's full name and email, one per line
  search_text TEXT NOT NULL
);

CREATE FUNCTION chat_search_text(chat_subject TEXT, owner_id TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$ SELECT lower(chat_subject || E'\n' || u.full_name || E'\n' || u.email) FROM users u WHERE u.id = owner_id $$;

CREATE FUNCTION chat_search_after_chat_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO chat_search (chat_id, search_text) VALUES (NEW.id, chat_search_text(NEW.subject, NEW.user_id)) ON CONFLICT (chat_id) DO UPDATE SET search_text = EXCLUDED.search_text; RETURN NULL; END $$;

-- Only a new chat, or a change of the two columns searched, touches chat_search; message writes do not.
CREATE TRIGGER chat_search_on_chat_insert AFTER INSERT ON chats FOR EACH ROW EXECUTE FUNCTION chat_search_after_chat_write();
CREATE TRIGGER chat_search_on_chat_update AFTER UPDATE OF subject, user_id ON chats FOR EACH ROW EXECUTE FUNCTION chat_search_after_chat_write();

CREATE FUNCTION chat_search_after_user_update() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE chat_search s SET search_text = chat_search_text(c.subject, c.user_id) FROM chats c WHERE c.user_id = NEW.id AND s.chat_id = c.id; RETURN NULL; END $$;

CREATE TRIGGER chat_search_on_user_update AFTER UPDATE OF full_name, email ON users FOR EACH ROW EXECUTE FUNCTION chat_search_after_user_update();

INSERT INTO chat_search (chat_id, search_text) SELECT id, chat_search_text(subject, user_id) FROM chats;

DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN CREATE INDEX ix_chat_search_trigram ON chat_search USING gin (search_text gin_trgm_ops); END IF; END $$;

-- Statistics for the new table now, so the first searches are planned with them rather than after autovacuum.
ANALYZE chat_search;
