package dev.supportchat.limit;

/**
 * Counts attempts per key (an email, a client address) in fixed windows that start with a key's
 * first attempt, and says when a key has used its allowance. {@link AttemptLimiter} counts in this
 * node's memory; {@link RedisLimiter} counts for every node sharing a Redis.
 */
public interface Limiter {
  /** Counts one attempt if the key has any left; false (counting nothing) when it has none. */
  boolean tryAcquire(String key);

  /** True while the key has no attempts left in its current window (counting nothing). */
  boolean isExhausted(String key);

  /** Counts an attempt that failed (where only failures count). */
  void record(String key);

  /** Gives back one attempt counted in the key's current window. */
  void release(String key);

  void reset(String key);

  /** Attempts counted for the key in its current window (0 when it has none). */
  int count(String key);

  /** Seconds until the key's window ends (at least 1). */
  long retryAfterSeconds(String key);
}
