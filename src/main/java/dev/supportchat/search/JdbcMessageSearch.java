package dev.supportchat.search;

import dev.supportchat.chat.ChatStatus;
import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.Dialect;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Finds the newest messages of active chats containing every word, through each engine's word index
 * (migration V15). A search that runs longer than its time limit is stopped (PostgreSQL's
 * statement_timeout, an interrupt on SQLite), so one broad search never holds a connection the
 * others need.
 *
 * <p>SQLite's FTS5 hands its matches over newest (highest rowid) first and the page stops it.
 * PostgreSQL's GIN index cannot give its matches in any order, and the planner cannot tell a rare
 * word from a common one when the last word is a prefix (it assumes 2% of the rows); its wrong
 * guess walks every message (seconds at millions). So the search picks the plan itself: it first
 * counts up to {@link #FEW} matches through the index; if there are no more, it reads and sorts
 * them; if there are more, matches are common enough that walking the messages newest first finds a
 * page after a few thousand rows.
 */
final class JdbcMessageSearch {
  /** Up to this many matches are read and sorted; more are found by walking newest first. */
  static final int FEW = 10_000;

  private static final String COLUMNS =
      "m.id, m.chat_id, m.content, m.is_internal_note, m.created_at, m.sender_id,"
          + " s.full_name, m.sender_is_admin, c.subject, c.status, u.full_name, u.email";
  private static final String JOINS =
      " JOIN chats c ON c.id = m.chat_id JOIN users u ON u.id = c.user_id"
          + " JOIN users s ON s.id = m.sender_id";

  /** Exactly the expression of ix_messages_words (V15), or the index is not used. */
  private static final String POSTGRES_MATCH =
      "to_tsvector('simple', translate(m.content, '-./@:+_~\\#', '          '))"
          + " @@ to_tsquery('simple', ?)";

  private static final String POSTGRES_COUNT =
      "SELECT COUNT(*) FROM (SELECT 1 FROM messages m WHERE " + POSTGRES_MATCH + " LIMIT ?) x";

  /** {@code + 0}: no index gives this order, so the matches come from the word index. */
  private static final String POSTGRES_FEW = postgresPage("m.created_at + 0");

  private static final String POSTGRES_MANY = postgresPage("m.created_at");

  private static final String SQLITE =
      "SELECT "
          + COLUMNS
          + " FROM message_words w JOIN messages m ON m.rowid = w.rowid"
          + JOINS
          + " WHERE message_words MATCH ? AND c.is_active"
          + " ORDER BY w.rowid DESC LIMIT ?";

  /** PostgreSQL's query_canceled, which statement_timeout raises. */
  private static final String POSTGRES_TIMEOUT = "57014";

  private final Database db;
  private final Duration timeLimit;
  private final ScheduledExecutorService canceller;

  private static String postgresPage(String createdAt) {
    return "SELECT "
        + COLUMNS
        + " FROM messages m"
        + JOINS
        + " WHERE "
        + POSTGRES_MATCH
        + " AND c.is_active ORDER BY "
        + createdAt
        + " DESC, m.id DESC LIMIT ?";
  }

  JdbcMessageSearch(Database db, Duration timeLimit, ScheduledExecutorService canceller) {
    this.db = db;
    this.timeLimit = timeLimit;
    this.canceller = canceller;
  }

  List<MessageHit> newest(MessageQuery query, int limit) {
    Deadline deadline = new Deadline();
    try {
      return db.read(
          c ->
              db.dialect() == Dialect.POSTGRES
                  ? onPostgres(c, query.asTsQuery(), limit, deadline)
                  : onSqlite(c, query.asFts5(), limit, deadline));
    } catch (RuntimeException e) {
      if (deadline.passed) {
        throw AppException.unavailable(
            "The search took longer than "
                + timeLimit.toMillis()
                + " ms and was stopped; add a word to narrow it.");
      }
      throw e;
    }
  }

  private List<MessageHit> onSqlite(Connection c, String match, int limit, Deadline deadline)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SQLITE)) {
      ps.setString(1, match);
      ps.setInt(2, limit);
      deadline.arm(ps);
      try {
        return hits(ps);
      } finally {
        deadline.disarm();
      }
    }
  }

  /**
   * The planner settings and the time limit are this connection's until reset, whatever happens, so
   * the next user of the pooled connection gets the defaults.
   */
  private List<MessageHit> onPostgres(Connection c, String tsQuery, int limit, Deadline deadline)
      throws SQLException {
    // Matches from the word index only (a bitmap scan), however common the planner thinks they
    // are.
    set(
        c,
        "SET statement_timeout = "
            + timeLimit.toMillis()
            + "; SET enable_seqscan = off; SET enable_indexscan = off");
    try {
      boolean few = Sql.count(c, POSTGRES_COUNT, tsQuery, FEW + 1) <= FEW;
      if (!few) {
        set(c, "SET enable_indexscan = on; SET enable_bitmapscan = off");
      }
      try (PreparedStatement ps = c.prepareStatement(few ? POSTGRES_FEW : POSTGRES_MANY)) {
        ps.setString(1, tsQuery);
        ps.setInt(2, limit);
        return hits(ps);
      }
    } catch (SQLException e) {
      deadline.passed = POSTGRES_TIMEOUT.equals(e.getSQLState());
      throw e;
    } finally {
      set(
          c,
          "RESET statement_timeout; RESET enable_seqscan; RESET enable_indexscan;"
              + " RESET enable_bitmapscan");
    }
  }

  private static void set(Connection c, String settings) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(settings);
    }
  }

  private static List<MessageHit> hits(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<MessageHit> hits = new ArrayList<>();
      while (rs.next()) {
        hits.add(
            new MessageHit(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getBoolean(8),
                rs.getString(9),
                ChatStatus.valueOf(rs.getString(10)).wire(),
                rs.getString(11),
                rs.getString(12)));
      }
      return hits;
    }
  }

  /**
   * Whether the time limit stopped the search; on SQLite, the timer that interrupts it. Arming,
   * firing and disarming take one lock, so an interrupt can never reach the next statement run on
   * the pooled connection.
   */
  private final class Deadline {
    private volatile boolean passed;
    private ScheduledFuture<?> timer;
    private boolean done;

    synchronized void arm(PreparedStatement ps) {
      timer = canceller.schedule(() -> fire(ps), timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void fire(PreparedStatement ps) {
      if (done) {
        return;
      }
      passed = true;
      try {
        ps.cancel();
      } catch (SQLException | RuntimeException e) {
        // Nothing to stop: it has just finished.
      }
    }

    synchronized void disarm() {
      done = true;
      if (timer != null) {
        timer.cancel(false);
      }
    }
  }
}
