package dev.supportchat.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.error.AppException;
import dev.supportchat.team.TeamRules.Change;
import dev.supportchat.team.TeamRules.InviteState;
import java.util.List;
import org.junit.jupiter.api.Test;

class TeamRulesTest {
  private static Agent member(String id, Role role, boolean active) {
    return new Agent(
        id, id + "@x.org", id, role, active, Availability.ONLINE, null, null, null, 0, 0);
  }

  private final Agent ann = member("ann", Role.ADMIN, true);
  private final Agent bob = member("bob", Role.ADMIN, true);
  private final Agent cat = member("cat", Role.AGENT, true);

  @Test
  void theLastActiveAdminCanBeNeitherDemotedNorDeactivated() {
    List<Agent> team = List.of(ann, cat, member("old", Role.ADMIN, false));
    assertThatThrownBy(() -> TeamRules.check(team, "cat", ann, new Change(Role.AGENT, null)))
        .isInstanceOf(AppException.class)
        .hasMessageContaining("last active admin");
    assertThatThrownBy(() -> TeamRules.check(team, "other", ann, new Change(null, false)))
        .hasMessageContaining("last active admin");
  }

  @Test
  void withAnotherActiveAdminEitherMayBeDemotedOrDeactivated() {
    List<Agent> team = List.of(ann, bob, cat);
    assertThatCode(() -> TeamRules.check(team, "bob", ann, new Change(Role.AGENT, null)))
        .doesNotThrowAnyException();
    assertThatCode(() -> TeamRules.check(team, "bob", ann, new Change(null, false)))
        .doesNotThrowAnyException();
    assertThatCode(() -> TeamRules.check(team, "ann", cat, new Change(null, false)))
        .doesNotThrowAnyException();
  }

  @Test
  void nobodyDeactivatesThemselves() {
    assertThatThrownBy(
            () -> TeamRules.check(List.of(ann, bob), "ann", ann, new Change(null, false)))
        .hasMessageContaining("yourself");
  }

  @Test
  void anInviteIsPendingUntilUsedWithdrawnOrExpired() {
    assertThat(TeamRules.state(null, null, 100, 99)).isEqualTo(InviteState.PENDING);
    assertThat(TeamRules.state(null, null, 100, 100)).isEqualTo(InviteState.EXPIRED);
    assertThat(TeamRules.state(50L, null, 100, 200)).isEqualTo(InviteState.ACCEPTED);
    assertThat(TeamRules.state(null, 50L, 100, 60)).isEqualTo(InviteState.REVOKED);
    assertThat(TeamRules.refusal(InviteState.EXPIRED)).contains("expired");
  }

  @Test
  void capacityIsAWholeNumberFromZeroToTheMaximum() {
    assertThat(TeamRules.checkCapacity(0)).isZero();
    assertThat(TeamRules.checkCapacity(TeamRules.MAX_CAPACITY)).isEqualTo(TeamRules.MAX_CAPACITY);
    assertThatThrownBy(() -> TeamRules.checkCapacity(-1)).isInstanceOf(AppException.class);
    assertThatThrownBy(() -> TeamRules.checkCapacity(TeamRules.MAX_CAPACITY + 1))
        .isInstanceOf(AppException.class);
  }

  @Test
  void availabilityIsTheChoiceWhileConnectedOnAnyNodeElseOffline() {
    long stale = Availability.STALE_MS;
    assertThat(Availability.effective(Availability.AWAY, 1_000L, 1_000 + stale))
        .isEqualTo(Availability.AWAY);
    assertThat(Availability.effective(Availability.ONLINE, 1_000L, 1_001 + stale))
        .as("no node has written a sighting for too long")
        .isEqualTo(Availability.OFFLINE);
    assertThat(Availability.effective(Availability.ONLINE, null, 0))
        .isEqualTo(Availability.OFFLINE);
    assertThatThrownBy(() -> Availability.parseChoice("offline"))
        .hasMessageContaining("online or away");
  }
}
