package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BurstThreadTest {

  @Test
  void runsEveryTaskInOrderThoughOneFailsAndTheQueueOutgrowsABurst() throws Exception {
    List<Integer> ran = new CopyOnWriteArrayList<>();
    CountDownLatch gate = new CountDownLatch(1);
    try (BurstThread thread = new BurstThread("test-burst")) {
      thread.execute(
          () -> await(gate)); // holds the thread while a queue longer than a burst builds up
      for (int i = 0; i < 3 * BurstThread.MAX_BURST; i++) {
        int n = i;
        thread.execute(
            () -> {
              if (n == 5) {
                throw new IllegalStateException("a failing task");
              }
              ran.add(n);
            });
      }
      gate.countDown();
    }
    assertThat(ran)
        .as("close runs what was queued")
        .containsExactlyElementsOf(
            IntStream.range(0, 3 * BurstThread.MAX_BURST).filter(n -> n != 5).boxed().toList());
  }

  @Test
  void refusesTasksOnceClosed() {
    BurstThread thread = new BurstThread("test-burst");
    thread.close();
    assertThatThrownBy(() -> thread.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  private static void await(CountDownLatch gate) {
    try {
      gate.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
