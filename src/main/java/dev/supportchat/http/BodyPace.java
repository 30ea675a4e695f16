package dev.supportchat.http;

import java.time.Duration;

/**
 * The slowest a request body may arrive: at least {@code minBytesPerSecond} on average over each
 * {@code window} of its arrival, judged when a window is over. A window as long as the idle timeout
 * lets a phone ride out a few seconds without signal (a lift, a tunnel) and TCP's slow start;
 * judging each window, not the average since the start, keeps a client from sending most of a body
 * at once and holding the rest back for hours.
 *
 * @param minBytesPerSecond the rate a body must keep (1,024: a weak 2G link sends 3–10 KB a second)
 * @param window how long each stretch is that the rate is judged over
 */
record BodyPace(long minBytesPerSecond, Duration window) {
  /** The window the server judges bodies over: Jetty's idle timeout. */
  static final Duration WINDOW = Duration.ofSeconds(30);

  BodyPace {
    if (minBytesPerSecond < 1 || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a body's pace must be positive");
    }
  }

  /** Whether a window is over {@code elapsedNanos} after it started. */
  boolean windowOver(long elapsedNanos) {
    return elapsedNanos >= window.toNanos();
  }

  /**
   * Whether {@code received} bytes in a window that lasted {@code elapsedNanos} are too few (false
   * while the window is not over).
   */
  boolean tooSlow(long received, long elapsedNanos) {
    if (!windowOver(elapsedNanos)) {
      return false;
    }
    // received / seconds < min, without dividing
    return received * 1_000_000_000.0 < (double) minBytesPerSecond * elapsedNanos;
  }
}
