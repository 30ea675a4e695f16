package dev.supportchat.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.error.AppException;
import dev.supportchat.error.ErrorCode;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The password threads' limits and their shutdown, with a check that waits for the test. */
class PasswordThreadsTest {

  @Test
  void oneNetworkGetsHalfTheQueueAndAllNetworksTogetherTheWhole() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (PasswordThreads threads = new PasswordThreads(1, 4, Runnable::run)) {
      CompletableFuture<String> first = threads.run("203.0.113.7", () -> waitFor(release));
      threads.run("203.0.113.7", () -> "queued");
      // Half of 4 for one network: its third check is refused, 429 with Retry-After.
      assertThatThrownBy(() -> threads.run("203.0.113.7", () -> "third"))
          .isInstanceOfSatisfying(
              AppException.class,
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(e.retryAfterSeconds()).isEqualTo(5);
              });
      // Other networks take the rest, then everyone is refused with 503.
      threads.run("198.51.100.1", () -> "b");
      threads.run("198.51.100.2", () -> "c");
      assertThatThrownBy(() -> threads.run("198.51.100.3", () -> "d"))
          .isInstanceOfSatisfying(
              AppException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("done");
      // Slots come back as checks finish.
      waitUntilIdle(threads);
      assertThat(threads.run("198.51.100.3", () -> "e").get(5, TimeUnit.SECONDS)).isEqualTo("e");
    }
  }

  @Test
  void checksStillWaitingWhenItClosesAreAnsweredUnavailable() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    PasswordThreads threads = new PasswordThreads(1, 10, Runnable::run);
    CompletableFuture<String> running = threads.run("a", () -> waitFor(release));
    CompletableFuture<String> waiting = threads.run("b", () -> "never run");
    Thread closer = new Thread(threads::close);
    closer.start();
    assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(AppException.class)
        .cause()
        .hasMessageContaining("Try again in a few seconds");
    release.countDown();
    assertThat(running.get(5, TimeUnit.SECONDS)).isEqualTo("done");
    closer.join(5_000);
    // Closed: a new check is refused at once, with the same 503.
    assertThatThrownBy(() -> threads.run("c", () -> "late"))
        .isInstanceOfSatisfying(
            AppException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE));
  }

  private static String waitFor(CountDownLatch release) {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      // close() interrupts running checks; a hash ignores that and finishes, so does this
      Thread.interrupted();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException again) {
        Thread.currentThread().interrupt();
      }
    }
    return "done";
  }

  private static void waitUntilIdle(PasswordThreads threads) throws InterruptedException {
    for (int i = 0; i < 500 && threads.waiting() > 0; i++) {
      Thread.sleep(10);
    }
    assertThat(threads.waiting()).isZero();
  }
}
