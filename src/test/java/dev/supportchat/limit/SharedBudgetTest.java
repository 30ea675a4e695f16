package dev.supportchat.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedBudgetTest {
  @Test
  void anAddressTakesUpToItsCapAndOthersKeepTheirs() {
    SharedBudget budget = new SharedBudget(1_000, 400);
    assertThat(budget.take("a", 300)).isNull();
    assertThat(budget.take("a", 101)).isEqualTo(SharedBudget.Refusal.HOLDER_FULL);
    assertThat(budget.take("a", 100)).isNull();
    assertThat(budget.take("b", 400)).isNull();
    assertThat(budget.heldBy("a")).isEqualTo(400);
    assertThat(budget.held()).isEqualTo(800);
  }

  @Test
  void theServerIsFullAtItsTotalWhateverTheAddress() {
    SharedBudget budget = new SharedBudget(1_000, 600);
    assertThat(budget.take("a", 600)).isNull();
    assertThat(budget.take("b", 400)).isNull();
    assertThat(budget.take("c", 1)).isEqualTo(SharedBudget.Refusal.ALL_FULL);
    assertThat(budget.heldBy("c")).isZero();
    budget.giveBack("a", 600);
    assertThat(budget.take("c", 600)).isNull();
    assertThat(budget.held()).isEqualTo(1_000);
  }

  @Test
  void whatIsGivenBackIsFreeAgainAndNeverMoreThanWasTaken() {
    SharedBudget budget = new SharedBudget(1_000, 500);
    assertThat(budget.take("a", 500)).isNull();
    budget.giveBack("a", 500);
    assertThat(budget.held()).isZero();
    assertThat(budget.heldBy("a")).isZero();
    budget.giveBack("a", 0);
    assertThatThrownBy(() -> budget.giveBack("a", 1)).isInstanceOf(IllegalStateException.class);
  }
}
