package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.error.AppException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rating rules without storage: what may be rated, and what a score and comment must be. */
class RatingTest {
  private static final Instant RESOLVED = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void onlyAFinishedChatWithAnUnratedResolutionCanBeRated() {
    assertThat(Rating.canRate(ChatStatus.RESOLVED, RESOLVED, false)).isTrue();
    assertThat(Rating.canRate(ChatStatus.CLOSED, RESOLVED, false)).isTrue();
    assertThat(Rating.canRate(ChatStatus.RESOLVED, RESOLVED, true)).isFalse();
    assertThat(Rating.canRate(ChatStatus.OPEN, RESOLVED, false)).as("reopened").isFalse();
    assertThat(Rating.canRate(ChatStatus.IN_PROGRESS, null, false)).isFalse();
    assertThat(Rating.canRate(ChatStatus.RESOLVED, null, false)).as("no resolution time").isFalse();
  }

  @Test
  void aScoreIsAWholeNumberFromOneToFiveAndTheCommentIsTrimmedAndBounded() {
    assertThat(Rating.checkInput(1, null)).isEmpty();
    assertThat(Rating.checkInput(5, "  Thanks!  ")).isEqualTo("Thanks!");
    for (Integer bad : new Integer[] {null, 0, 6, -3, Integer.MAX_VALUE}) {
      assertThatThrownBy(() -> Rating.checkInput(bad, ""))
          .as(String.valueOf(bad))
          .isInstanceOfSatisfying(
              AppException.class, e -> assertThat(e.getMessage()).contains("score"));
    }
    String longest = "x".repeat(Rating.MAX_COMMENT_LENGTH);
    assertThat(Rating.checkInput(3, longest)).hasSize(Rating.MAX_COMMENT_LENGTH);
    assertThatThrownBy(() -> Rating.checkInput(3, longest + "x"))
        .hasMessageContaining("comment must be at most 1000 characters");
  }
}
