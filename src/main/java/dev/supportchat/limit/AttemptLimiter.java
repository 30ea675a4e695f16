package dev.supportchat.limit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key (an e-mail address, an IP, a socket) in fixed time windows and says when
 * a key has used up its allowance. Kept in this node's memory: behind a load balancer each node
 * counts on its own (docs/DEPLOYMENT.md).
 */
public final class AttemptLimiter implements Limiter {
  /**
   * Above this many keys, windows that have ended are swept out so the map cannot grow without
   * bound.
   */
  private static final int SWEEP_THRESHOLD = 10_000;

  private record Window(long startMs, int count) {}

  private final int maxAttempts;
  private final long windowMs;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  public AttemptLimiter(int maxAttempts, Duration window, Clock clock) {
    this.maxAttempts = maxAttempts;
    this.windowMs = window.toMillis();
    this.clock = clock;
  }

  /**
   * Counts one attempt if the key has any left; returns false (counting nothing) when it has none.
   */
  @Override
  public boolean tryAcquire(String key) {
    long now = clock.millis();
    boolean[] admitted = {false};
    windows.compute(
        key,
        (k, old) -> {
          if (old == null || now - old.startMs >= windowMs) {
            admitted[0] = true;
            return new Window(now, 1);
          }
          if (old.count < maxAttempts) {
            admitted[0] = true;
            return new Window(old.startMs, old.count + 1);
          }
          return old;
        });
    sweepIfLarge(now);
    return admitted[0];
  }

  /** True while the key has no attempts left in its current window (without counting one). */
  @Override
  public boolean isExhausted(String key) {
    Window w = windows.get(key);
    return w != null && clock.millis() - w.startMs < windowMs && w.count >= maxAttempts;
  }

  /** Counts an attempt that failed (used where only failures count, like wrong passwords). */
  @Override
  public void record(String key) {
    long now = clock.millis();
    windows.compute(
        key,
        (k, old) ->
            old == null || now - old.startMs >= windowMs
                ? new Window(now, 1)
                : new Window(old.startMs, old.count + 1));
    sweepIfLarge(now);
  }

  /**
   * Gives back one attempt counted in the key's current window (one that turned out not to count).
   */
  @Override
  public void release(String key) {
    long now = clock.millis();
    windows.computeIfPresent(
        key,
        (k, old) ->
            now - old.startMs < windowMs && old.count > 0
                ? new Window(old.startMs, old.count - 1)
                : old);
  }

  @Override
  public void reset(String key) {
    windows.remove(key);
  }

  @Override
  public int count(String key) {
    Window w = windows.get(key);
    return w == null || clock.millis() - w.startMs >= windowMs ? 0 : w.count;
  }

  /** Seconds until the key's window ends (at least 1). */
  @Override
  public long retryAfterSeconds(String key) {
    Window w = windows.get(key);
    if (w == null) {
      return 1;
    }
    long remaining = w.startMs + windowMs - clock.millis();
    return Math.max(1, (remaining + 999) / 1000);
  }

  private void sweepIfLarge(long now) {
    if (windows.size() > SWEEP_THRESHOLD) {
      windows.values().removeIf(w -> now - w.startMs >= windowMs);
    }
  }
}
