package dev.supportchat.realtime;

import java.util.concurrent.TimeUnit;

/**
 * Token buckets for sockets: {@code perSecond} events a second on average, bursts up to twice that.
 * The rate is shared; each socket carries its own {@link Bucket} (a connected socket is one object,
 * see {@link ClientSocket}).
 */
final class SocketRateLimiter {
  private final double perNano;
  private final double capacity;

  SocketRateLimiter(int perSecond) {
    this(perSecond, perSecond * 2);
  }

  /** {@code perSecond} on average, up to {@code burst} at once. */
  SocketRateLimiter(int perSecond, int burst) {
    this.perNano = perSecond / (double) TimeUnit.SECONDS.toNanos(1);
    this.capacity = Math.max(1, burst);
  }

  /** One socket's bucket; it starts full. */
  static class Bucket {
    private double tokens = Double.NaN;
    private long last;
  }

  boolean tryAcquire(Bucket bucket) {
    synchronized (bucket) {
      long now = System.nanoTime();
      bucket.tokens =
          Double.isNaN(bucket.tokens)
              ? capacity
              : Math.min(capacity, bucket.tokens + (now - bucket.last) * perNano);
      bucket.last = now;
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
