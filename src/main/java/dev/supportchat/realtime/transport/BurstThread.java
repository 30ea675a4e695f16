package dev.supportchat.realtime.transport;

import dev.supportchat.worker.BatchingWorker;
import dev.supportchat.worker.Fatal;
import dev.supportchat.worker.WorkerHealth;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that runs its tasks in the order given, taking whatever has queued up as one burst and
 * writing the burst's websocket frames as one {@link FrameBatch}. A burst is capped so that the
 * first frame of a burst waits for at most {@value #MAX_BURST} tasks before it is flushed.
 */
public final class BurstThread implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BurstThread.class);
  static final int MAX_BURST = 64;

  private final BatchingWorker<Runnable> worker;

  public BurstThread(String name) {
    // runOne keeps each task's failure to itself, so a whole burst never fails: nothing to tell
    // anyone.
    worker =
        new BatchingWorker<>(
            name,
            MAX_BURST,
            burst -> FrameBatch.run(() -> burst.forEach(BurstThread::runOne)),
            (burst, failure) -> {});
  }

  /**
   * Queues the task; throws {@link java.util.concurrent.RejectedExecutionException} once closed.
   */
  @Override
  public void execute(Runnable task) {
    worker.submit(task);
  }

  /** Whether the caller runs on this thread (in one of its tasks). */
  public boolean isCurrent() {
    return worker.isWorkerThread();
  }

  /** The thread, for {@code /health}. */
  public WorkerHealth health() {
    return worker;
  }

  /** A task that throws must not take the rest of its burst (or the thread) with it. */
  private static void runOne(Runnable task) {
    try {
      task.run();
    } catch (Throwable t) {
      Fatal.haltIfFatal(t, Thread.currentThread().getName());
      LOG.error("Task failed on {}", Thread.currentThread().getName(), t);
    }
  }

  /** Runs what is queued (for at most 2 s), then stops. */
  @Override
  public void close() {
    worker.close(2_000);
  }
}
