package dev.supportchat.team;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who gets which waiting chat, as a pure decision over a snapshot read in one transaction: each
 * chat, oldest first, goes to the online agent with the fewest active chats under their capacity;
 * ties go to the one who has waited longest since their last assignment (never assigned first),
 * then by id so every node would decide the same.
 */
public final class AssignmentRules {
  private AssignmentRules() {}

  /** An online agent as assignment sees them. */
  public record Candidate(String agentId, int load, int capacity, Long lastAssignedAt) {}

  /** A decision: this chat goes to this agent. */
  public record Pick(String chatId, String agentId) {}

  private static final class Slot {
    final String agentId;
    final int capacity;
    int load;
    long lastAssignedAt;

    Slot(Candidate c) {
      this.agentId = c.agentId();
      this.capacity = c.capacity();
      this.load = c.load();
      this.lastAssignedAt = c.lastAssignedAt() == null ? Long.MIN_VALUE : c.lastAssignedAt();
    }
  }

  private static final Comparator<Slot> FAIREST =
      Comparator.<Slot>comparingInt(s -> s.load)
          .thenComparingLong(s -> s.lastAssignedAt)
          .thenComparing(s -> s.agentId);

  /**
   * The picks for {@code queue} (chat ids, first in first out) at {@code now}; chats left over wait
   * for room.
   */
  public static List<Pick> plan(List<Candidate> candidates, List<String> queue, long now) {
    List<Slot> slots = new ArrayList<>();
    candidates.forEach(c -> slots.add(new Slot(c)));
    List<Pick> picks = new ArrayList<>();
    long tick = now;
    for (String chatId : queue) {
      Slot best = slots.stream().filter(s -> s.load < s.capacity).min(FAIREST).orElse(null);
      if (best == null) {
        break; // nobody has room: the rest keep their places in the queue
      }
      best.load++;
      // Later picks in one pass count as later assignments, so ties rotate within the pass too.
      best.lastAssignedAt = tick++;
      picks.add(new Pick(chatId, best.agentId));
    }
    return picks;
  }

  /**
   * Whether an agent last seen at {@code seenAt} has been offline long enough for their chats to go
   * back to the queue. An agent never seen connected keeps what an admin gave them.
   */
  public static boolean offlineTooLong(Long seenAt, long now, long graceMs) {
    return seenAt != null && now - seenAt > graceMs;
  }
}
