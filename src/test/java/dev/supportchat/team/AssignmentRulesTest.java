package dev.supportchat.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.team.AssignmentRules.Candidate;
import dev.supportchat.team.AssignmentRules.Pick;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentRulesTest {

  @Test
  void eachChatGoesToTheAgentWithTheFewestActiveChats() {
    List<Pick> picks =
        AssignmentRules.plan(
            List.of(new Candidate("a", 3, 5, 1L), new Candidate("b", 1, 5, 2L)),
            List.of("c1", "c2", "c3"),
            100);
    assertThat(picks)
        .containsExactly(new Pick("c1", "b"), new Pick("c2", "b"), new Pick("c3", "a"));
  }

  @Test
  void tiesGoToWhoeverWaitedLongestSinceTheirLastAssignmentNeverAssignedFirst() {
    List<Pick> picks =
        AssignmentRules.plan(
            List.of(
                new Candidate("a", 0, 5, 50L),
                new Candidate("b", 0, 5, 10L),
                new Candidate("c", 0, 5, null)),
            List.of("c1", "c2", "c3", "c4"),
            100);
    assertThat(picks)
        .extracting(Pick::agentId)
        .as("never assigned, then oldest assignment, then round-robin")
        .containsExactly("c", "b", "a", "c");
  }

  @Test
  void nobodyGoesOverCapacityAndTheRestOfTheQueueWaitsInOrder() {
    List<Pick> picks =
        AssignmentRules.plan(
            List.of(new Candidate("a", 2, 3, null), new Candidate("b", 4, 4, null)),
            List.of("first", "second", "third"),
            100);
    assertThat(picks).containsExactly(new Pick("first", "a"));
  }

  @Test
  void aCapacityOfZeroTakesNothingAndNoAgentsMeansNoPicks() {
    assertThat(AssignmentRules.plan(List.of(new Candidate("a", 0, 0, null)), List.of("c"), 1))
        .isEmpty();
    assertThat(AssignmentRules.plan(List.of(), List.of("c"), 1)).isEmpty();
  }

  @Test
  void theSpreadBetweenAgentsStaysAtMostOne() {
    List<Candidate> agents =
        List.of(
            new Candidate("a", 0, 50, null),
            new Candidate("b", 2, 50, null),
            new Candidate("c", 5, 50, null));
    List<String> queue = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "c" + i).toList();
    List<Pick> picks = AssignmentRules.plan(agents, queue, 0);
    long a = picks.stream().filter(p -> p.agentId().equals("a")).count();
    long b = picks.stream().filter(p -> p.agentId().equals("b")).count() + 2;
    long c = picks.stream().filter(p -> p.agentId().equals("c")).count() + 5;
    assertThat(Math.max(a, Math.max(b, c)) - Math.min(a, Math.min(b, c))).isLessThanOrEqualTo(1);
  }

  @Test
  void onlyAgentsSeenAndThenOfflineForLongerThanTheGraceGiveTheirChatsBack() {
    assertThat(AssignmentRules.offlineTooLong(null, 1_000_000, 600_000)).isFalse();
    assertThat(AssignmentRules.offlineTooLong(500_000L, 1_000_000, 600_000)).isFalse();
    assertThat(AssignmentRules.offlineTooLong(300_000L, 1_000_000, 600_000)).isTrue();
  }
}
