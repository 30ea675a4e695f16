package dev.supportchat.realtime.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that runs its tasks in the order given, taking whatever has queued up as one burst and writing the
 * burst's websocket frames as one {@link FrameBatch}. A burst is capped so that the first frame of a burst waits
 * for at most {@value #MAX_BURST} tasks before it is flushed.
 */
public final class BurstThread implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BurstThread.class);
  static final int MAX_BURST = 64;

  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;

  public BurstThread(String name) {
    thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void execute(Runnable task) {
    if (closed) {
      throw new RejectedExecutionException(thread.getName() + " is closed");
    }
    queue.add(task);
  }

  private void run() {
    List<Runnable> burst = new ArrayList<>(MAX_BURST);
    while (!closed || !queue.isEmpty()) {
      try {
        Runnable first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        burst.add(first);
        queue.drainTo(burst, MAX_BURST - 1);
        FrameBatch.run(() -> burst.forEach(BurstThread::runOne));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        burst.clear();
      }
    }
  }

  /** A task that throws must not take the rest of its burst (or the thread) with it. */
  private static void runOne(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.error("Task failed on {}", Thread.currentThread().getName(), e);
    }
  }

  /** Runs what is queued (for at most 2 s), then stops. */
  @Override
  public void close() {
    closed = true;
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
