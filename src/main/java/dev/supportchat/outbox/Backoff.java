package dev.supportchat.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: the first retry after {@code first}, each next one twice
 * as late (at most {@link #MAX_STEP} apart), and none once {@code giveUpAfter} has passed since the
 * item was written. Pure, so the schedule is tested without waiting.
 */
public record Backoff(Duration first, Duration giveUpAfter) {
  /** No two attempts further apart than this, so a receiver back after a long outage is served. */
  public static final Duration MAX_STEP = Duration.ofHours(2);

  public Backoff {
    if (first.isNegative() || first.isZero() || giveUpAfter.isNegative()) {
      throw new IllegalArgumentException("backoff durations must be positive");
    }
  }

  /**
   * The time of the next attempt after {@code attempts} failed ones, or empty when the item is to
   * be given up.
   */
  public Optional<Instant> next(int attempts, Instant createdAt, Instant now) {
    Duration step = first;
    for (int i = 1; i < attempts && step.compareTo(MAX_STEP) < 0; i++) {
      step = step.multipliedBy(2);
    }
    if (step.compareTo(MAX_STEP) > 0) {
      step = MAX_STEP;
    }
    Instant at = now.plus(step);
    Instant deadline = createdAt.plus(giveUpAfter);
    if (!now.isBefore(deadline)) {
      return Optional.empty();
    }
    // The last attempt happens at the deadline rather than not at all.
    return Optional.of(at.isAfter(deadline) ? deadline : at);
  }
}
