package dev.supportchat.mail;

import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes when a person's socket connected or went away ({@code users.last_seen_at}), off the
 * socket's thread: the follow-up email waits until they have been away for {@code EMAIL_AFTER}. A
 * write lost to a full queue only makes an email a little earlier.
 */
final class SeenRecorder implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SeenRecorder.class);
  private static final int QUEUE = 10_000;

  private final Database db;
  private final Clock clock;
  private final ThreadPoolExecutor writer =
      new ThreadPoolExecutor(
          1,
          1,
          0,
          TimeUnit.MILLISECONDS,
          new ArrayBlockingQueue<>(QUEUE),
          r -> {
            Thread t = new Thread(r, "last-seen-writer");
            t.setDaemon(true);
            return t;
          });

  SeenRecorder(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  void seen(String userId) {
    long at = clock.millis();
    try {
      writer.execute(
          () -> {
            try {
              db.write(
                  c ->
                      Sql.update(
                          c,
                          "UPDATE users SET last_seen_at = ? WHERE id = ?"
                              + " AND (last_seen_at IS NULL OR last_seen_at < ?)",
                          at,
                          userId,
                          at));
            } catch (RuntimeException e) {
              log.debug("last seen of {} not written: {}", userId, e.getMessage());
            }
          });
    } catch (RejectedExecutionException full) {
      // Busy or closing: see the class comment.
    }
  }

  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
