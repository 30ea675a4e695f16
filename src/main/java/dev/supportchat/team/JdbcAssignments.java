package dev.supportchat.team;

import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.ChatTimeline;
import dev.supportchat.chat.StatusFlow;
import dev.supportchat.store.Database;
import dev.supportchat.store.Dialect;
import dev.supportchat.store.Sql;
import dev.supportchat.store.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The queue of waiting chats and the assignment pass over it, each pass one transaction under the
 * assignment lock: whichever node runs it, every chat gets exactly one agent and the decision is
 * taken from the database's state, never from a node's memory.
 */
final class JdbcAssignments {
  /** Open chats nobody has, first in first out. */
  private static final String QUEUE =
      " FROM chats WHERE status = 'OPEN' AND admin_id IS NULL AND is_active = TRUE";

  private static final String QUEUE_ORDER = " ORDER BY COALESCE(queued_at, created_at), id";

  private final Database db;
  private final Dialect dialect;

  JdbcAssignments(Database db) {
    this.db = db;
    this.dialect = db.dialect();
  }

  /**
   * What one pass changed: chats given to agents, chats taken back into the queue; {@code skipped}
   * when a waiting chat was left because another transaction held it (another pass should follow).
   */
  record Pass(List<AssignmentRules.Pick> assigned, List<String> requeued, boolean skipped) {}

  /** How long the queue is and since when its oldest chat waits (null when empty). */
  record Queue(long length, Long oldestSince) {}

  Pass run(long now, long offlineGraceMs) {
    return db.write(c -> runLocked(c, dialect, now, offlineGraceMs));
  }

  /**
   * A change that may add room (an agent came online or chose to be, a capacity raised) and the
   * pass it allows, in one transaction under the assignment lock.
   */
  Pass afterChange(SqlWork<?> change, long now, long offlineGraceMs) {
    return db.write(
        c -> {
          RowLocks.lock(c, RowLocks.ASSIGNMENT);
          change.run(c);
          return runLocked(c, dialect, now, offlineGraceMs);
        });
  }

  /**
   * One pass inside the caller's transaction (taking the assignment lock if it does not hold it):
   * the chat change that freed room or added work commits together with its consequence, so no
   * committed state shows a chat waiting while an online agent has room for it.
   *
   * <p>Chats another transaction holds locked (the message writer storing a message in a waiting
   * chat) are skipped rather than waited for: waiting could deadlock with a writer that locked that
   * chat first and waits for one this transaction holds. {@link Pass#skipped} says a pass should
   * follow the commit.
   */
  static Pass runLocked(Connection c, Dialect dialect, long now, long offlineGraceMs)
      throws SQLException {
    RowLocks.lock(c, RowLocks.ASSIGNMENT);
    TeamSettings settings = TeamSettings.from(JdbcTeamRepository.settings(c));
    List<Agent> team = JdbcTeamRepository.team(c);
    List<String> requeued = requeue(c, dialect, team, now, offlineGraceMs, settings.autoAssign());
    if (!settings.autoAssign()) {
      return new Pass(List.of(), requeued, false);
    }
    List<AssignmentRules.Candidate> candidates = new ArrayList<>();
    int room = 0;
    // Requeued chats were only those of agents who are no candidates: the loads read hold.
    for (Agent a : team) {
      if (a.availability(now) == Availability.ONLINE) {
        int capacity = a.capacityOr(settings.defaultCapacity());
        candidates.add(
            new AssignmentRules.Candidate(a.id(), a.load(), capacity, a.lastAssignedAt()));
        room += Math.max(0, capacity - a.load());
      }
    }
    if (room == 0) {
      return new Pass(List.of(), requeued, false);
    }
    List<String> waiting =
        Sql.list(c, "SELECT id" + QUEUE + QUEUE_ORDER + " LIMIT ?", rs -> rs.getString(1), room);
    List<String> queue = lockable(c, dialect, waiting);
    List<AssignmentRules.Pick> picks = AssignmentRules.plan(candidates, queue, now);
    ChatStatus assignedStatus = StatusFlow.assigned(ChatStatus.OPEN).status();
    // Rows are locked in id order, chats then agents, as the message writer locks chats:
    // transactions that lock in one order cannot deadlock each other.
    Map<String, Long> assignedAgents = new TreeMap<>();
    for (AssignmentRules.Pick p :
        picks.stream().sorted(Comparator.comparing(AssignmentRules.Pick::chatId)).toList()) {
      int taken =
          Sql.update(
              c,
              "UPDATE chats SET admin_id = ?, status = ?, assigned_at = ?, queued_at = NULL,"
                  + " updated_at = ? WHERE id = ? AND admin_id IS NULL AND status = 'OPEN'",
              p.agentId(),
              assignedStatus,
              now,
              now,
              p.chatId());
      if (taken == 1) {
        ChatTimeline.assigned(c, p.chatId(), null, null, p.agentId(), now);
      }
      assignedAgents.put(p.agentId(), now);
    }
    for (Map.Entry<String, Long> a : assignedAgents.entrySet()) {
      Sql.update(
          c,
          "UPDATE agent_state SET last_assigned_at = ? WHERE user_id = ?",
          a.getValue(),
          a.getKey());
    }
    return new Pass(picks, requeued, queue.size() < waiting.size());
  }

