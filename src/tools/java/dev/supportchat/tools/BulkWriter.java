package dev.supportchat.tools;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * Inserts generated rows with JDBC batches on the caller's connection (and so in the caller's
 * transaction). Each method sends its rows in batches of {@link #BATCH_ROWS}; callers insert users,
 * then chats, then messages, which is the order the foreign keys need. The columns left out
 * (username, attachments, is_edited) take their defaults, which are the values the live code writes
 * for a text message.
 */
final class BulkWriter {
  static final int BATCH_ROWS = 1_000;

  private static final String INSERT_USER =
      "INSERT INTO users (id, email, full_name, password_hash, is_admin,"
          + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_CHAT =
      "INSERT INTO chats (id, user_id, admin_id, subject, priority,"
          + " priority_rank, status, last_message_id, last_public_message_id, unread_by_admin, unread_by_user,"
          + " first_user_message_at, first_response_ms, resolution_ms, last_activity_at, created_at, updated_at)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_MESSAGE =
      "INSERT INTO messages (id, chat_id, sender_id, sender_is_admin,"
          + " content, message_type, is_read_by_admin, is_read_by_user, is_internal_note, client_message_id,"
          + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'TEXT', ?, ?, ?, ?, ?, ?)";

  private final Connection c;
  private final String passwordHash;

  BulkWriter(Connection c, String passwordHash) {
    this.c = c;
    this.passwordHash = passwordHash;
  }

  /** Sets one row's parameters on the statement. */
  @FunctionalInterface
  private interface RowBinder<R> {
    void bind(PreparedStatement ps, R row) throws SQLException;
  }

  void users(List<Rows.UserRow> rows) throws SQLException {
    insert(
        INSERT_USER,
        rows,
        (ps, u) -> {
          ps.setString(1, u.id());
          ps.setString(2, u.email());
          ps.setString(3, u.fullName());
          ps.setString(4, passwordHash);
          ps.setBoolean(5, u.isAdmin());
          ps.setLong(6, u.createdAt());
          ps.setLong(7, u.createdAt());
        });
  }

  void chats(List<Rows.ChatRow> rows) throws SQLException {
    insert(
        INSERT_CHAT,
        rows,
        (ps, r) -> {
          ps.setString(1, r.id());
          ps.setString(2, r.userId());
          setText(ps, 3, r.adminId());
          ps.setString(4, r.subject());
          ps.setString(5, r.priority());
          ps.setInt(6, r.priorityRank());
          ps.setString(7, r.status());
          setText(ps, 8, r.lastMessageId());
          setText(ps, 9, r.lastPublicMessageId());
          ps.setInt(10, r.unreadByAdmin());
          ps.setInt(11, r.unreadByUser());
          setBigint(ps, 12, r.firstUserMessageAt());
          setBigint(ps, 13, r.firstResponseMs());
          setBigint(ps, 14, r.resolutionMs());
          ps.setLong(15, r.lastActivityAt());
          ps.setLong(16, r.createdAt());
          ps.setLong(17, r.updatedAt());
        });
  }

  void messages(List<Rows.MessageRow> rows) throws SQLException {
    insert(
        INSERT_MESSAGE,
        rows,
        (ps, m) -> {
          ps.setString(1, m.id());
          ps.setString(2, m.chatId());
          ps.setString(3, m.senderId());
          ps.setBoolean(4, m.senderIsAdmin());
          ps.setString(5, m.content());
          ps.setBoolean(6, m.isReadByAdmin());
          ps.setBoolean(7, m.isReadByUser());
          ps.setBoolean(8, m.isInternalNote());
          setText(ps, 9, m.clientMessageId());
          ps.setLong(10, m.createdAt());
          ps.setLong(11, m.createdAt());
        });
  }

  /** One prepared statement for all rows, sent every {@link #BATCH_ROWS} rows and at the end. */
  private <R> void insert(String sql, List<R> rows, RowBinder<R> binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      for (R row : rows) {
        binder.bind(ps, row);
        ps.addBatch();
        if (++pending == BATCH_ROWS) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
  }

  // Typed NULLs: a batch rewritten into one multi-row INSERT (PostgreSQL) needs the same type in
  // every row.
  private static void setText(PreparedStatement ps, int i, String v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.VARCHAR);
    } else {
      ps.setString(i, v);
    }
  }

  private static void setBigint(PreparedStatement ps, int i, Long v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.BIGINT);
    } else {
      ps.setLong(i, v);
    }
  }
}
