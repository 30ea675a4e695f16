package dev.supportchat.team;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.RowMapper;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Saved replies, labels and the labels on chats, in SQL for SQLite and PostgreSQL. */
final class JdbcInbox {
  private static final String REPLY_COLUMNS =
      "id, shortcut, body, created_by, updated_by, created_at, updated_at";

  private static final RowMapper<SavedReply> REPLY =
      rs ->
          new SavedReply(
              rs.getString("id"),
              rs.getString("shortcut"),
              rs.getString("body"),
              rs.getString("created_by"),
              rs.getString("updated_by"),
              rs.getLong("created_at"),
              rs.getLong("updated_at"));

  private static final RowMapper<Label> LABEL =
      rs ->
          new Label(
              rs.getString("id"),
              rs.getString("name"),
              rs.getString("colour"),
              rs.getLong("created_at"));

  private final Database db;

  JdbcInbox(Database db) {
    this.db = db;
  }

  // --- saved replies

  List<SavedReply> replies() {
    return db.read(
        c ->
            Sql.list(
                c, "SELECT " + REPLY_COLUMNS + " FROM saved_replies ORDER BY shortcut", REPLY));
  }

  Optional<SavedReply> reply(String id) {
    return db.read(
        c -> Sql.one(c, "SELECT " + REPLY_COLUMNS + " FROM saved_replies WHERE id = ?", REPLY, id));
  }

  /** Inserts a reply if the team has room and no reply has its shortcut. */
  SavedReply insertReply(SavedReply r) {
    return db.write(
        c -> {
          RowLocks.lock(c, RowLocks.INBOX);
          InboxRules.checkRoomForReply(Sql.count(c, "SELECT COUNT(*) FROM saved_replies"));
          requireFreeShortcut(c, r.shortcut(), r.id());
          Sql.update(
              c,
              "INSERT INTO saved_replies (" + REPLY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
              r.id(),
              r.shortcut(),
              r.body(),
              r.createdBy(),
              r.updatedBy(),
              r.createdAt(),
              r.updatedAt());
          return r;
        });
  }

  /** Replaces a reply's shortcut and body; empty when there is no such reply. */
  Optional<SavedReply> updateReply(String id, String shortcut, String body, String by, long now) {
    return db.write(
        c -> {
          RowLocks.lock(c, RowLocks.INBOX);
          Optional<SavedReply> before =
              Sql.one(c, "SELECT " + REPLY_COLUMNS + " FROM saved_replies WHERE id = ?", REPLY, id);
          if (before.isEmpty()) {
            return Optional.empty();
          }
          SavedReply b = before.get();
          String s = shortcut == null ? b.shortcut() : shortcut;
          String t = body == null ? b.body() : body;
          requireFreeShortcut(c, s, id);
          Sql.update(
              c,
              "UPDATE saved_replies SET shortcut = ?, body = ?, updated_by = ?, updated_at = ?"
                  + " WHERE id = ?",
              s,
              t,
              by,
              now,
              id);
          return Optional.of(new SavedReply(id, s, t, b.createdBy(), by, b.createdAt(), now));
        });
  }

  private static void requireFreeShortcut(Connection c, String shortcut, String ownId)
      throws SQLException {
    if (Sql.count(
            c, "SELECT COUNT(*) FROM saved_replies WHERE shortcut = ? AND id <> ?", shortcut, ownId)
        > 0) {
      throw AppException.conflict(
          "Another saved reply already uses /" + shortcut + ": choose another shortcut.");
    }
  }

  boolean deleteReply(String id) {
    return db.write(c -> Sql.update(c, "DELETE FROM saved_replies WHERE id = ?", id) == 1);
  }

  // --- labels

  List<Label> labels() {
    return db.read(
        c ->
            Sql.list(
                c, "SELECT id, name, colour, created_at FROM labels ORDER BY name_key, id", LABEL));
  }

  Optional<Label> label(String id) {
    return db.read(c -> label(c, id));
  }

  private static Optional<Label> label(Connection c, String id) throws SQLException {
    return Sql.one(c, "SELECT id, name, colour, created_at FROM labels WHERE id = ?", LABEL, id);
  }

