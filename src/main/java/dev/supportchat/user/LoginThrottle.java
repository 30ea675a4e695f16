package dev.supportchat.user;

import java.time.Duration;

/**
 * How long the answer to a login attempt for an account waits, given the failed attempts on that
 * account (from every address) in the current window: nothing for the first few, then doubling from
 * a quarter of a second up to {@code LOGIN_MAX_DELAY}. The right password is answered after the
 * same wait, never refused: an attacker can slow the owner down by a few seconds, not lock them
 * out. Refusals are per (account, address) and per address, elsewhere.
 */
public final class LoginThrottle {
  /** Failures on an account before its logins are slowed at all (a typo or two costs nothing). */
  static final int FREE_FAILURES = 3;

  static final Duration FIRST_DELAY = Duration.ofMillis(250);

  private final Duration maxDelay;

  public LoginThrottle(Duration maxDelay) {
    this.maxDelay = maxDelay;
  }

  public Duration delayAfter(int recentFailures) {
    if (recentFailures < FREE_FAILURES) {
      return Duration.ZERO;
    }
    int doublings = Math.min(30, recentFailures - FREE_FAILURES);
    long millis = FIRST_DELAY.toMillis() << doublings;
    return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
  }
}
