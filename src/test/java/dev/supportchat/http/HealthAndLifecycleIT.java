package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.App;
import dev.supportchat.config.ConfigLoader;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.MutableClock;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Health for load balancers, restarts that keep accounts and sessions, and start-up failures in one
 * sentence.
 */
class HealthAndLifecycleIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void healthIsOkWhileTheDatabaseAnswers(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Response health = t.http.get("/health", null);
      assertThat(health.status()).isEqualTo(200);
      assertThat(health.data().get("database").asText()).isEqualTo("up");
      assertThat(health.headers().firstValue("X-Request-Id")).isPresent();
    }
  }

  @Test
  void healthIs503WhenPostgresIsGone() {
    try (TestApp t = TestApp.start(Engine.POSTGRES)) {
      TestDatabases.execAsAdmin("DROP DATABASE " + t.database.pgName() + " WITH (FORCE)");
      Response health = t.http.get("/health", null);
      assertThat(health.status()).isEqualTo(503);
      assertThat(health.json().get("success").asBoolean()).isFalse();
      Response login =
          t.http.post(
              "/api/v1/users/login", Map.of("email", "a@b.co", "password", "whatever1"), null);
      assertThat(login.status())
          .as("a request that needs the database fails fast, with the envelope")
          .isIn(500, 503);
      assertThat(login.json().get("success").asBoolean()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void restartKeepsUsersAndSessions(Engine engine) {
    try (TestDatabases.Fresh db = TestDatabases.create(engine)) {
      MutableClock clock = new MutableClock();
      Login ann;
      try (TestApp first = TestApp.start(db, clock, Map.of(), false)) {
        ann = first.http.newUser("ann@example.com");
      }
      try (TestApp second = TestApp.start(db, clock, Map.of(), false)) {
        assertThat(second.http.get("/api/v1/users/me", ann.accessToken()).status()).isEqualTo(200);
        Response refreshed =
            second.http.post(
                "/api/v1/users/refresh-token", Map.of("refreshToken", ann.refreshToken()), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(second.http.login("ann@example.com", "password-123").userId())
            .isEqualTo(ann.userId());
      }
    }
  }

  @Test
  void aTakenPortStopsStartUpWithOneSentence() {
    try (TestApp running = TestApp.start(Engine.SQLITE)) {
      Map<String, String> env = new HashMap<>();
      env.put("PORT", String.valueOf(running.app.port()));
      env.put("DATA_DIR", running.dataDir.toString());
      env.put("DATABASE_URL", running.database.url());
      assertThatThrownBy(() -> App.start(ConfigLoader.load(env), new MutableClock()))
          .isInstanceOf(WebServer.PortInUseException.class)
          .hasMessage(
              "Port "
                  + running.app.port()
                  + " is already in use; stop the other process or set PORT to a free port.");
    }
  }

  @Test
  void anUnreachablePostgresStopsStartUpWithOneSentence() {
    Map<String, String> env =
        Map.of(
            "PORT",
            "0",
            "DATABASE_URL",
            "postgres://nobody:secret@127.0.0.1:1/nothing",
            "DATA_DIR",
            System.getProperty("java.io.tmpdir") + "/sc-unreachable");
    assertThatThrownBy(() -> App.start(ConfigLoader.load(env), new MutableClock()))
        .hasMessageStartingWith(
            "Cannot connect to the database (PostgreSQL jdbc:postgresql://127.0.0.1:1/nothing)")
        .hasMessageNotContaining("secret");
  }
}
