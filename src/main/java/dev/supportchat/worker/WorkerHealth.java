package dev.supportchat.worker;

import java.util.Optional;

/**
 * A long-lived thread that {@code /health} watches: whether it runs and gets through the work
 * queued for it.
 */
public interface WorkerHealth {
  String name();

  /**
   * Why this worker is unhealthy now (not running, or work queued and no progress for {@code
   * stallMillis}), if so.
   */
  Optional<String> problem(long stallMillis);

  /** Items waiting for this worker now (for metrics). */
  default int queued() {
    return 0;
  }

  /** Reports each batch this worker handles from now on to {@code observer} (for metrics). */
  default void observeBatches(BatchObserver observer) {}
}
