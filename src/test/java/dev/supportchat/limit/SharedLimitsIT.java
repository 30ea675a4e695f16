package dev.supportchat.limit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.MutableClock;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Per-address limits hold across nodes: two servers sharing one PostgreSQL and one Redis count
 * registrations and failed logins together; with Redis gone a node still limits on its own.
 */
class SharedLimitsIT {

  @Test
  void twoNodesCountRegistrationsAndFailedLoginsTogether() {
    Map<String, String> settings =
        Map.of(
            "REDIS_URL", "redis://127.0.0.1:6379",
            "REDIS_PREFIX", "limits-" + UUID.randomUUID(),
            "REGISTRATIONS_PER_IP_PER_HOUR", "3",
            "LOGIN_MAX_ATTEMPTS_PER_IP", "4");
    try (TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES);
        TestApp a = TestApp.start(db, new MutableClock(), settings, false);
        TestApp b = TestApp.start(db, new MutableClock(), settings, false)) {
      assertThat(a.http.register("r1@example.com", "password-123", "R").status()).isEqualTo(201);
      assertThat(a.http.register("r2@example.com", "password-123", "R").status()).isEqualTo(201);
      assertThat(b.http.register("r3@example.com", "password-123", "R").status()).isEqualTo(201);
      assertThat(b.http.register("r4@example.com", "password-123", "R").status()).isEqualTo(429);
      assertThat(a.http.register("r5@example.com", "password-123", "R").status()).isEqualTo(429);

      for (TestApp node : new TestApp[] {a, b, a, b}) {
        assertThat(
                node.http
                    .post(
                        "/api/v1/users/login",
                        Map.of("email", "r1@example.com", "password", "wrong-password"),
                        null)
                    .status())
            .isIn(401, 429);
      }
      assertThat(
              a.http
                  .post(
                      "/api/v1/users/login",
                      Map.of("email", "r2@example.com", "password", "password-123"),
                      null)
                  .status())
          .isEqualTo(429);
    }
  }

  @Test
  void withRedisUnreachableANodeStillLimitsOnItsOwn() {
    Limits limits =
        new Limits(java.util.Optional.of("redis://127.0.0.1:1"), "unreachable", Clock.systemUTC());
    try (limits) {
      Limiter limiter = limits.shared("test", 2, Duration.ofMinutes(1));
      assertThat(limiter.tryAcquire("k")).isTrue();
      assertThat(limiter.tryAcquire("k")).isTrue();
      assertThat(limiter.tryAcquire("k")).isFalse();
      assertThat(limiter.retryAfterSeconds("k")).isBetween(1L, 60L);
      assertThat(limiter.tryAcquire("other")).isTrue();
    }
  }
}
