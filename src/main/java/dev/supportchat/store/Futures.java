package dev.supportchat.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for a {@link CompletableFuture} as if the work had run on the calling thread. */
public final class Futures {
  private Futures() {}

  /**
   * The future's result; what the work threw is rethrown as it was, not wrapped in a
   * CompletionException.
   */
  public static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      throw unwrap(e);
    }
  }

  /** What the work itself threw, without the CompletionException a dependent stage wraps it in. */
  public static RuntimeException unwrap(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof RuntimeException r ? r : new CompletionException(cause);
  }
}
