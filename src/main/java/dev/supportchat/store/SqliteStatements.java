package dev.supportchat.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.SQLiteConnection;

/**
 * Compiled SQLite statements kept per connection and used again. SQLite compiles a statement every
 * time one is prepared, xerial's driver keeps no cache of its own (its issue 614), and HikariCP
 * leaves caching to drivers; PostgreSQL's driver caches server-side plans itself. In a message's
 * own transaction compiling its statements took a sixth of the writer's time (docs/BENCHMARKS.md).
 *
 * <p>A statement is prepared on the physical connection, beneath the pool's proxy, so that the pool
 * does not close it when the connection is handed back; SQLite finalises it when the connection
 * closes. A connection is used by one thread at a time, so each connection's statements need no
 * lock; the map from connections to their statements does. Only {@link Sql}'s helpers use this:
 * they read the rows they need and close the result set, which resets the statement, before giving
 * it back, so a kept statement holds no read transaction; and a statement is out of the cache while
 * it is used, so one whose rows are being read is never run again meanwhile.
 */
final class SqliteStatements {
  /**
   * Statements kept per connection, the least recently used closed first. The writer's dozen
   * statements and the common reads fit; a search's filters make SQL of many shapes, which come and
   * go without growing memory (a compiled statement is a few kilobytes of native memory).
   */
  static final int PER_CONNECTION = 64;

  /**
   * Each connection's statements. Not a weak map: a statement refers to its connection, so a weak
   * key would never be let go. A connection the pool retired (closed) leaves when the next one
   * arrives.
   */
  private static final Map<SQLiteConnection, Map<String, PreparedStatement>> CACHES =
      new HashMap<>();

  private SqliteStatements() {}

  /** The connection's cached statement for {@code sql}; null when {@code c} is not SQLite's. */
  static PreparedStatement take(Connection c, String sql) throws SQLException {
    if (!c.isWrapperFor(SQLiteConnection.class)) {
      return null;
    }
    SQLiteConnection physical = c.unwrap(SQLiteConnection.class);
    if (physical.getConnectionConfig().isGetGeneratedKeys()) {
      // The driver leaves a query open beside each insert (Dialect.SQLITE turns that off): kept, it
      // would hold a read transaction, so later reads would see old data and an interrupted
      // search's interrupt would stop the next statement too.
      return null;
    }
    Map<String, PreparedStatement> statements = statementsOf(physical);
    PreparedStatement ps = statements.remove(sql);
    if (ps == null || ps.isClosed()) {
      ps = physical.prepareStatement(sql);
    }
    return ps;
  }

  /**
   * Gives a statement from {@link #take} back once its results were read; one that failed is closed
   * instead, as its state is not known.
   */
  static void giveBack(Connection c, String sql, PreparedStatement ps, boolean failed)
      throws SQLException {
    if (failed) {
      ps.close();
      return;
    }
    ps.clearParameters(); // lets go of the values bound last (a message text, say)
    PreparedStatement other = statementsOf(c.unwrap(SQLiteConnection.class)).put(sql, ps);
    if (other != null) {
      other.close(); // the same SQL ran nested and was given back first: one copy is enough
    }
  }

  /** The number of statements cached for {@code c}, for tests. */
  static int cached(Connection c) throws SQLException {
    return statementsOf(c.unwrap(SQLiteConnection.class)).size();
  }

  /** The connections with statements kept, for tests. */
  static int connections() {
    synchronized (CACHES) {
      return CACHES.size();
    }
  }

  private static Map<String, PreparedStatement> statementsOf(SQLiteConnection physical) {
    synchronized (CACHES) {
      Map<String, PreparedStatement> statements = CACHES.get(physical);
      if (statements == null) {
        // A new connection, most often one that replaces a connection the pool retired: SQLite
        // finalised the retired one's statements when it closed, and its entry goes now.
        CACHES.keySet().removeIf(SqliteStatements::isClosed);
        statements = new Lru();
        CACHES.put(physical, statements);
      }
      return statements;
    }
  }

  private static boolean isClosed(SQLiteConnection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** Per connection; only the thread holding the connection uses it. */
  private static final class Lru extends LinkedHashMap<String, PreparedStatement> {
    Lru() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= PER_CONNECTION) {
        return false;
      }
      try {
        eldest.getValue().close();
      } catch (SQLException ignore) {
        // it is being dropped either way; SQLite finalises it with its connection at the latest
      }
      return true;
    }
  }
}
