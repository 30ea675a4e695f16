package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy (the test connects from loopback, the default trusted proxy), a client cannot
 * escape the per-address sign-in limit by writing a new X-Forwarded-For with every request: only
 * the entry the proxy appended counts. (No storage involved: the limits live in memory.)
 */
class ClientAddressIT {

  private static Response failedLogin(TestApp t, String forwardedFor) {
    return t.http.send(
        "POST",
        "/api/v1/users/login",
        Map.of("email", "nobody@example.com", "password", "wrong-password"),
        null,
        Map.of("X-Forwarded-For", forwardedFor));
  }

  @Test
  void forgedLeftmostAddressesDoNotMakeNewClients() {
    try (TestApp t =
        TestApp.start(
            Engine.SQLITE,
            Map.of(
                "TRUST_PROXY", "true",
                "LOGIN_MAX_ATTEMPTS_PER_IP", "3",
                "LOGIN_MAX_ATTEMPTS_PER_EMAIL", "1000"))) {
      for (int i = 1; i <= 3; i++) {
        assertThat(failedLogin(t, "6.6.6." + i + ", 203.0.113.7").status()).isEqualTo(401);
      }
      // A fourth forged leftmost address: the same client as far as the proxy saw, so refused.
      Response refused = failedLogin(t, "6.6.6.99, 203.0.113.7");
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.errorCode()).isEqualTo("rate_limited");
      // Another client behind the same proxy is not affected.
      assertThat(failedLogin(t, "203.0.113.8").status()).isEqualTo(401);
    }
  }

  @Test
  void aHeaderFromAPeerThatIsNotATrustedProxyIsIgnored() {
    // Only 10.0.0.0/8 is trusted; the test's loopback connection is then the client itself.
    try (TestApp t =
        TestApp.start(
            Engine.SQLITE,
            Map.of(
                "TRUST_PROXY", "true",
                "TRUSTED_PROXIES", "10.0.0.0/8",
                "LOGIN_MAX_ATTEMPTS_PER_IP", "2",
                "LOGIN_MAX_ATTEMPTS_PER_EMAIL", "1000"))) {
      assertThat(failedLogin(t, "203.0.113.1").status()).isEqualTo(401);
      assertThat(failedLogin(t, "203.0.113.2").status()).isEqualTo(401);
      assertThat(failedLogin(t, "203.0.113.3").status()).isEqualTo(429);
    }
  }
}
