package dev.supportchat.user;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The account endpoints over real HTTP against the real server, on SQLite and on PostgreSQL. */
class AccountRoutesIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void registerLoginMeRefreshLogout(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Response reg = t.http.register("Ann@Example.com", "password-123", "Ann Lee");
      assertThat(reg.status()).isEqualTo(201);
      assertThat(reg.json().get("success").asBoolean()).isTrue();
      assertThat(reg.data().get("email").asText()).isEqualTo("ann@example.com");
      assertThat(reg.data().has("_id")).isTrue();
      assertThat(reg.raw()).doesNotContain("password");

      Response login =
          t.http.post(
              "/api/v1/users/login",
              Map.of("email", "ANN@example.com", "password", "password-123"),
              null);
      assertThat(login.status()).isEqualTo(200);
      assertThat(login.headers().allValues("Set-Cookie"))
          .anySatisfy(
              c -> assertThat(c).startsWith("accessToken=").containsIgnoringCase("HttpOnly"))
          .anySatisfy(
              c -> assertThat(c).startsWith("refreshToken=").containsIgnoringCase("HttpOnly"));
      String access = login.data().get("accessToken").asText();
      String refresh = login.data().get("refreshToken").asText();

      Response me = t.http.get("/api/v1/users/me", access);
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.data().get("fullName").asText()).isEqualTo("Ann Lee");
      assertThat(me.data().get("isAdmin").asBoolean()).isFalse();

      Response viaCookie =
          t.http.send(
              "GET", "/api/v1/users/me", null, null, Map.of("Cookie", "accessToken=" + access));
      assertThat(viaCookie.status()).isEqualTo(200);

      Response refreshed =
          t.http.post("/api/v1/users/refresh-token", Map.of("refreshToken", refresh), null);
      assertThat(refreshed.status()).isEqualTo(200);
      String refresh2 = refreshed.data().get("refreshToken").asText();
      assertThat(refresh2).isNotEqualTo(refresh);
      assertThat(
              t.http.get("/api/v1/users/me", refreshed.data().get("accessToken").asText()).status())
          .isEqualTo(200);

      Response logout =
          t.http.post("/api/v1/users/logout", Map.of("refreshToken", refresh2), access);
      assertThat(logout.status()).isEqualTo(200);
      Response afterLogout =
          t.http.post("/api/v1/users/refresh-token", Map.of("refreshToken", refresh2), null);
      assertThat(afterLogout.status()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void reusingARotatedRefreshTokenRevokesTheWholeSession(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      Response first =
          t.http.post(
              "/api/v1/users/refresh-token", Map.of("refreshToken", ann.refreshToken()), null);
      String current = first.data().get("refreshToken").asText();

      Response reuse =
          t.http.post(
              "/api/v1/users/refresh-token", Map.of("refreshToken", ann.refreshToken()), null);
      assertThat(reuse.status()).isEqualTo(401);
      assertThat(reuse.errorCode()).isEqualTo("unauthorized");

      Response stolenFamily =
          t.http.post("/api/v1/users/refresh-token", Map.of("refreshToken", current), null);
      assertThat(stolenFamily.status())
          .as("the newest token of a reused family is dead too")
          .isEqualTo(401);

      Login again = t.http.login("ann@example.com", "password-123");
      assertThat(
              t.http
                  .post(
                      "/api/v1/users/refresh-token",
                      Map.of("refreshToken", again.refreshToken()),
                      null)
                  .status())
          .as("another login is a separate session")
          .isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyErrorIsTheEnvelopeWithTheRightStatus(Engine engine) {
    try (TestApp t = TestApp.start(engine, Map.of("MAX_REQUEST_BYTES", "2048"))) {
      Login ann = t.http.newUser("ann@example.com");

      assertError(t.http.post("/api/v1/users/login", "{\"email\": ", null), 400, "invalid");
      assertError(t.http.post("/api/v1/users/register", "[1,2]", null), 400, "invalid");
      Response badEmail = t.http.register("not-an-email", "password-123", "X");
      assertError(badEmail, 400, "invalid");
      assertThat(badEmail.json().path("errors").path(0).path("field").asText()).isEqualTo("email");
      assertError(t.http.register("bob@example.com", "short", "Bob"), 400, "invalid");
      assertError(
          t.http.post(
              "/api/v1/users/register", Map.of("email", 42, "password", "password-123"), null),
          400,
          "invalid");

      assertError(t.http.get("/api/v1/users/me", null), 401, "unauthorized");
      assertError(t.http.get("/api/v1/users/me", "garbage"), 401, "unauthorized");
      assertError(
          t.http.get("/api/v1/users/me", unsignedCopyOf(ann.accessToken())), 401, "unauthorized");

      assertError(t.http.get("/api/v1/users/admins", ann.accessToken()), 403, "forbidden");
      assertError(t.http.get("/api/v1/nothing-here", null), 404, "not_found");
      assertError(t.http.register("ANN@example.com", "password-123", "Ann again"), 409, "conflict");
      assertError(
          t.http.post("/api/v1/users/register", "{\"email\":\"" + "x".repeat(5000) + "\"}", null),
          413,
          "too_large");

      t.clock.advance(Duration.ofMinutes(16));
      Response expired = t.http.get("/api/v1/users/me", ann.accessToken());
      assertError(expired, 401, "unauthorized");
      assertThat(expired.json().get("message").asText()).contains("expired");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void loginIsRateLimitedPerAddressAndPerIp(Engine engine) {
    try (TestApp t =
        TestApp.start(
            engine,
            Map.of("LOGIN_MAX_ATTEMPTS_PER_EMAIL", "3", "LOGIN_MAX_ATTEMPTS_PER_IP", "8"))) {
      t.http.register("ann@example.com", "password-123", "Ann");
      for (int i = 0; i < 3; i++) {
        assertError(
            t.http.post(
                "/api/v1/users/login",
                Map.of("email", "ann@example.com", "password", "wrong-pass"),
                null),
            401,
            "unauthorized");
      }
      Response limited =
          t.http.post(
              "/api/v1/users/login",
              Map.of("email", "ann@example.com", "password", "password-123"),
              null);
      assertError(limited, 429, "rate_limited");
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();

      // other addresses still get their own allowance until the IP's allowance runs out
      assertThat(
              t.http
                  .post(
                      "/api/v1/users/login",
                      Map.of("email", "x1@example.com", "password", "nope-nope"),
                      null)
                  .status())
          .isEqualTo(401);
      // Only failures count against the address (issue 15): 3 for ann, x1, and these 4 make 8.
      for (int i = 0; i < 4; i++) {
        t.http.post(
            "/api/v1/users/login",
            Map.of("email", "y" + i + "@example.com", "password", "nope-nope"),
            null);
      }
      assertError(
          t.http.post(
              "/api/v1/users/login",
              Map.of("email", "z@example.com", "password", "nope-nope"),
              null),
          429,
          "rate_limited");

      t.clock.advance(Duration.ofMinutes(16));
      assertThat(
              t.http
                  .post(
                      "/api/v1/users/login",
                      Map.of("email", "ann@example.com", "password", "password-123"),
                      null)
                  .status())
          .as("the window passed")
          .isEqualTo(200);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void adminsCanListAdmins(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login admin = t.http.admin();
      assertThat(admin.isAdmin()).isTrue();
      Response admins = t.http.get("/api/v1/users/admins", admin.accessToken());
      assertThat(admins.status()).isEqualTo(200);
      assertThat(admins.data())
          .extracting(a -> a.get("email").asText())
          .containsExactly(TestApp.ADMIN_EMAIL);
    }
  }

  /** The same claims with {@code alg: none} and no signature: must be refused. */
  private static String unsignedCopyOf(String jwt) {
    String[] parts = jwt.split("\\.");
    String header =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    return header + "." + parts[1] + ".";
  }
}
