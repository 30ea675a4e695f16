package dev.supportchat.realtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Which admins are connected: a count of sockets per admin on this node, plus (with several nodes)
 * the admins other nodes reported through Redis. Answers "is support online?" and announces when
 * that answer changes.
 *
 * <p>"Offline" for one admin is told by exactly one node: the node of the admin's last socket when
 * it closes; or, when that node died, the one node that removed the dead node's report ({@link
 * #nodeGone}).
 */
public final class AdminPresence {
  private final Map<String, Integer> socketsPerAdmin = new ConcurrentHashMap<>();
  private volatile Set<String> onOtherNodes = Set.of();
  private volatile Consumer<Boolean> onAnyOnlineChanged = online -> {};
  private volatile Consumer<String> onWentOffline = adminId -> {};
  private volatile Consumer<String> onBackOnline = adminId -> {};

  /**
   * An admin whose last socket here closed while other nodes' reports still had them: when, and
   * which nodes. Those reports may be older than that moment (reports are written every couple of
   * seconds): whether the admin is online elsewhere is decided by reports written after it.
   */
  private record LeftHere(long atMillis, Set<String> reportedBy) {}

  private final Map<String, LeftHere> leftHere = new HashMap<>();

  /** The latest report of every other node, by node id. */
  private Map<String, NodeReport> reports = Map.of();

  /**
   * Admins this node told offline because their node stopped reporting. A node that was only cut
   * from Redis for longer than a report stays fresh comes back with them, and an admin may have
   * reconnected elsewhere before this node told the offline: either way, once seen online again,
   * they are told online again (a second "online" is harmless, a wrong "offline" is not).
   */
  private final Set<String> toldOfflineForGoneNode = new HashSet<>();

  private final LongSupplier clock;
  private boolean lastAnnounced;

  /**
   * Whether a connected staff member counts for "support is online": not one who chose "away" (told
   * by the team feature; everyone counts until it is).
   */
  private volatile Predicate<String> available = adminId -> true;

  /** What one other node reported: the admins connected to it, as of {@code writtenAtMillis}. */
  record NodeReport(String nodeId, long writtenAtMillis, Set<String> adminIds) {}

  public AdminPresence() {
    this(System::currentTimeMillis);
  }

  /**
   * @param clock epoch milliseconds, comparable with the times other nodes write on their reports
   */
  AdminPresence(LongSupplier clock) {
    this.clock = clock;
  }

  void onAnyOnlineChanged(Consumer<Boolean> listener) {
    this.onAnyOnlineChanged = listener;
  }

  /**
   * Told once per admin who went offline everywhere (see the class comment for which node tells
   * it).
   */
  void onWentOffline(Consumer<String> listener) {
    this.onWentOffline = listener;
  }

  /**
   * Told when an admin this node told offline for a gone node turns out to be connected after all.
   */
  void onBackOnline(Consumer<String> listener) {
    this.onBackOnline = listener;
  }

  synchronized void connected(String adminId) {
    socketsPerAdmin.merge(adminId, 1, Integer::sum);
    leftHere.remove(adminId);
    toldOfflineForGoneNode.remove(adminId); // this node announces a first socket here itself
    announceIfChanged();
  }

  /**
   * An admin's socket on this node closed. When it was the admin's last one and no other node
   * reports the admin, the admin went offline now; when another node's report still has the admin,
   * the reports written after this moment decide (see {@link #otherNodesReport}).
   */
  synchronized void disconnected(String adminId) {
    if (!socketsPerAdmin.containsKey(adminId)) {
      return; // told already: this node is stopping (see stopping())
    }
    socketsPerAdmin.computeIfPresent(adminId, (k, n) -> n <= 1 ? null : n - 1);
    if (!socketsPerAdmin.containsKey(adminId)) {
      Set<String> reportedBy = nodesReporting(adminId);
      if (reportedBy.isEmpty()) {
        onWentOffline.accept(adminId);
      } else {
        leftHere.put(adminId, new LeftHere(clock.getAsLong(), reportedBy));
      }
    }
    announceIfChanged();
  }

