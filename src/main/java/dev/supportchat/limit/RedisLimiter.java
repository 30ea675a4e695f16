package dev.supportchat.limit;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

/**
 * A {@link Limiter} whose windows live in Redis, so that every node sharing it counts together (an
 * attacker cannot multiply an allowance by the number of nodes). Each key is one Redis counter that
 * expires with its window. If Redis cannot be reached the node falls back to counting in its own
 * memory, says so once, and returns to Redis when it answers again: a Redis outage must not lock
 * everyone out, nor lift the limits.
 */
public final class RedisLimiter implements Limiter {
  private static final Logger log = LoggerFactory.getLogger(RedisLimiter.class);

  /** Counts one attempt unless the allowance is used; -1 when refused. */
  private static final String ACQUIRE =
      "local c = tonumber(redis.call('GET', KEYS[1]) or '0')"
          + " if c >= tonumber(ARGV[1]) then return -1 end"
          + " c = redis.call('INCR', KEYS[1])"
          + " if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end"
          + " return c";

  private static final String RECORD =
      "local c = redis.call('INCR', KEYS[1])"
          + " if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end"
          + " return c";

  private static final String RELEASE =
      "local c = tonumber(redis.call('GET', KEYS[1]) or '0')"
          + " if c > 0 then return redis.call('DECR', KEYS[1]) end return 0";

  private final JedisPooled redis;
  private final String prefix;
  private final int maxAttempts;
  private final long windowMs;
  private final AttemptLimiter fallback;
  private volatile boolean degraded;

  /**
   * @param name what is limited (part of the Redis key), e.g. "login-ip"
   * @param fallback counts in this node's memory while Redis is unreachable
   */
  public RedisLimiter(
      JedisPooled redis,
      String redisPrefix,
      String name,
      int maxAttempts,
      Duration window,
      AttemptLimiter fallback) {
    this.redis = redis;
    this.prefix = redisPrefix + ":limit:" + name + ":";
    this.maxAttempts = maxAttempts;
    this.windowMs = window.toMillis();
    this.fallback = fallback;
  }

  @Override
  public boolean tryAcquire(String key) {
    try {
      Object r =
          redis.eval(
              ACQUIRE,
              List.of(prefix + key),
              List.of(String.valueOf(maxAttempts), String.valueOf(windowMs)));
      up();
      return !(r instanceof Long n && n < 0);
    } catch (RuntimeException e) {
      down(e);
      return fallback.tryAcquire(key);
    }
  }

  @Override
  public boolean isExhausted(String key) {
    try {
      String c = redis.get(prefix + key);
      up();
      return c != null && Long.parseLong(c) >= maxAttempts;
    } catch (RuntimeException e) {
      down(e);
      return fallback.isExhausted(key);
    }
  }

  @Override
  public void record(String key) {
    try {
      redis.eval(RECORD, List.of(prefix + key), List.of(String.valueOf(windowMs)));
      up();
    } catch (RuntimeException e) {
      down(e);
      fallback.record(key);
    }
  }

  @Override
  public void release(String key) {
    try {
      redis.eval(RELEASE, List.of(prefix + key), List.of());
      up();
    } catch (RuntimeException e) {
      down(e);
      fallback.release(key);
    }
  }

  @Override
  public void reset(String key) {
    try {
      redis.del(prefix + key);
      up();
    } catch (RuntimeException e) {
      down(e);
    }
    fallback.reset(key);
  }

  @Override
  public int count(String key) {
    try {
      String c = redis.get(prefix + key);
      up();
      return c == null ? 0 : (int) Math.min(Integer.MAX_VALUE, Long.parseLong(c));
    } catch (RuntimeException e) {
      down(e);
      return fallback.count(key);
    }
  }

  @Override
  public long retryAfterSeconds(String key) {
    try {
      long ms = redis.pttl(prefix + key);
      up();
      return Math.max(1, (ms + 999) / 1000);
    } catch (RuntimeException e) {
      down(e);
      return fallback.retryAfterSeconds(key);
    }
  }

  private void down(RuntimeException e) {
    if (!degraded) {
      degraded = true;
      log.warn(
          "Redis is unreachable for the {} limit ({}); counting on this node only until it is back",
          prefix,
          e.getMessage());
    }
  }

  private void up() {
    if (degraded) {
      degraded = false;
      log.info("Redis is back for the {} limit; counting across nodes again", prefix);
    }
  }
}
