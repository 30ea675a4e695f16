-- chat_search holds the active chats only, as the admin list shows only those: a search's total is then the count
-- of the trigram index's matches alone. Before, the matches were joined with every active chat to check is_active
-- (a hash join over 100,000 ids for a common term: most of the search's time). Soft-deleting a chat takes its row
-- out, reactivating it puts the row back; the user trigger of V5 only updates rows that exist.
CREATE OR REPLACE FUNCTION chat_search_after_chat_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.is_active THEN INSERT INTO chat_search (chat_id, search_text) VALUES (NEW.id, chat_search_text(NEW.subject, NEW.user_id)) ON CONFLICT (chat_id) DO UPDATE SET search_text = EXCLUDED.search_text; ELSE DELETE FROM chat_search WHERE chat_id = NEW.id; END IF; RETURN NULL; END $$;

DROP TRIGGER chat_search_on_chat_update ON chats;
CREATE TRIGGER chat_search_on_chat_update AFTER UPDATE OF subject, user_id, is_active ON chats FOR EACH ROW EXECUTE FUNCTION chat_search_after_chat_write();

DELETE FROM chat_search s USING chats c WHERE c.id = s.chat_id AND NOT c.is_active;
