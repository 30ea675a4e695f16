package dev.supportchat.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final LoginThrottle throttle = new LoginThrottle(Duration.ofSeconds(3));

  @Test
  void aFewTyposCostNothingThenTheWaitDoublesUpToTheCap() {
    assertThat(throttle.delayAfter(0)).isZero();
    assertThat(throttle.delayAfter(2)).isZero();
    assertThat(throttle.delayAfter(3)).isEqualTo(Duration.ofMillis(250));
    assertThat(throttle.delayAfter(4)).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
    assertThat(throttle.delayAfter(7)).isEqualTo(Duration.ofSeconds(3));
    assertThat(throttle.delayAfter(1_000_000)).isEqualTo(Duration.ofSeconds(3));
  }
}
