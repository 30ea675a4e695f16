package dev.supportchat.limit;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.JedisPooled;

/**
 * Makes the limiters that must hold across nodes: in Redis when {@code REDIS_URL} is set, in this
 * node's memory otherwise (one node, or a test).
 */
public final class Limits implements AutoCloseable {
  private final JedisPooled redis;
  private final String prefix;
  private final Clock clock;

  public Limits(Optional<String> redisUrl, String redisPrefix, Clock clock) {
    this.redis = redisUrl.map(url -> new JedisPooled(URI.create(url))).orElse(null);
    this.prefix = redisPrefix;
    this.clock = clock;
  }

  /** A limiter named {@code name} (its Redis key part), shared by the nodes when Redis is there. */
  public Limiter shared(String name, int maxAttempts, Duration window) {
    AttemptLimiter local = new AttemptLimiter(maxAttempts, window, clock);
    return redis == null
        ? local
        : new RedisLimiter(redis, prefix, name, maxAttempts, window, local);
  }

  @Override
  public void close() {
    if (redis != null) {
      redis.close();
    }
  }
}
