package dev.supportchat.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread that takes whatever has queued up (at most {@code maxBatch} items) and hands it to its
 * handler as one batch, in submission order. The group-commit writer and the socket emitters are
 * built on it.
 *
 * <p>The thread survives anything its handler throws: the failure goes to {@code onFailure} for the
 * batch (whose callers must hear of it) and the loop goes on; a fatal error ({@link Fatal}) ends
 * the process instead. It records its progress, so {@code /health} can tell a worker that is stuck
 * or gone while work waits for it.
 */
public final class BatchingWorker<T> implements WorkerHealth, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BatchingWorker.class);
  private static final long POLL_MILLIS = 200;

  private final String name;
  private final int maxBatch;
  private final Consumer<List<T>> handler;
  private final BiConsumer<List<T>, Throwable> onFailure;
  private final BlockingQueue<T> queue = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean closed;
  private volatile BatchObserver observer = BatchObserver.NONE;

  /** System.nanoTime() when the loop last came round: after a poll, or after a batch. */
  private volatile long lastProgressNanos = System.nanoTime();

  /**
   * @param onFailure told when the handler threw for a batch (items in it may not have been
   *     handled); runs on the worker thread
   */
  public BatchingWorker(
      String name,
      int maxBatch,
      Consumer<List<T>> handler,
      BiConsumer<List<T>, Throwable> onFailure) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be positive");
    }
    this.name = name;
    this.maxBatch = maxBatch;
    this.handler = handler;
    this.onFailure = onFailure;
    this.thread = new Thread(this::run, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues the item; throws {@link RejectedExecutionException} once the worker is closed. */
  public void submit(T item) {
    if (closed) {
      throw new RejectedExecutionException(name + " is closed");
    }
    queue.add(item);
  }

  /** Whether the calling thread is this worker's own. */
  public boolean isWorkerThread() {
    return Thread.currentThread() == thread;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int queued() {
    return queue.size();
  }

  @Override
  public void observeBatches(BatchObserver observer) {
    this.observer = observer;
  }

  @Override
  public Optional<String> problem(long stallMillis) {
    if (!thread.isAlive()) {
      return closed ? Optional.empty() : Optional.of(name + " is not running");
    }
    int waiting = queue.size();
    long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastProgressNanos);
    if (waiting > 0 && idleMillis > stallMillis) {
      return Optional.of(
          name
              + " has made no progress for "
              + idleMillis
              + " ms with "
              + waiting
              + " items waiting");
    }
    return Optional.empty();
  }

  private void run() {
    List<T> batch = new ArrayList<>(maxBatch);
    while (!closed || !queue.isEmpty()) {
      try {
        T first = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        lastProgressNanos = System.nanoTime();
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        long started = System.nanoTime();
        handle(batch);
        lastProgressNanos = System.nanoTime();
        observer.batch(batch.size(), lastProgressNanos - started);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void handle(List<T> batch) {
    try {
      handler.accept(batch);
    } catch (Throwable t) {
      Fatal.haltIfFatal(t, name);
      log.error("{} failed on a batch of {}; carrying on", name, batch.size(), t);
      try {
        onFailure.accept(batch, t);
      } catch (Throwable again) {
        Fatal.haltIfFatal(again, name);
        log.error("{} could not report a failed batch", name, again);
      }
    }
  }

  /** Handles what is queued (waiting at most {@code waitMillis}), then stops the thread. */
  public void close(long waitMillis) {
    closed = true;
    try {
      thread.join(waitMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(5_000);
  }
}
