package dev.supportchat.team;

import dev.supportchat.store.Dialect;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Serialises one kind of decision across every node: the first statement of the transaction updates
 * a row of {@code row_locks}, which PostgreSQL locks until commit and which on SQLite takes the
 * database's write lock at once (no read-then-upgrade race between processes).
 */
final class RowLocks {
  static final String TEAM = "team";
  static final String ASSIGNMENT = "assignment";
  static final String INBOX = "inbox";

  private RowLocks() {}

  /**
   * Takes the lock if nobody holds it, without waiting: true if this transaction holds it now. On
   * SQLite the writer already holds the database, so it always succeeds.
   */
  static boolean tryLock(Connection c, Dialect dialect, String name) throws SQLException {
    if (dialect == Dialect.SQLITE) {
      lock(c, name);
      return true;
    }
    return Sql.one(
            c,
            "SELECT name FROM row_locks WHERE name = ? FOR UPDATE SKIP LOCKED",
            rs -> rs.getString(1),
            name)
        .isPresent();
  }

  static void lock(Connection c, String name) throws SQLException {
    if (Sql.update(c, "UPDATE row_locks SET name = name WHERE name = ?", name) != 1) {
      throw new IllegalStateException("lock row " + name + " is missing (migration V9)");
    }
  }
}
