package dev.supportchat.user;

import dev.supportchat.error.AppException;
import dev.supportchat.limit.SharedBudget;
import dev.supportchat.worker.Fatal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The threads that hash and check passwords, one per core, and the checks waiting for them.
 *
 * <p>Why: bcrypt costs tens of milliseconds of CPU per password, by design. Run on Jetty's request
 * threads, a burst of sign-ins (an office arriving at nine, every user of a host site after a
 * deploy) held a request thread each until its hash was done, and Jetty kept adding threads to go
 * on serving: 140 to 220 after the benchmark's 408 sign-ins. Under steady traffic every idle thread
 * gets a task now and then, so none was ever idle long enough to be retired, and their stacks
 * stayed for the life of the process (issue 20, memory). Here only the hash runs on these threads:
 * a sign-in's checks, limits and database reads run on its request thread, the request waits for
 * its hash without a thread, and what follows the hash is handed back to the request threads
 * ({@code answers}). So a slow database or Redis never holds up the hashing of others, and two
 * cores are never shared between more hashes than there are cores.
 *
 * <p>At most {@code maxWaiting} checks wait or run at once, and at most half of them for one client
 * network, so that one network (an attacker with an account, signing in as fast as it can) cannot
 * keep everyone else out: past the first 429, past the second 503, both with {@code Retry-After}.
 */
public final class PasswordThreads implements AutoCloseable {
  /** What a refused client is told to wait, in seconds. */
  static final int RETRY_AFTER_SECONDS = 5;

  private final ThreadPoolExecutor threads;
  private final Executor answers;
  private final SharedBudget waiting;

  public PasswordThreads(int maxWaiting, Executor answers) {
    this(Runtime.getRuntime().availableProcessors(), maxWaiting, answers);
  }

  PasswordThreads(int threadCount, int maxWaiting, Executor answers) {
    this.answers = answers;
    this.waiting = new SharedBudget(maxWaiting, Math.max(1, maxWaiting / 2));
    AtomicInteger count = new AtomicInteger();
    threads =
        new ThreadPoolExecutor(
            threadCount,
            threadCount,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), // bounded by the budget
            task -> {
              Thread t = new Thread(task, "passwords-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Runs {@code work} (a hash or a check, nothing that waits on anything) on a password thread for
   * a client of {@code network}; the future completes on a request thread. Throws at once when too
   * many checks are waiting.
   */
  public <T> CompletableFuture<T> run(String network, Supplier<T> work) {
    SharedBudget.Refusal refusal = waiting.take(network, 1);
    if (refusal == SharedBudget.Refusal.HOLDER_FULL) {
      throw AppException.rateLimited(
          "Too many passwords from your network are being checked right now. Try again in a few"
              + " seconds.",
          RETRY_AFTER_SECONDS);
    }
    if (refusal == SharedBudget.Refusal.ALL_FULL) {
      throw busy();
    }
    Check<T> check = new Check<>(network, work);
    try {
      threads.execute(check);
    } catch (RejectedExecutionException closed) {
      waiting.giveBack(network, 1);
      throw busy();
    }
    return check.result;
  }

  /** Checks waiting or running (for tests). */
  long waiting() {
    return waiting.held();
  }

  private static AppException busy() {
    return AppException.unavailable(
        "The server is checking too many passwords right now. Try again in a few seconds.",
        RETRY_AFTER_SECONDS);
  }

  private final class Check<T> implements Runnable {
    final CompletableFuture<T> result = new CompletableFuture<>();
    private final String network;
    private final Supplier<T> work;
    private final Map<String, String> logContext = MDC.getCopyOfContextMap(); // the request's ids

    Check(String network, Supplier<T> work) {
      this.network = network;
      this.work = work;
    }

    @Override
    public void run() {
      T value;
      try {
        value = work.get();
      } catch (Throwable failure) {
        Fatal.haltIfFatal(failure, Thread.currentThread().getName());
        finish(() -> result.completeExceptionally(failure));
        return;
      }
      finish(() -> result.complete(value));
    }

    /**
     * Gives the slot back and hands what follows the check to a request thread, with the request's
     * ids in its log lines.
     */
    void finish(Runnable completion) {
      waiting.giveBack(network, 1);
      Runnable inContext =
          () -> {
            MDC.setContextMap(logContext == null ? Map.of() : logContext);
            try {
              completion.run();
            } finally {
              MDC.clear();
            }
          };
      try {
        answers.execute(inContext);
      } catch (RejectedExecutionException stopping) {
        inContext.run();
      }
    }
  }

  /**
   * Stops taking checks; those still waiting are answered 503 rather than left hanging, and those
   * running finish (for at most 2 s). Called before the HTTP server stops, so the answers get out.
   */
  @Override
  public void close() {
    threads.shutdown();
    List<Runnable> dropped = threads.shutdownNow();
    for (Runnable task : dropped) {
      if (task instanceof Check<?> check) {
        check.finish(() -> check.result.completeExceptionally(busy()));
      }
    }
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
