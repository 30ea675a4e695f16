package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BodyPaceTest {
  private static final long SECOND = 1_000_000_000L;
  private final BodyPace pace = new BodyPace(1_024, Duration.ofSeconds(30));

  @Test
  void aWindowIsJudgedOnlyOnceItIsOver() {
    assertThat(pace.tooSlow(0, 29 * SECOND)).isFalse();
    assertThat(pace.windowOver(29 * SECOND)).isFalse();
    assertThat(pace.windowOver(30 * SECOND)).isTrue();
    assertThat(pace.tooSlow(0, 30 * SECOND)).isTrue();
  }

  @Test
  void eachWindowMustAverageTheMinimumRate() {
    assertThat(pace.tooSlow(30 * 1_024 - 1, 30 * SECOND)).isTrue();
    assertThat(pace.tooSlow(30 * 1_024, 30 * SECOND)).isFalse();
    // a phone at 3 KB a second that loses its signal for 15 s of the window
    assertThat(pace.tooSlow(15 * 3_000, 30 * SECOND)).isFalse();
    // a trickle of 10 bytes a second
    assertThat(pace.tooSlow(10 * 31, 31 * SECOND)).isTrue();
  }
}
