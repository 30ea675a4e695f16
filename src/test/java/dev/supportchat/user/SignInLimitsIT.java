package dev.supportchat.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HostSite;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The per-address limits with a realistic client and an abusive one: an office of 300 behind one
 * address all sign in within a minute, while wrong passwords and mass registration from one address
 * are refused with a clear 429, and other ways in stay open.
 */
class SignInLimitsIT {

  @Test
  void anOfficeBehindOneAddressSignsInWhileWrongPasswordsAreCapped() throws Exception {
    try (TestApp t =
        TestApp.start(Engine.SQLITE, Map.of("WIDGET_IDENTITY_SECRET", HostSite.SECRET))) {
      // 300 colleagues, stored directly so the test times the logins.
      Colleagues.insert(t, 300);
      Instant now = t.clock.instant();
      long started = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(4);
      List<Future<Integer>> logins = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        String email = Colleagues.email(i);
        logins.add(
            pool.submit(
                () ->
                    t.http
                        .post(
                            "/api/v1/users/login",
                            Map.of("email", email, "password", Colleagues.PASSWORD),
                            null)
                        .status()));
      }
      for (Future<Integer> login : logins) {
        assertThat(login.get()).isEqualTo(200);
      }
      pool.shutdown();
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      assertThat(seconds).as("300 logins from one address").isLessThan(60);

      // 30 wrong passwords (the default LOGIN_MAX_ATTEMPTS_PER_IP) spread over many accounts...
      for (int i = 0; i < 30; i++) {
        Response wrong =
            t.http.post(
                "/api/v1/users/login",
                Map.of("email", "staff" + i + "@office.example", "password", "wrong-password"),
                null);
        assertThat(wrong.status()).isEqualTo(401);
      }
      // ...and the 31st attempt from that address is refused, even with the right password.
      Response refused =
          t.http.post(
              "/api/v1/users/login",
              Map.of("email", "staff299@office.example", "password", "office-password-1"),
              null);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.errorCode()).isEqualTo("rate_limited");
      assertThat(refused.json().get("message").asText()).contains("failed");
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      // Signing in from that address with an identity token is a sign-in too: also refused.
      assertThat(
              t.http
                  .post(
                      "/api/v1/widget/identify",
                      Map.of("token", HostSite.token("u", null, null, now)),
                      null)
                  .status())
          .isEqualTo(429);
      // A visitor from the same address still gets in: starting a chat is not signing in.
      assertThat(t.http.post("/api/v1/widget/visitors", Map.of(), null).status()).isEqualTo(201);
    }
  }

  @Test
  void registrationsFromOneAddressAreCappedPerHour() {
    try (TestApp t = TestApp.start(Engine.SQLITE, Map.of("REGISTRATIONS_PER_IP_PER_HOUR", "3"))) {
      for (int i = 0; i < 3; i++) {
        assertThat(t.http.register("new" + i + "@example.com", "password-123", "N").status())
            .isEqualTo(201);
      }
      Response fourth = t.http.register("new3@example.com", "password-123", "N");
      assertThat(fourth.status()).isEqualTo(429);
      assertThat(fourth.json().get("message").asText()).contains("Too many accounts");
      // The existing accounts still log in.
      assertThat(t.http.login("new0@example.com", "password-123").accessToken()).isNotBlank();
      t.clock.advance(java.time.Duration.ofMinutes(61));
      assertThat(t.http.register("new3@example.com", "password-123", "N").status()).isEqualTo(201);
    }
  }

  @Test
  void anIpv6NetworkIsOneAddressForTheSignInLimits() {
    try (TestApp t =
        TestApp.start(
            Engine.SQLITE,
            Map.of(
                "TRUST_PROXY",
                "true",
                "LOGIN_MAX_ATTEMPTS_PER_IP",
                "3",
                "REGISTRATIONS_PER_IP_PER_HOUR",
                "2"))) {
      // One home or phone is given a whole /64: moving to another address of it changes nothing.
      for (String address : List.of("2001:db8:1:2::a", "2001:db8:1:2::b", "2001:db8:1:2::c")) {
        assertThat(LoginThrottlingIT.login(t, address, "wrong-password").status()).isEqualTo(401);
      }
      Response refused = LoginThrottlingIT.login(t, "2001:db8:1:2::d", TestApp.ADMIN_PASSWORD);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.errorCode()).isEqualTo("rate_limited");
      assertThat(LoginThrottlingIT.login(t, "2001:db8:1:3::1", TestApp.ADMIN_PASSWORD).status())
          .isEqualTo(200);

      assertThat(register(t, "2001:db8:9:9::1", "a@example.com").status()).isEqualTo(201);
      assertThat(register(t, "2001:db8:9:9::2", "b@example.com").status()).isEqualTo(201);
      assertThat(register(t, "2001:db8:9:9::3", "c@example.com").status()).isEqualTo(429);
      assertThat(register(t, "2001:db8:9:a::1", "c@example.com").status()).isEqualTo(201);
    }
  }

  private static Response register(TestApp t, String address, String email) {
    return t.http.send(
        "POST",
        "/api/v1/users/register",
        Map.of("email", email, "password", "password-123", "fullName", "N"),
        null,
        Map.of("X-Forwarded-For", address));
  }
}
