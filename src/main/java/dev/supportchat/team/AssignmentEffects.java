package dev.supportchat.team;

import dev.supportchat.chat.Chat;
import dev.supportchat.chat.ChatSideEffects;
import dev.supportchat.chat.ChatStatus;
import dev.supportchat.store.Dialect;
import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the assignment pass inside the transaction of each chat change that adds work or frees room
 * (a chat created, resolved, closed, reopened by an admin, handed to someone else): the change and
 * its assignments commit together, so no reader ever sees a chat waiting while an online agent has
 * room for it. A new chat that finds the assignment lock held does not wait for it: a pass on the
 * assignment thread follows its commit. What the pass changed is kept for this thread until the
 * change's events are told after the commit ({@link AssigningChatEvents}).
 */
final class AssignmentEffects implements ChatSideEffects {
  /**
   * What this thread's last change assigned or took back, to be told once it committed. Reset at
   * the start of each change: a change that rolled back leaves nothing that is told later (and
   * telling re-reads each chat as it is, so even a stale entry would only repeat the truth).
   */
  private static final ThreadLocal<Outcome> LAST = ThreadLocal.withInitial(Outcome::new);

  /** The chats a pass changed, and whether it left a waiting chat another transaction held. */
  static final class Outcome {
    final List<String> changed = new ArrayList<>();
    boolean skipped;

    /** The change took the assignment lock before its chat's row (see beforeChange). */
    boolean lockedFirst;
  }

  private final Dialect dialect;
  private final Clock clock;
  private final long offlineGraceMs;

  AssignmentEffects(Dialect dialect, Clock clock, long offlineGraceMs) {
    this.dialect = dialect;
    this.clock = clock;
    this.offlineGraceMs = offlineGraceMs;
  }

  /** The outcome of the last change on this thread, once; empty afterwards. */
  static Outcome drain() {
    Outcome last = LAST.get();
    LAST.remove();
    return last;
  }

  @Override
  public void beforeChange(Connection c) throws SQLException {
    LAST.remove();
    // Before the chat's row, so every transaction that runs a pass locks assignment first. Staff
    // make these changes (status, assignment), one at a time each: waiting for the lock here is
    // bounded by the team's size, and it is what keeps a freed place from ever standing empty.
    if (autoAssigning(c)) {
      RowLocks.lock(c, RowLocks.ASSIGNMENT);
      LAST.get().lockedFirst = true;
    }
  }

  @Override
  public void chatCreated(Connection c, Chat chat) throws SQLException {
    LAST.remove();
    if (autoAssigning(c) && lockOrLeaveToAPass(c)) {
      pass(c);
    }
  }

  /**
   * Takes the assignment lock if it is free. If another transaction holds it (a pass, another
   * change's), a new chat does not queue behind it holding a connection — visitors are many, and a
   * burst of them would empty the pool — but leaves its assignment to a pass on the assignment
   * thread right after the commit, where a burst folds into one pass.
   */
  private boolean lockOrLeaveToAPass(Connection c) throws SQLException {
    if (RowLocks.tryLock(c, dialect, RowLocks.ASSIGNMENT)) {
      return true;
    }
    LAST.get().skipped = true;
    return false;
  }

  @Override
  public void statusChanged(Connection c, Chat before, Chat after) throws SQLException {
    if (!LAST.get().lockedFirst) {
      return; // auto-assignment off, or left to the pass after the commit
    }
    if (after.status() == ChatStatus.OPEN
        && after.admin() == null
        && before.status().isFinished()) {
      // Reopened with nobody on it: the end of the queue, not its old place.
      Sql.update(c, "UPDATE chats SET queued_at = ? WHERE id = ?", clock.millis(), after.id());
    }
    pass(c);
  }

  @Override
  public void assigned(Connection c, Chat before, Chat after) throws SQLException {
    if (LAST.get().lockedFirst) {
      pass(c);
    }
  }

  /**
   * With automatic assignment off (the default) changes take no team-wide lock. Read without the
   * lock: a change racing with an admin turning it on is covered by the pass that follows that.
   */
  private static boolean autoAssigning(Connection c) throws SQLException {
    return TeamSettings.from(JdbcTeamRepository.settings(c)).autoAssign();
  }

  private void pass(Connection c) throws SQLException {
    JdbcAssignments.Pass pass =
        JdbcAssignments.runLocked(c, dialect, clock.millis(), offlineGraceMs);
    Outcome last = LAST.get();
    pass.assigned().forEach(p -> last.changed.add(p.chatId()));
    last.changed.addAll(pass.requeued());
    last.skipped |= pass.skipped();
  }
}
