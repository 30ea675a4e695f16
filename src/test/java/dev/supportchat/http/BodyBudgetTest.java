package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BodyBudgetTest {
  @Test
  void anAddressTakesUpToItsCapAndOthersKeepTheirs() {
    BodyBudget budget = new BodyBudget(1_000, 400);
    assertThat(budget.take("a", 300)).isNull();
    assertThat(budget.take("a", 101)).isEqualTo(BodyBudget.Refusal.ADDRESS_FULL);
    assertThat(budget.take("a", 100)).isNull();
    assertThat(budget.take("b", 400)).isNull();
    assertThat(budget.heldBy("a")).isEqualTo(400);
    assertThat(budget.held()).isEqualTo(800);
  }

  @Test
  void theServerIsFullAtItsTotalWhateverTheAddress() {
    BodyBudget budget = new BodyBudget(1_000, 600);
    assertThat(budget.take("a", 600)).isNull();
    assertThat(budget.take("b", 400)).isNull();
    assertThat(budget.take("c", 1)).isEqualTo(BodyBudget.Refusal.SERVER_FULL);
    assertThat(budget.heldBy("c")).isZero();
    budget.giveBack("a", 600);
    assertThat(budget.take("c", 600)).isNull();
    assertThat(budget.held()).isEqualTo(1_000);
  }

  @Test
  void whatIsGivenBackIsFreeAgainAndNeverMoreThanWasTaken() {
    BodyBudget budget = new BodyBudget(1_000, 500);
    assertThat(budget.take("a", 500)).isNull();
    budget.giveBack("a", 500);
    assertThat(budget.held()).isZero();
    assertThat(budget.heldBy("a")).isZero();
    budget.giveBack("a", 0);
    assertThatThrownBy(() -> budget.giveBack("a", 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBodyIsJudgedOnItsAverageRateOnlyAfterItsGrace() {
    BodyPace pace = new BodyPace(1_024, Duration.ofSeconds(10));
    long second = 1_000_000_000L;
    assertThat(pace.tooSlow(0, 10 * second)).isFalse(); // still in its grace
    assertThat(pace.tooSlow(10_239, 10 * second + 1)).isTrue(); // 1,023.9 bytes a second
    assertThat(pace.tooSlow(10_240, 10 * second)).isFalse();
    assertThat(pace.tooSlow(3_000 * 60, 60 * second)).isFalse(); // a phone at 3 KB a second
    assertThat(pace.tooSlow(10 * 60, 60 * second)).isTrue(); // a trickle of 10 bytes a second
  }
}
