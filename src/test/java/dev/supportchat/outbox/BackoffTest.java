package dev.supportchat.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
  private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofHours(24));

  @Test
  void eachRetryWaitsTwiceAsLongAsTheOneBefore() {
    assertThat(backoff.next(1, T0, T0)).contains(T0.plusSeconds(10));
    assertThat(backoff.next(2, T0, T0)).contains(T0.plusSeconds(20));
    assertThat(backoff.next(3, T0, T0)).contains(T0.plusSeconds(40));
  }

  @Test
  void noTwoAttemptsAreFurtherApartThanTheLongestStep() {
    assertThat(backoff.next(40, T0, T0)).contains(T0.plus(Backoff.MAX_STEP));
  }

  @Test
  void theLastAttemptHappensAtTheDeadlineAndThenItIsGivenUp() {
    Instant late = T0.plus(Duration.ofHours(23).plusMinutes(30));
    assertThat(backoff.next(20, T0, late)).contains(T0.plus(Duration.ofHours(24)));
    assertThat(backoff.next(21, T0, T0.plus(Duration.ofHours(24)))).isEmpty();
  }

  @Test
  void aDeliveryIsRetriedForTwentyFourHoursInAboutTwentyAttempts() {
    Instant now = T0;
    int attempts = 0;
    while (true) {
      attempts++;
      var next = backoff.next(attempts, T0, now);
      if (next.isEmpty()) {
        break;
      }
      now = next.get();
    }
    assertThat(now).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(attempts).isBetween(15, 25);
  }
}
