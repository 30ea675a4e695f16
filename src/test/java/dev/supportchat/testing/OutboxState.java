package dev.supportchat.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Waits on the outbox as the servers left it, read straight from their database (in this JVM or a
 * server process of its own), where a test would otherwise sleep a fixed time. "Would another email
 * or webhook still come?" is "is any still pending?": an item stays pending while it is delivered,
 * until its outcome is recorded, so once none is, no sender on that database has one in hand, and
 * only a new item could send again.
 */
public final class OutboxState {
  private static final Duration POLL = Duration.ofMillis(100);

  private OutboxState() {}

  /**
   * Waits until no item of {@code kind} is pending; fails if one still is after {@code timeout}.
   */
  public static void awaitNonePending(String jdbcUrl, String kind, Duration timeout)
      throws SQLException, InterruptedException {
    awaitNone(jdbcUrl, "state = 'pending'", kind, "still pending", timeout);
  }

  /**
   * Waits until every item of {@code kind} has been tried at least {@code attempts} times; fails if
   * one has not after {@code timeout}.
   */
  public static void awaitTried(String jdbcUrl, String kind, int attempts, Duration timeout)
      throws SQLException, InterruptedException {
    awaitNone(
        jdbcUrl,
        "attempts < " + attempts,
        kind,
        "tried fewer than " + attempts + " times",
        timeout);
  }

  private static void awaitNone(
      String jdbcUrl, String condition, String kind, String what, Duration timeout)
      throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    int n = count(jdbcUrl, condition, kind);
    while (n > 0 && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      n = count(jdbcUrl, condition, kind);
    }
    if (n > 0) {
      throw new AssertionError(n + " " + kind + " item(s) " + what + " after " + timeout);
    }
  }

  private static int count(String jdbcUrl, String condition, String kind) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl);
        PreparedStatement s =
            c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE kind = ? AND " + condition)) {
      s.setString(1, kind);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }
  }
}
