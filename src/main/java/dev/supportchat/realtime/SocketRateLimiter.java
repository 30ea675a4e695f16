package dev.supportchat.realtime;

import java.util.concurrent.TimeUnit;

/** A token bucket for one socket: {@code perSecond} events a second on average, bursts up to twice that. */
final class SocketRateLimiter {
  private final double perNano;
  private final double capacity;
  private double tokens;
  private long last = System.nanoTime();

  SocketRateLimiter(int perSecond) {
    this.perNano = perSecond / (double) TimeUnit.SECONDS.toNanos(1);
    this.capacity = perSecond * 2.0;
    this.tokens = capacity;
  }

  synchronized boolean tryAcquire() {
    long now = System.nanoTime();
    tokens = Math.min(capacity, tokens + (now - last) * perNano);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
