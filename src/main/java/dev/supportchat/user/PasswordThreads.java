package dev.supportchat.user;

import dev.supportchat.error.AppException;
import dev.supportchat.worker.Fatal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * The threads that hash and check passwords, one per core, and the requests waiting for them.
 *
 * <p>Why: bcrypt costs tens of milliseconds of CPU per password, by design. Run on Jetty's request
 * threads, a burst of sign-ins (an office arriving at nine, every user of a host site after a
 * deploy) held a request thread each until its hash was done, and Jetty kept adding threads to go
 * on serving: 140 to 220 after the benchmark's 408 sign-ins. Under steady traffic every idle thread
 * gets a task now and then, so none was ever idle long enough to be retired, and their stacks
 * stayed for the life of the process (issue 20, memory). Here a route that hashes runs on one of
 * these threads instead: while it waits its request holds no thread, two cores are never shared
 * between more hashes than there are cores, and chat traffic keeps Jetty's threads to itself.
 *
 * <p>At most {@code maxWaiting} requests wait; past that the server answers 503 with {@code
 * Retry-After} at once rather than keep a growing crowd of connections open.
 */
public final class PasswordThreads implements AutoCloseable {
  /** What a client that found the queue full is told to wait, in seconds. */
  static final int RETRY_AFTER_SECONDS = 5;

  /**
   * A route's work. It may answer at once (and return {@code null}) or later, when the stage it
   * returns completes.
   */
  @FunctionalInterface
  public interface Work {
    CompletionStage<?> handle(Context ctx) throws Exception;
  }

  private final ThreadPoolExecutor threads;

  public PasswordThreads(int maxWaiting) {
    this(Runtime.getRuntime().availableProcessors(), maxWaiting);
  }

  PasswordThreads(int threadCount, int maxWaiting) {
    AtomicInteger count = new AtomicInteger();
    threads =
        new ThreadPoolExecutor(
            threadCount,
            threadCount,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(maxWaiting),
            task -> {
              Thread t = new Thread(task, "passwords-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** A handler that runs {@code work} on a password thread; the request waits without a thread. */
  public Handler route(Work work) {
    return ctx -> {
      CompletableFuture<Void> answered = new CompletableFuture<>();
      Map<String, String> logContext = MDC.getCopyOfContextMap(); // the request's ids
      try {
        threads.execute(
            () -> {
              MDC.setContextMap(logContext == null ? Map.of() : logContext);
              try {
                run(work, ctx, answered);
              } finally {
                MDC.clear();
              }
            });
      } catch (RejectedExecutionException full) {
        throw AppException.unavailable(
            "Too many sign-ins are being checked right now. Try again in a few seconds.",
            RETRY_AFTER_SECONDS);
      }
      ctx.future(() -> answered);
    };
  }

  /** Requests waiting for a password thread (for tests and metrics). */
  public int waiting() {
    return threads.getQueue().size();
  }

  private static void run(Work work, Context ctx, CompletableFuture<Void> answered) {
    try {
      CompletionStage<?> rest = work.handle(ctx);
      if (rest == null) {
        answered.complete(null);
        return;
      }
      rest.whenComplete(
          (ignored, failure) -> {
            if (failure == null) {
              answered.complete(null);
            } else {
              answered.completeExceptionally(failure);
            }
          });
    } catch (Throwable failure) {
      Fatal.haltIfFatal(failure, Thread.currentThread().getName());
      answered.completeExceptionally(failure);
    }
  }

  /** Lets the requests already running finish (for at most 2 s); the waiting ones are dropped. */
  @Override
  public void close() {
    threads.shutdownNow();
    try {
      threads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
