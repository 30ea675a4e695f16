-- The admin list's free-text search ("q": a chat's subject, its user's name or email, any substring) at 100,000
-- chats. LIKE '%term%' cannot use a B-tree, so it read every chat (p95 137 ms). An FTS5 table with the trigram
-- tokenizer (SQLite 3.34+) answers a quoted phrase of three or more characters as a substring match from its
-- index, case-insensitively (the tokenizer folds case, so the text is stored as written); shorter terms are matched with LIKE over this one table.
--
-- One row per chat, kept by triggers whoever writes (the server, the data generator, a manual fix); message writes
-- do not touch it. chat_id is stored rather than the chats rowid because VACUUM may renumber implicit rowids.
-- The PostgreSQL twin of this file keeps the same table with a pg_trgm index.
CREATE VIRTUAL TABLE chat_search USING fts5(chat_id UNINDEXED, search_text, tokenize = 'trigram');

CREATE TRIGGER chat_search_on_chat_insert AFTER INSERT ON chats BEGIN
  INSERT INTO chat_search (chat_id, search_text) SELECT NEW.id, NEW.subject || char(10) || u.full_name || char(10) || u.email FROM users u WHERE u.id = NEW.user_id; END;

CREATE TRIGGER chat_search_on_chat_update AFTER UPDATE OF subject, user_id ON chats BEGIN
  UPDATE chat_search SET search_text = (SELECT NEW.subject || char(10) || u.full_name || char(10) || u.email FROM users u WHERE u.id = NEW.user_id) WHERE chat_id = NEW.id; END;

CREATE TRIGGER chat_search_on_chat_delete AFTER DELETE ON chats BEGIN
  DELETE FROM chat_search WHERE chat_id = OLD.id; END;

CREATE TRIGGER chat_search_on_user_update AFTER UPDATE OF full_name, email ON users BEGIN
  UPDATE chat_search SET search_text = (SELECT c.subject || char(10) || NEW.full_name || char(10) || NEW.email FROM chats c WHERE c.id = chat_search.chat_id) WHERE chat_id IN (SELECT id FROM chats WHERE user_id = NEW.id); END;

INSERT INTO chat_search (chat_id, search_text)
  SELECT c.id, c.subject || char(10) || u.full_name || char(10) || u.email FROM chats c JOIN users u ON u.id = c.user_id;
