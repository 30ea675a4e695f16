package dev.supportchat.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The loop every long-lived worker runs on: it survives its handler's failures and reports when it
 * is stuck.
 */
class BatchingWorkerTest {

  @Test
  void aHandlerThatThrowsAnErrorDoesNotEndTheThreadAndItsBatchHearsOfIt() throws Exception {
    List<Integer> handled = new CopyOnWriteArrayList<>();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    try (BatchingWorker<Integer> worker =
        new BatchingWorker<>(
            "test-worker",
            1,
            batch -> {
              if (batch.get(0) == 1) {
                throw new AssertionError("an Error, not a RuntimeException");
              }
              if (batch.get(0) == 2) {
                throw new IllegalStateException("a RuntimeException");
              }
              handled.addAll(batch);
              done.countDown();
            },
            (batch, failure) -> failures.add(failure))) {
      worker.submit(1);
      worker.submit(2);
      worker.submit(3);
      assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(handled).containsExactly(3);
      assertThat(failures)
          .extracting(Throwable::getMessage)
          .containsExactly("an Error, not a RuntimeException", "a RuntimeException");
      assertThat(worker.problem(1_000)).isEmpty();
    }
  }

  @Test
  void workQueuedBehindABatchThatDoesNotFinishIsReportedAsAStall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(1);
    try (BatchingWorker<Integer> worker =
        new BatchingWorker<>(
            "stuck-writer",
            1,
            batch -> {
              started.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            (batch, failure) -> {})) {
      worker.submit(1);
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(150);
      assertThat(worker.problem(100)).as("nothing else is waiting").isEmpty();
      worker.submit(2);
      assertThat(worker.problem(100))
          .hasValueSatisfying(
              p ->
                  assertThat(p)
                      .startsWith("stuck-writer has made no progress for")
                      .endsWith("with 1 items waiting"));
      assertThat(worker.problem(60_000)).as("within the allowance").isEmpty();
      release.countDown();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (worker.problem(100).isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(worker.problem(100)).isEmpty();
    }
  }

  @Test
  void aClosedWorkerFinishesItsQueueAndRefusesMore() throws Exception {
    List<Integer> handled = new CopyOnWriteArrayList<>();
    BatchingWorker<Integer> worker =
        new BatchingWorker<>("closing", 10, handled::addAll, (b, f) -> {});
    for (int i = 0; i < 100; i++) {
      worker.submit(i);
    }
    worker.close();
    assertThat(handled).hasSize(100);
    assertThat(worker.problem(0)).as("stopped on purpose").isEmpty();
    assertThatThrownBy(() -> worker.submit(1)).isInstanceOf(RejectedExecutionException.class);
  }
}
