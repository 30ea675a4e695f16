package dev.supportchat.team;

import dev.supportchat.chat.Chat;
import dev.supportchat.chat.ChatEvents;
import dev.supportchat.chat.ChatRepository;
import dev.supportchat.store.SqlWork;
import dev.supportchat.worker.Fatal;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs assignment passes on this node when something may have freed room or added work (a new or
 * reopened chat, a resolved one, an agent online, a capacity raised) and on a timer. Requests that
 * arrive while a pass runs are folded into one more pass. The decision itself is the database's
 * ({@link JdbcAssignments}), so passes on several nodes at once are safe.
 */
final class AutoAssigner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(AutoAssigner.class);

  private final JdbcAssignments assignments;
  private final ChatRepository chats;
  private final ChatEvents events;
  private final Clock clock;
  private final long offlineGraceMs;
  private final AtomicBoolean pending = new AtomicBoolean();
  private final ExecutorService thread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "auto-assign");
            t.setDaemon(true);
            return t;
          });

  AutoAssigner(
      JdbcAssignments assignments,
      ChatRepository chats,
      ChatEvents events,
      Clock clock,
      long offlineGraceMs) {
    this.assignments = assignments;
    this.chats = chats;
    this.events = events;
    this.clock = clock;
    this.offlineGraceMs = offlineGraceMs;
  }

  /** Asks for a pass soon; returns at once. */
  void request() {
    if (pending.compareAndSet(false, true)) {
      try {
        thread.execute(Fatal.survivable("auto-assignment pass", this::runPending));
      } catch (java.util.concurrent.RejectedExecutionException closing) {
        pending.set(false);
      }
    }
  }

  /**
   * A chat its user reopened with nobody on it joins the end of the queue (written on the pass's
   * thread, not the caller's: that may be the thread committing messages), then a pass runs.
   */
  void reopened(String chatId) {
    try {
      thread.execute(
          Fatal.survivable(
              "queueing a reopened chat",
              () -> {
                try {
                  assignments.reopened(chatId, clock.millis());
                } catch (RuntimeException e) {
                  log.warn("Could not queue reopened chat {}: {}", chatId, e.toString());
                }
              }));
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      return;
    }
    request();
  }

  /** A pass that fails (a deadlock the database broke, a busy moment) is tried again at once. */
  private static final int ATTEMPTS = 3;

  private void runPending() {
    pending.set(false);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        runOnce();
        return;
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          // The database is away: the timer asks again within seconds.
          log.warn("Auto-assignment pass failed {} times: {}", ATTEMPTS, e.toString());
        }
      }
    }
  }

  /** One pass now, on the caller's thread; tells the dashboards what changed. */
  JdbcAssignments.Pass runOnce() {
    return told(assignments.run(clock.millis(), offlineGraceMs));
  }

  /**
   * A change that may add room, committed with the pass it allows, on the caller's thread: no
   * moment in between shows an agent with room while chats wait.
   */
  void afterChange(SqlWork<?> change) {
    told(assignments.afterChange(change, clock.millis(), offlineGraceMs));
  }

  private JdbcAssignments.Pass told(JdbcAssignments.Pass pass) {
    pass.requeued().forEach(this::tell);
    pass.assigned().forEach(p -> tell(p.chatId()));
    if (pass.skipped()) {
      request();
    }
    return pass;
  }

  /** Tells the dashboards a chat's agent and status as they are now. */
  void tell(String chatId) {
    Chat chat = chats.findChat(chatId).orElse(null);
    if (chat != null) {
      events.assigned(chat);
      events.statusUpdated(chat);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