  /**
   * Those of the chats whose rows this transaction can lock without waiting, in their order (all of
   * them on SQLite, where the writer holds the database and no row is ever locked by another).
   */
  private static List<String> lockable(Connection c, Dialect dialect, List<String> ids)
      throws SQLException {
    if (dialect == Dialect.SQLITE || ids.isEmpty()) {
      return ids;
    }
    String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
    Set<String> locked =
        new HashSet<>(
            Sql.list(
                c,
                "SELECT id FROM chats WHERE id IN ("
                    + marks
                    + ") ORDER BY id FOR UPDATE SKIP LOCKED",
                rs -> rs.getString(1),
                ids.toArray()));
    return ids.stream().filter(locked::contains).toList();
  }

  /**
   * Takes back into the queue, at its front, the active chats of deactivated staff (always) and of
   * agents offline for longer than the grace (with auto-assignment on: someone else will take
   * them). Only what the agent had before going offline goes back; an admin may still hand an
   * offline agent a chat by hand.
   */
  private static List<String> requeue(
      Connection c, Dialect dialect, List<Agent> team, long now, long graceMs, boolean autoAssign)
      throws SQLException {
    List<String> requeued = new ArrayList<>();
    for (Agent a : team) {
      if (a.load() == 0) {
        continue;
      }
      boolean gone = !a.active();
      boolean away = autoAssign && AssignmentRules.offlineTooLong(a.offlineSince(), now, graceMs);
      if (!gone && !away) {
        continue;
      }
      List<String> held =
          Sql.list(
              c,
              "SELECT id FROM chats WHERE admin_id = ? AND status IN ('OPEN', 'IN_PROGRESS')"
                  + (gone ? "" : " AND (assigned_at IS NULL OR assigned_at <= ?)")
                  + " ORDER BY COALESCE(queued_at, created_at), id",
              rs -> rs.getString(1),
              gone ? new Object[] {a.id()} : new Object[] {a.id(), a.offlineSince()});
      // Skipped ones (a message being stored in them) go back at a later pass.
      List<String> ids = lockable(c, dialect, held);
      // In their old order, ahead of everything that waits now.
      long position = frontOfQueue(c, now) - ids.size();
      Map<String, Long> places = new TreeMap<>(); // updated in id order (see run)
      for (String id : ids) {
        places.put(id, position++);
      }
      for (Map.Entry<String, Long> place : places.entrySet()) {
        String id = place.getKey();
        Sql.update(
            c,
            "UPDATE chats SET admin_id = NULL, status = 'OPEN', queued_at = ?, assigned_at = NULL,"
                + " updated_at = ? WHERE id = ?",
            place.getValue(),
            now,
            id);
        ChatTimeline.assigned(c, id, null, a.id(), null, now);
        requeued.add(id);
      }
    }
    return requeued;
  }

  private static long frontOfQueue(Connection c, long now) throws SQLException {
    return Sql.one(
            c,
            "SELECT MIN(COALESCE(queued_at, created_at))" + QUEUE,
            rs -> {
              long v = rs.getLong(1);
              return rs.wasNull() ? now : v;
            })
        .orElse(now);
  }

  /** A chat a user reopened (no agent has it) joins the end of the queue, not its creation time. */
  void reopened(String chatId, long now) {
    db.write(
        c ->
            Sql.update(
                c,
                "UPDATE chats SET queued_at = ? WHERE id = ? AND admin_id IS NULL AND status = 'OPEN'",
                now,
                chatId));
  }

  Queue queue() {
    return db.read(
        c ->
            Sql.one(
                    c,
                    "SELECT COUNT(*), MIN(COALESCE(queued_at, created_at))" + QUEUE,
                    rs -> {
                      long n = rs.getLong(1);
                      long oldest = rs.getLong(2);
                      return new Queue(n, n == 0 ? null : oldest);
                    })
                .orElse(new Queue(0, null)));
  }
}