  Label insertLabel(Label l, String by) {
    return db.write(
        c -> {
          RowLocks.lock(c, RowLocks.INBOX);
          InboxRules.checkRoomForLabel(Sql.count(c, "SELECT COUNT(*) FROM labels"));
          requireFreeName(c, l.name(), l.id());
          Sql.update(
              c,
              "INSERT INTO labels (id, name, name_key, colour, created_by, created_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              l.id(),
              l.name(),
              InboxRules.labelKey(l.name()),
              l.colour(),
              by,
              l.createdAt());
          return l;
        });
  }

  Optional<Label> updateLabel(String id, String name, String colour) {
    return db.write(
        c -> {
          RowLocks.lock(c, RowLocks.INBOX);
          Optional<Label> before = label(c, id);
          if (before.isEmpty()) {
            return Optional.empty();
          }
          String n = name == null ? before.get().name() : name;
          String k = colour == null ? before.get().colour() : colour;
          requireFreeName(c, n, id);
          Sql.update(
              c,
              "UPDATE labels SET name = ?, name_key = ?, colour = ? WHERE id = ?",
              n,
              InboxRules.labelKey(n),
              k,
              id);
          return Optional.of(new Label(id, n, k, before.get().createdAt()));
        });
  }

  private static void requireFreeName(Connection c, String name, String ownId) throws SQLException {
    if (Sql.count(
            c,
            "SELECT COUNT(*) FROM labels WHERE name_key = ? AND id <> ?",
            InboxRules.labelKey(name),
            ownId)
        > 0) {
      throw AppException.conflict("A label named " + name + " already exists.");
    }
  }

  /** Deletes a label and takes it off every chat; the ids of those chats, or empty if none. */
  Optional<List<String>> deleteLabel(String id) {
    return db.write(
        c -> {
          List<String> chats =
              Sql.list(
                  c,
                  "SELECT chat_id FROM chat_labels WHERE label_id = ?",
                  rs -> rs.getString(1),
                  id);
          Sql.update(c, "DELETE FROM chat_labels WHERE label_id = ?", id);
          if (Sql.update(c, "DELETE FROM labels WHERE id = ?", id) != 1) {
            return Optional.empty();
          }
          return Optional.of(chats);
        });
  }

  /** Puts a label on a chat (no change if it is there); false when the chat does not exist. */
  boolean addToChat(String chatId, String labelId, String by, long now) {
    return db.write(
        c -> {
          RowLocks.lock(c, RowLocks.INBOX);
          if (Sql.count(c, "SELECT COUNT(*) FROM chats WHERE id = ?", chatId) == 0) {
            return false;
          }
          if (label(c, labelId).isEmpty()) {
            throw AppException.notFound("No such label.");
          }
          if (Sql.count(
                  c,
                  "SELECT COUNT(*) FROM chat_labels WHERE chat_id = ? AND label_id = ?",
                  chatId,
                  labelId)
              > 0) {
            return true;
          }
          InboxRules.checkRoomOnChat(
              Sql.count(c, "SELECT COUNT(*) FROM chat_labels WHERE chat_id = ?", chatId));
          Sql.update(
              c,
              "INSERT INTO chat_labels (chat_id, label_id, added_by, added_at) VALUES (?, ?, ?, ?)",
              chatId,
              labelId,
              by,
              now);
          return true;
        });
  }

  boolean chatExists(String chatId) {
    return db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM chats WHERE id = ?", chatId) > 0);
  }

  void removeFromChat(String chatId, String labelId) {
    db.write(
        c ->
            Sql.update(
                c, "DELETE FROM chat_labels WHERE chat_id = ? AND label_id = ?", chatId, labelId));
  }

  /** The labels on each of the chats, by name; chats without labels are absent. */
  Map<String, List<Label>> labelsOf(Collection<String> chatIds) {
    Map<String, List<Label>> out = new LinkedHashMap<>();
    if (chatIds.isEmpty()) {
      return out;
    }
    List<Object> params = new ArrayList<>(chatIds);
    String marks = String.join(", ", java.util.Collections.nCopies(params.size(), "?"));
    db.read(
        c ->
            Sql.list(
                c,
                "SELECT cl.chat_id, l.id, l.name, l.colour, l.created_at FROM chat_labels cl"
                    + " JOIN labels l ON l.id = cl.label_id WHERE cl.chat_id IN ("
                    + marks
                    + ") ORDER BY l.name_key, l.id",
                rs ->
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(
                            new Label(
                                rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5))),
                params.toArray()));
    return out;
  }
}
