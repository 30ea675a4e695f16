package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.realtime.AdminPresence.NodeReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When this node says an admin went offline, given what other nodes reported and when: exactly one
 * node says it, once the admin has no socket on any node, even when a report is older than the last
 * socket closing.
 */
class AdminPresenceTest {
  private final AtomicLong now = new AtomicLong(1_000_000);
  private final AdminPresence presence = new AdminPresence(now::get);
  private final List<String> wentOffline = new ArrayList<>();

  @BeforeEach
  void listen() {
    presence.onWentOffline(wentOffline::add);
  }

  private void report(long writtenAt, String... admins) {
    presence.otherNodesReport(List.of(new NodeReport("node-b", writtenAt, Set.of(admins))));
  }

  @Test
  void theLastSocketAnywhereClosingIsOfflineAtOnce() {
    presence.connected("ann");
    presence.connected("ann");
    presence.disconnected("ann");
    assertThat(wentOffline).isEmpty();
    presence.disconnected("ann");
    assertThat(wentOffline).containsExactly("ann");
  }

  @Test
  void aReportOlderThanTheCloseThatStillHasTheAdminWaitsForANewerOne() {
    report(now.get() - 1_500, "ann");
    presence.connected("ann");
    now.addAndGet(1_000);
    presence.disconnected("ann");
    assertThat(wentOffline).as("another node's report still has ann").isEmpty();
    report(now.get() - 1_500, "ann");
    assertThat(wentOffline).as("that report was written before ann left here").isEmpty();
    report(now.get() + 500);
    assertThat(wentOffline).containsExactly("ann");
    report(now.get() + 2_500);
    assertThat(wentOffline).as("told once").containsExactly("ann");
  }

  @Test
  void anAdminReportedElsewhereAfterLeavingHereIsThatNodesToAnnounce() {
    report(now.get(), "ann");
    presence.connected("ann");
    presence.disconnected("ann");
    report(now.get() + 2_000, "ann");
    report(now.get() + 4_000);
    assertThat(wentOffline).as("the other node had ann after this one: it tells").isEmpty();
  }

  @Test
  void comingBackToThisNodeCancelsTheWait() {
    report(now.get(), "ann");
    presence.connected("ann");
    presence.disconnected("ann");
    presence.connected("ann");
    report(now.get() + 2_000);
    assertThat(wentOffline).isEmpty();
    assertThat(presence.isOnline("ann")).isTrue();
  }

  @Test
  void theAdminsOfANodeThatDiedAreToldOfflineByTheNodeThatRemovedItsReportOnly() {
    AdminPresence other = new AdminPresence(now::get);
    List<String> toldByOther = new ArrayList<>();
    other.onWentOffline(toldByOther::add);
    List<NodeReport> bothAlive =
        List.of(
            new NodeReport("node-b", now.get(), Set.of("ann", "bob")),
            new NodeReport("node-c", now.get(), Set.of("bob")));
    List<NodeReport> onlyCLeft =
        List.of(new NodeReport("node-c", now.get() + 12_000, Set.of("bob")));
    presence.otherNodesReport(bothAlive);
    other.otherNodesReport(bothAlive);
    presence.otherNodesReport(onlyCLeft);
    presence.nodeGone(Set.of("ann", "bob"));
    other.otherNodesReport(onlyCLeft);
    assertThat(wentOffline)
        .as("ann was only on node-b; bob is still on node-c")
        .containsExactly("ann");
    assertThat(toldByOther).as("did not remove node-b's report: says nothing").isEmpty();
  }

  @Test
  void anAdminWhoLeftHereWhileStillOnANodeThatThenDiesIsToldOnceByTheRemover() {
    report(now.get(), "ann");
    presence.connected("ann");
    presence.disconnected("ann");
    presence.otherNodesReport(List.of());
    assertThat(wentOffline).as("node-b stopped reporting: its remover tells").isEmpty();
    presence.nodeGone(Set.of("ann"));
    assertThat(wentOffline).as("this node removed it: told once").containsExactly("ann");
  }

  @Test
  void anAdminLeavingHereIsToldOfflineWhenTheNodesThatHadThemReportWithoutThem() {
    report(now.get(), "ann");
    presence.connected("ann");
    now.addAndGet(1_000);
    presence.disconnected("ann");
    report(now.get() + 1_000);
    assertThat(wentOffline).containsExactly("ann");
  }

  @Test
  void anAdminToldOfflineForAGoneNodeIsToldOnlineWhenSeenAgain() {
    List<String> backOnline = new ArrayList<>();
    presence.onBackOnline(backOnline::add);
    report(now.get(), "ann");
    presence.otherNodesReport(List.of());
    presence.nodeGone(Set.of("ann"));
    assertThat(wentOffline).containsExactly("ann");
    report(now.get() + 12_000, "ann");
    assertThat(backOnline)
        .as("node-b's Redis link came back, ann never left")
        .containsExactly("ann");
    report(now.get() + 14_000, "ann");
    assertThat(backOnline).as("told once").containsExactly("ann");
  }

  @Test
  void anAdminWhoReconnectedElsewhereJustBeforeTheOfflineIsToldOnlineAgain() {
    List<String> backOnline = new ArrayList<>();
    presence.onBackOnline(backOnline::add);
    report(now.get(), "ann");
    // ann's node died; ann reconnected to node-c, whose next report does not have ann yet
    presence.otherNodesReport(List.of(new NodeReport("node-c", now.get() + 11_000, Set.of())));
    presence.nodeGone(Set.of("ann"));
    presence.otherNodesReport(List.of(new NodeReport("node-c", now.get() + 13_000, Set.of("ann"))));
    assertThat(wentOffline).containsExactly("ann");
    assertThat(backOnline)
        .as("the offline came after node-c's online: set right")
        .containsExactly("ann");
  }

  @Test
  void aStoppingNodeTellsItsAdminsOfflineOnceUnlessOnlineElsewhere() {
    report(now.get(), "bob");
    presence.connected("ann");
    presence.connected("bob");
    presence.stopping();
    assertThat(wentOffline).as("bob is on node-b too").containsExactly("ann");
    presence.disconnected("ann");
    assertThat(wentOffline)
        .as("a late disconnect of the same socket: not again")
        .containsExactly("ann");
    assertThat(presence.localAdmins()).isEmpty();
  }
}
