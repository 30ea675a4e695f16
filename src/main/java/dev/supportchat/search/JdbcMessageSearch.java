package dev.supportchat.search;

import dev.supportchat.chat.ChatStatus;
import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.Dialect;
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
 * word from a common one when the last word is a prefix (it assumes a fixed share of the rows); a
 * wrong guess either walks every message (seconds for a rare word) or fetches and sorts every match
 * (seconds for a common one, at millions of messages). So the search tries both in turn: it first
 * checks the newest {@link #RECENT} messages, which for a common word already hold a page of
 * matches; only when they do not does it ask the word index for every match and sort them, which
 * for a word that rare is quick.
 */
final class JdbcMessageSearch {
  /** Messages checked newest first before the word index is asked for every match. */
  static final int RECENT = 2_000;

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

  /** The newest messages only, newest first (ix_messages_created backwards). */
  private static final String POSTGRES_RECENT =
      "SELECT "
          + COLUMNS
          + " FROM (SELECT * FROM messages ORDER BY created_at DESC, id DESC LIMIT "
          + RECENT
          + ") m"
          + JOINS
          + " WHERE "
          + POSTGRES_MATCH
          + " AND c.is_active ORDER BY m.created_at DESC, m.id DESC LIMIT ?";

  /**
   * Every match from the word index, sorted; {@code + 0} keeps the planner from walking
   * ix_messages_created instead.
   */
  private static final String POSTGRES_ALL =
      "SELECT "
          + COLUMNS
          + " FROM messages m"
          + JOINS
          + " WHERE "
          + POSTGRES_MATCH
          + " AND c.is_active ORDER BY m.created_at + 0 DESC, m.id DESC LIMIT ?";

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
   * The time limit and the memory for the index's match list (enough that it stays exact rather
   * than page by page, which would re-read every message on those pages) are this connection's
   * until reset, whatever happens, so the next user of the pooled connection gets the defaults.
   */
  private List<MessageHit> onPostgres(Connection c, String tsQuery, int limit, Deadline deadline)
      throws SQLException {
    set(c, "SET statement_timeout = " + timeLimit.toMillis() + "; SET work_mem = '32MB'");
    try {
      List<MessageHit> recent = postgres(c, POSTGRES_RECENT, tsQuery, limit);
      if (recent.size() >= limit) {
        return recent;
      }
      // The matches from the word index (a bitmap scan), however common the planner thinks they
      // are: a full read of the table would be its choice for a prefix.
      set(c, "SET enable_seqscan = off; SET enable_indexscan = off");
      return postgres(c, POSTGRES_ALL, tsQuery, limit);
    } catch (SQLException e) {
      deadline.passed = POSTGRES_TIMEOUT.equals(e.getSQLState());
      throw e;
    } finally {
      set(
          c,
          "RESET statement_timeout; RESET work_mem; RESET enable_seqscan; RESET enable_indexscan");
    }
  }

  private static List<MessageHit> postgres(Connection c, String sql, String tsQuery, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, tsQuery);
      ps.setInt(2, limit);
      return hits(ps);
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
