package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BodyPaceTest {
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
