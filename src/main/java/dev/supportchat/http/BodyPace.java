package dev.supportchat.http;

import java.time.Duration;

/**
 * The slowest a request body may arrive: on average at least {@code minBytesPerSecond} once {@code
 * grace} has passed since its first byte was awaited. The grace lets a phone start an upload on a
 * bad network (TCP's slow start, a radio waking up) without being judged on its first seconds.
 *
 * @param minBytesPerSecond the average rate a body must keep (1,024: a weak 2G link sends 3–10 KB a
 *     second)
 * @param grace how long a body may take before its rate is judged
 */
record BodyPace(long minBytesPerSecond, Duration grace) {
  /** The grace the server gives every body. */
  static final Duration GRACE = Duration.ofSeconds(10);

  BodyPace {
    if (minBytesPerSecond < 1 || grace.isNegative()) {
      throw new IllegalArgumentException("a body's pace must be positive");
    }
  }

  /** Whether a body of which {@code received} bytes came in {@code elapsedNanos} is too slow. */
  boolean tooSlow(long received, long elapsedNanos) {
    if (elapsedNanos <= grace.toNanos()) {
      return false;
    }
    // received / seconds < min, without dividing: received * 1e9 < min * nanos (no overflow for
    // bodies under 9 GB and runs under 292 years)
    return received * 1_000_000_000.0 < (double) minBytesPerSecond * elapsedNanos;
  }
}
