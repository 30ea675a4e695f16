package dev.supportchat.realtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Which admins are connected: a count of sockets per admin on this node, plus (with several nodes) the admins other
 * nodes reported through Redis. Answers "is support online?" and announces when that answer changes.
 */
public final class AdminPresence {
  private final Map<String, Integer> socketsPerAdmin = new ConcurrentHashMap<>();
  private volatile Set<String> onOtherNodes = Set.of();
  private volatile Consumer<Boolean> onAnyOnlineChanged = online -> {};
  private volatile Consumer<String> onWentOffline = adminId -> {};
  private volatile Consumer<String> onBackOnline = adminId -> {};
  /**
   * Admins whose last socket here closed while another node's report still had them, and when (epoch ms). Such a
   * report may be older than that moment (reports are written every couple of seconds): whether the admin is
   * online elsewhere is decided by reports written after it.
   */
  private final Map<String, Long> leftHereAt = new HashMap<>();
  private final LongSupplier clock;
  private boolean lastAnnounced;

  /** What one other node reported: the admins connected to it, as of {@code writtenAtMillis}. */
  record NodeReport(String nodeId, long writtenAtMillis, Set<String> adminIds) {}

  /** The admins each other node reported last time, to tell which were on a node that has gone. */
  private Map<String, Set<String>> lastReports = Map.of();
  /**
   * Admins this node told offline for a node that stopped reporting, and that node. A node whose reports only
   * paused (its Redis link was cut for longer than a report stays fresh) comes back with them: then they are told
   * online again. An admin who reconnected to another node was announced online by that node.
   */
  private final Map<String, String> toldOfflineForGoneNode = new HashMap<>();

  public AdminPresence() {
    this(System::currentTimeMillis);
  }

  /** @param clock epoch milliseconds, comparable with the times other nodes write on their reports */
  AdminPresence(LongSupplier clock) {
    this.clock = clock;
  }

  void onAnyOnlineChanged(Consumer<Boolean> listener) {
    this.onAnyOnlineChanged = listener;
  }

  /** Told once per admin who went offline everywhere, as seen from this node (see {@link #disconnected}). */
  void onWentOffline(Consumer<String> listener) {
    this.onWentOffline = listener;
  }

  /** Told when an admin this node told offline for a gone node turns out to be connected after all. */
  void onBackOnline(Consumer<String> listener) {
    this.onBackOnline = listener;
  }

  synchronized void connected(String adminId) {
    socketsPerAdmin.merge(adminId, 1, Integer::sum);
    leftHereAt.remove(adminId);
    announceIfChanged();
  }

  /**
   * An admin's socket on this node closed. When it was the admin's last one and no other node reports the admin,
   * the admin went offline now; when another node's report still has the admin, the reports written after this
   * moment decide (see {@link #otherNodesReport}).
   */
  synchronized void disconnected(String adminId) {
    socketsPerAdmin.computeIfPresent(adminId, (k, n) -> n <= 1 ? null : n - 1);
    if (!socketsPerAdmin.containsKey(adminId)) {
      if (onOtherNodes.contains(adminId)) {
        leftHereAt.put(adminId, clock.getAsLong());
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

  /**
   * What the other nodes reported most recently. For an admin who left this node while reported elsewhere: a report
   * written after that still having the admin means the admin is online there (that node tells the offline when it
   * comes); no report having the admin any more means offline, told by this node.
   *
   * <p>A node that stops reporting (it died) cannot tell that its admins went offline. Its admins not connected
   * anywhere else are then told offline by one node of those left: the one that {@code tellsForGoneNodes} (the
   * caller elects it, the same one on every node).
   */
  synchronized void otherNodesReport(Collection<NodeReport> reports, boolean tellsForGoneNodes) {
    Set<String> all = new HashSet<>();
    Map<String, Set<String>> byNode = new HashMap<>();
    reports.forEach(r -> {
      all.addAll(r.adminIds());
      byNode.put(r.nodeId(), r.adminIds());
    });
    onOtherNodes = Set.copyOf(all);
    toldOfflineForGoneNode.entrySet().removeIf(told -> {
      String adminId = told.getKey();
      if (byNode.getOrDefault(told.getValue(), Set.of()).contains(adminId)) {
        onBackOnline.accept(adminId);
        return true;
      }
      return isOnline(adminId);
    });
    if (tellsForGoneNodes) {
      lastReports.forEach((node, admins) -> {
        if (!byNode.containsKey(node)) {
          admins.stream().filter(adminId -> !isOnline(adminId)).forEach(adminId -> {
            onWentOffline.accept(adminId);
            toldOfflineForGoneNode.put(adminId, node);
          });
        }
      });
    }
    lastReports = byNode;
    leftHereAt.entrySet().removeIf(left -> {
      String adminId = left.getKey();
      boolean onlineThereSince = reports.stream()
          .anyMatch(r -> r.writtenAtMillis() >= left.getValue() && r.adminIds().contains(adminId));
      if (onlineThereSince || socketsPerAdmin.containsKey(adminId)) {
        return true;
      }
      if (!all.contains(adminId)) {
        onWentOffline.accept(adminId);
        return true;
      }
      return false; // only reports from before it left here have it: wait for newer ones
    });
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
