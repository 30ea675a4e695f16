package dev.supportchat.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Which admins are connected to this node (a count of sockets per admin), and whether any is: the answer to
 * "is support online?". With several nodes each node knows its own admins (docs/DEPLOYMENT.md).
 */
public final class AdminPresence {
  private final Map<String, Integer> socketsPerAdmin = new ConcurrentHashMap<>();
  private volatile Consumer<Boolean> onAnyOnlineChanged = online -> {};

  void onAnyOnlineChanged(Consumer<Boolean> listener) {
    this.onAnyOnlineChanged = listener;
  }

  void connected(String adminId) {
    boolean wasOnline = anyAdminOnline();
    socketsPerAdmin.merge(adminId, 1, Integer::sum);
    if (!wasOnline) {
      onAnyOnlineChanged.accept(true);
    }
  }

  void disconnected(String adminId) {
    socketsPerAdmin.computeIfPresent(adminId, (k, n) -> n <= 1 ? null : n - 1);
    if (!anyAdminOnline()) {
      onAnyOnlineChanged.accept(false);
    }
  }

  public boolean isOnline(String adminId) {
    return socketsPerAdmin.containsKey(adminId);
  }

  public boolean anyAdminOnline() {
    return !socketsPerAdmin.isEmpty();
  }
}
