package dev.supportchat.user;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An attacker who knows an admin's email cannot lock the admin out (issue 13, part 3): wrong
 * passwords are refused per (account, address), and from many addresses they only slow the
 * account's answers down, a few seconds at most; the owner's right password still signs in.
 * Addresses are simulated through a trusted proxy's X-Forwarded-For. Counted in memory and in Redis
 * (several nodes).
 */
class LoginThrottlingIT {

  /** Logs the bootstrap admin in from {@code address}, as a trusted proxy forwards it. */
  static Response login(TestApp t, String address, String password) {
    return t.http.send(
        "POST",
        "/api/v1/users/login",
        Map.of("email", TestApp.ADMIN_EMAIL, "password", password),
        null,
        Map.of("X-Forwarded-For", address));
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theOwnerSurvivesAFloodOfWrongPasswordsFromManyAddresses(boolean redis) {
    Map<String, String> env = new HashMap<>();
    env.put("TRUST_PROXY", "true");
    env.put("LOGIN_MAX_ATTEMPTS_PER_EMAIL", "3");
    env.put("LOGIN_MAX_ATTEMPTS_PER_IP", "1000");
    env.put("LOGIN_MAX_DELAY", "2s");
    if (redis) {
      env.put("REDIS_URL", "redis://127.0.0.1:6379");
      env.put("REDIS_PREFIX", "throttle-it-" + UUID.randomUUID());
    }
    try (TestApp t = TestApp.start(Engine.SQLITE, env)) {
      // One address: three wrong passwords, then that address is refused for this account.
      for (int i = 0; i < 3; i++) {
        assertThat(login(t, "198.51.100.1", "wrong-" + i).status()).isEqualTo(401);
      }
      Response refused = login(t, "198.51.100.1", TestApp.ADMIN_PASSWORD);
      assertError(refused, 429, "rate_limited", "from this address");
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();

      // Many addresses: each gets its few attempts, and the answers slow down, up to the cap.
      long slowest = 0;
      for (int i = 2; i < 12; i++) {
        long start = System.nanoTime();
        assertThat(login(t, "198.51.100." + i, "wrong-password").status()).isEqualTo(401);
        slowest = Math.max(slowest, (System.nanoTime() - start) / 1_000_000);
      }
      assertThat(slowest).isBetween(1_900L, 3_500L);

      // The owner, from their own address, with the right password: signed in, a few seconds late.
      long start = System.nanoTime();
      Response owner = login(t, "203.0.113.50", TestApp.ADMIN_PASSWORD);
      long ownerMs = (System.nanoTime() - start) / 1_000_000;
      assertThat(owner.status()).isEqualTo(200);
      assertThat(owner.data().path("user").path("isAdmin").asBoolean()).isTrue();
      assertThat(ownerMs).isLessThan(3_500L);
      System.out.printf(
          "LOGIN THROTTLING (%s): slowest wrong answer %d ms, owner signed in after %d ms%n",
          redis ? "redis" : "memory", slowest, ownerMs);

      // The success clears the account's delay: the next login is not held back (held, it would
      // wait the full 2 s; under a loaded machine bcrypt alone can take a second).
      start = System.nanoTime();
      assertThat(login(t, "203.0.113.50", TestApp.ADMIN_PASSWORD).status()).isEqualTo(200);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1_500L);
    }
  }
}
