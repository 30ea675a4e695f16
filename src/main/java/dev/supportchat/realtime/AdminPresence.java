package dev.supportchat.realtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which admins are connected: a count of sockets per admin on this node, plus (with several nodes) the admins other
 * nodes reported through Redis. Answers "is support online?" and announces when that answer changes.
 */
public final class AdminPresence {
  private final Map<String, Integer> socketsPerAdmin = new ConcurrentHashMap<>();
  private volatile Set<String> onOtherNodes = Set.of();
  private volatile Consumer<Boolean> onAnyOnlineChanged = online -> {};
  private boolean lastAnnounced;

  void onAnyOnlineChanged(Consumer<Boolean> listener) {
    this.onAnyOnlineChanged = listener;
  }

  void connected(String adminId) {
    socketsPerAdmin.merge(adminId, 1, Integer::sum);
    announceIfChanged();
  }

  void disconnected(String adminId) {
    socketsPerAdmin.computeIfPresent(adminId, (k, n) -> n <= 1 ? null : n - 1);
    announceIfChanged();
  }

  /** The admins connected to this node (what this node reports to the others). */
  Set<String> localAdmins() {
    return Set.copyOf(socketsPerAdmin.keySet());
  }

  /** What the other nodes reported most recently. */
  void otherNodesReport(Set<String> adminIds) {
    onOtherNodes = Set.copyOf(adminIds);
    announceIfChanged();
  }

  public boolean isOnline(String adminId) {
    return socketsPerAdmin.containsKey(adminId) || onOtherNodes.contains(adminId);
  }

  public boolean anyAdminOnline() {
    return !socketsPerAdmin.isEmpty() || !onOtherNodes.isEmpty();
  }

  private synchronized void announceIfChanged() {
    boolean now = anyAdminOnline();
    if (now != lastAnnounced) {
      lastAnnounced = now;
      onAnyOnlineChanged.accept(now);
    }
  }
}
