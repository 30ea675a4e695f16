package dev.supportchat.team;

import dev.supportchat.user.Principal;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses access tokens of deactivated staff before they expire. The set is re-read from the
 * database every second by {@link TeamHeartbeat} (so every node refuses within a second) and
 * updated at once on the node that deactivated.
 */
final class StaffGate {
  private volatile Set<String> deactivated = Set.of();

  boolean admits(Principal p) {
    return !p.isAdmin() || !deactivated.contains(p.userId());
  }

  void replace(Set<String> ids) {
    deactivated = Set.copyOf(ids);
  }

  void block(String userId) {
    change(userId, true);
  }

  void unblock(String userId) {
    change(userId, false);
  }

  private synchronized void change(String userId, boolean blocked) {
    Set<String> next = new HashSet<>(deactivated);
    if (blocked) {
      next.add(userId);
    } else {
      next.remove(userId);
    }
    deactivated = Set.copyOf(next);
  }
}