  /**
   * This node is stopping: every admin still connected here is gone with it. A socket that gets no
   * close event when the server stops (a long-polling one between two polls: no request is open to
   * fail) would otherwise never be told offline; its node's report is removed at once, so no other
   * node would tell it either.
   */
  synchronized void stopping() {
    socketsPerAdmin.keySet().stream()
        .filter(adminId -> !onOtherNodes.contains(adminId))
        .forEach(onWentOffline);
    socketsPerAdmin.clear();
    announceIfChanged();
  }

  /** The admins connected to this node (what this node reports to the others). */
  Set<String> localAdmins() {
    return Set.copyOf(socketsPerAdmin.keySet());
  }

  /**
   * What the other nodes reported most recently (fresh reports only). For an admin who left this
   * node while reported elsewhere: a report written after that still having the admin means the
   * admin is online there (that node tells the offline when it comes); the nodes that had the admin
   * all reporting without them means offline, told by this node; one of those nodes no longer
   * reporting means it died, and the node that removes its report tells ({@link #nodeGone}).
   */
  synchronized void otherNodesReport(Collection<NodeReport> fresh) {
    Map<String, NodeReport> byNode = new HashMap<>();
    Set<String> all = new HashSet<>();
    fresh.forEach(
        r -> {
          byNode.put(r.nodeId(), r);
          all.addAll(r.adminIds());
        });
    reports = byNode;
    onOtherNodes = Set.copyOf(all);
    toldOfflineForGoneNode.removeIf(
        adminId -> {
          boolean back = all.contains(adminId);
          if (back) {
            onBackOnline.accept(adminId);
          }
          return back;
        });
    leftHere
        .entrySet()
        .removeIf(
            entry -> {
              String adminId = entry.getKey();
              LeftHere left = entry.getValue();
              boolean onlineThereSince =
                  fresh.stream()
                      .anyMatch(
                          r ->
                              r.writtenAtMillis() >= left.atMillis()
                                  && r.adminIds().contains(adminId));
              if (onlineThereSince || socketsPerAdmin.containsKey(adminId)) {
                return true;
              }
              if (all.contains(adminId)) {
                return false; // only reports from before it left here have it: wait for newer ones
              }
              if (byNode.keySet().containsAll(left.reportedBy())) {
                onWentOffline.accept(adminId);
              }
              return true;
            });
    announceIfChanged();
  }

  /**
   * This node removed the report of a node that stopped writing it (it died, or lost Redis for too
   * long): only one node removes it, so only that node tells its admins offline, those not
   * connected anywhere else. Call it after {@link #otherNodesReport} with the reports read in the
   * same pass.
   */
  synchronized void nodeGone(Set<String> itsAdmins) {
    itsAdmins.stream()
        .filter(adminId -> !isOnline(adminId))
        .forEach(
            adminId -> {
              onWentOffline.accept(adminId);
              toldOfflineForGoneNode.add(adminId);
            });
  }

  public boolean isOnline(String adminId) {
    return socketsPerAdmin.containsKey(adminId) || onOtherNodes.contains(adminId);
  }

  /**
   * Whether someone can answer now: a staff member connected on any node who did not choose "away".
   * What the widget shows as "Support is online".
   */
  public boolean anyAdminOnline() {
    Predicate<String> counts = available;
    return socketsPerAdmin.keySet().stream().anyMatch(counts)
        || onOtherNodes.stream().anyMatch(counts);
  }

  /** Counts only the staff {@code available} accepts; announces at once if that changes things. */
  public void countOnly(Predicate<String> available) {
    this.available = available;
    recheck();
  }

  /** Something behind {@link #anyAdminOnline} changed (an agent chose away or online). */
  public void recheck() {
    announceIfChanged();
  }

  private Set<String> nodesReporting(String adminId) {
    Set<String> nodes = new HashSet<>();
    reports
        .values()
        .forEach(
            r -> {
              if (r.adminIds().contains(adminId)) {
                nodes.add(r.nodeId());
              }
            });
    return nodes;
  }

  private synchronized void announceIfChanged() {
    boolean now = anyAdminOnline();
    if (now != lastAnnounced) {
      lastAnnounced = now;
      onAnyOnlineChanged.accept(now);
    }
  }
}
