-- Search what was said (issue 18): the dashboard's search also matches message contents, internal notes included.
--
-- An FTS5 index over the messages' words (unicode61: lower-cased letters and digits, diacritics kept, as
-- PostgreSQL's 'simple' configuration does), holding no copy of the text: it reads messages by rowid. Prefix
-- indexes for two and three characters answer a short last word ("re…") without merging every word that begins
-- with it. Triggers keep it exact in the transaction that writes the message, whoever writes.
--
-- messages has no INTEGER PRIMARY KEY, so a VACUUM may renumber its rowids; the server never runs one, and
-- docs/DEPLOYMENT.md says to rebuild this index after a manual VACUUM.
CREATE VIRTUAL TABLE message_words USING fts5 (
  content, content = 'messages', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
);

CREATE TRIGGER message_words_on_insert AFTER INSERT ON messages BEGIN
  INSERT INTO message_words (rowid, content) VALUES (NEW.rowid, NEW.content); END;

CREATE TRIGGER message_words_on_delete AFTER DELETE ON messages BEGIN
  INSERT INTO message_words (message_words, rowid, content) VALUES ('delete', OLD.rowid, OLD.content); END;

CREATE TRIGGER message_words_on_edit AFTER UPDATE OF content ON messages BEGIN
  INSERT INTO message_words (message_words, rowid, content) VALUES ('delete', OLD.rowid, OLD.content);
  INSERT INTO message_words (rowid, content) VALUES (NEW.rowid, NEW.content); END;

INSERT INTO message_words (message_words) VALUES ('rebuild');
