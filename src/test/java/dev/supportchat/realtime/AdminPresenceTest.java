package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When this node says an admin went offline, given what other nodes reported and when. */
class AdminPresenceTest {
  private final AdminPresence presence = new AdminPresence();
  private final List<String> wentOffline = new ArrayList<>();

  @BeforeEach
  void listen() {
    presence.onWentOffline(wentOffline::add);
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
  void aStaleReportFromAnotherNodeDelaysTheOfflineUntilANewerReport() {
    presence.otherNodesReport(Set.of("ann"));
    presence.connected("ann");
    presence.disconnected("ann");
    assertThat(wentOffline).as("another node still reports ann").isEmpty();
    presence.otherNodesReport(Set.of("ann"));
    assertThat(wentOffline).as("that report may be older than ann closing there").isEmpty();
    presence.otherNodesReport(Set.of());
    assertThat(wentOffline).containsExactly("ann");
    presence.otherNodesReport(Set.of());
    assertThat(wentOffline).as("told once").containsExactly("ann");
  }

  @Test
  void anAdminStillReportedAfterAFewReportsIsOnlineThereAndThatNodeTellsTheOffline() {
    presence.otherNodesReport(Set.of("ann"));
    presence.connected("ann");
    presence.disconnected("ann");
    for (int i = 0; i < 3; i++) {
      presence.otherNodesReport(Set.of("ann"));
    }
    presence.otherNodesReport(Set.of());
    assertThat(wentOffline).isEmpty();
  }

  @Test
  void comingBackToThisNodeCancelsThePendingOffline() {
    presence.otherNodesReport(Set.of("ann"));
    presence.connected("ann");
    presence.disconnected("ann");
    presence.connected("ann");
    presence.otherNodesReport(Set.of());
    assertThat(wentOffline).isEmpty();
    assertThat(presence.isOnline("ann")).isTrue();
  }
}
