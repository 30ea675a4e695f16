package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollingLivenessTest {

  @Test
  void aSessionIsOverdueOnlyAfterTheLimitWithoutAPoll() throws Exception {
    PollingLiveness liveness = new PollingLiveness(Duration.ofMillis(200));
    AtomicInteger added = new AtomicInteger();
    assertThat(liveness.polled("a")).isTrue();
    assertThat(liveness.polled("a")).isFalse();
    assertThat(liveness.overdue("a", added::incrementAndGet)).isFalse();
    Thread.sleep(250);
    assertThat(liveness.overdue("a", added::incrementAndGet)).isTrue();
    liveness.polled("a");
    assertThat(liveness.overdue("a", added::incrementAndGet)).isFalse();
    assertThat(added).hasValue(0);
  }

  @Test
  void aSessionThatNeverPolledStartsItsClockAtItsFirstPost() throws Exception {
    PollingLiveness liveness = new PollingLiveness(Duration.ofMillis(200));
    AtomicInteger added = new AtomicInteger();
    assertThat(liveness.overdue("b", added::incrementAndGet)).isFalse();
    assertThat(added).hasValue(1);
    assertThat(liveness.overdue("b", added::incrementAndGet)).isFalse();
    Thread.sleep(250);
    assertThat(liveness.overdue("b", added::incrementAndGet)).isTrue();
    assertThat(added).hasValue(1);
  }

  @Test
  void forgottenSessionsLeaveNothing() {
    PollingLiveness liveness = new PollingLiveness(Duration.ofSeconds(1));
    liveness.polled("a");
    liveness.overdue("b", () -> {});
    liveness.forget("a");
    liveness.forget("b");
    assertThat(liveness.size()).isZero();
  }

  @Test
  void theDefaultLimitIsTwoPingCycles() {
    PollingLiveness liveness =
        new PollingLiveness(SocketIoTransportOptions.defaults(java.util.List.of()));
    assertThat(liveness.limit()).isEqualTo(Duration.ofSeconds(90));
  }
}
