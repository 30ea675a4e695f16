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
  private volatile Consumer<String> onWentOffline = adminId -> {};
  /**
   * Admins who left this node while another node still reported them, with how many more reports to wait for: a
   * report lags the other node by up to two periods; after that the admin really is online there, and that node
   * announces the offline when it comes.
   */
  private final Map<String, Integer> leftHereOnlineElsewhere = new ConcurrentHashMap<>();
  private static final int REPORTS_TO_WAIT = 3;
  private boolean lastAnnounced;

  void onAnyOnlineChanged(Consumer<Boolean> listener) {
    this.onAnyOnlineChanged = listener;
  }

  /** Told once per admin who went offline everywhere, as seen from this node (see {@link #disconnected}). */
  void onWentOffline(Consumer<String> listener) {
    this.onWentOffline = listener;
  }

  synchronized void connected(String adminId) {
    socketsPerAdmin.merge(adminId, 1, Integer::sum);
    leftHereOnlineElsewhere.remove(adminId);
    announceIfChanged();
  }

  /**
   * An admin's socket on this node closed. When it was the admin's last one anywhere, the admin went offline now;
   * when another node still reports the admin, that report may be a period or two old (it closed there too), so
   * the question is asked again at the next few reports.
   */
  synchronized void disconnected(String adminId) {
    socketsPerAdmin.computeIfPresent(adminId, (k, n) -> n <= 1 ? null : n - 1);
    if (!socketsPerAdmin.containsKey(adminId)) {
      if (onOtherNodes.contains(adminId)) {
        leftHereOnlineElsewhere.put(adminId, REPORTS_TO_WAIT);
      } else {
        onWentOffline.accept(adminId);
      }
    }
    announceIfChanged();
  }

  /** The admins connected to this node (what this node reports to the others). */
  Set<String> localAdmins() {
    return Set.copyOf(socketsPerAdmin.keySet());
  }

  /** What the other nodes reported most recently. */
  synchronized void otherNodesReport(Set<String> adminIds) {
    onOtherNodes = Set.copyOf(adminIds);
    for (String adminId : leftHereOnlineElsewhere.keySet()) {
      if (!isOnline(adminId)) {
        if (leftHereOnlineElsewhere.remove(adminId) != null) {
          onWentOffline.accept(adminId);
        }
      } else {
        leftHereOnlineElsewhere.computeIfPresent(adminId, (k, left) -> left <= 1 ? null : left - 1);
      }
    }
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
