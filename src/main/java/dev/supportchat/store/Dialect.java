package dev.supportchat.store;

import dev.supportchat.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The one place where SQLite and PostgreSQL differ: connection settings, error classification and
 * the lock that keeps two nodes from migrating at once. All other SQL in the project is written to
 * run on both.
 */
public enum Dialect {
  SQLITE {
    @Override
    Properties connectionProperties() {
      Properties p = new Properties();
      p.setProperty("journal_mode", "WAL");
      p.setProperty("foreign_keys", "true");
      p.setProperty("busy_timeout", String.valueOf(BUSY_TIMEOUT_MS));
      // FULL: a commit that was acknowledged survives a power cut, not only a process crash. Group
      // commits keep
      // the number of fsyncs low enough for this to cost little.
      p.setProperty("synchronous", "FULL");
      // Else the driver answers every INSERT with a "SELECT last_insert_rowid()" of its own, left
      // open beside the insert until it runs again: nothing here reads generated keys, and an
      // insert kept compiled (SqliteStatements) would keep that query, and a read transaction,
      // open.
      p.setProperty("jdbc.get_generated_keys", "false");
      return p;
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
      // SQLITE_CONSTRAINT_UNIQUE (2067) and SQLITE_CONSTRAINT_PRIMARYKEY (1555) as extended codes;
      // 19 in general.
      int code = e.getErrorCode();
      return code == 19
          || code == 2067
          || code == 1555
          || (e.getMessage() != null && e.getMessage().contains("UNIQUE constraint failed"));
    }

    @Override
    boolean isConnectionFailure(SQLException e) {
      return e.getMessage() != null
          && (e.getMessage().contains("SQLITE_CANTOPEN")
              || e.getMessage().contains("SQLITE_IOERR"));
    }

    @Override
    void lockForMigrations(Connection c) {
      // SQLite migrations run under the process's write lock inside one transaction; another
      // process waits on
      // the database file lock (busy timeout).
    }

    @Override
    void unlockAfterMigrations(Connection c) {}
  },

  POSTGRES {
    @Override
    Properties connectionProperties() {
      Properties p = new Properties();
      p.setProperty("ApplicationName", "support-chat");
      p.setProperty("connectTimeout", "5");
      p.setProperty("socketTimeout", "30");
      // The planner's default assumes spinning disks and then prefers full scans over the admin
      // list's partial
      // indexes (measured: docs/BENCHMARKS.md, "Data scale"). Per session, so the server needs no
      // superuser.
      p.setProperty("options", "-c random_page_cost=1.1");
      return p;
    }

    @Override
    boolean isUniqueViolation(SQLException e) {
      return "23505".equals(e.getSQLState());
    }

    @Override
    boolean isConnectionFailure(SQLException e) {
      String state = e.getSQLState();
      // 08: connection exception; 57P01-03: admin shutdown / crash shutdown / cannot connect now.
      return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    @Override
    void lockForMigrations(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK_KEY + ")");
      }
    }

    @Override
    void unlockAfterMigrations(Connection c) throws SQLException {
      try (Statement s = c.createStatement()) {
        s.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK_KEY + ")");
      }
    }
  };

  static final int BUSY_TIMEOUT_MS = 10_000;

  /** An arbitrary constant every node agrees on: "support chat migrations". */
  private static final long MIGRATION_LOCK_KEY = 0x5c_4a7_0001L;

  public static Dialect of(DatabaseSettings.Engine engine) {
    return engine == DatabaseSettings.Engine.SQLITE ? SQLITE : POSTGRES;
  }

  abstract Properties connectionProperties();

  /**
   * True when the statement broke a unique index (a duplicate), which callers turn into a conflict
   * or a retry.
   */
  abstract boolean isUniqueViolation(SQLException e);

  /** True when the database could not be reached, as opposed to a bad statement. */
  abstract boolean isConnectionFailure(SQLException e);

  abstract void lockForMigrations(Connection c) throws SQLException;

  abstract void unlockAfterMigrations(Connection c) throws SQLException;
}
