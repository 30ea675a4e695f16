package dev.supportchat.user;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sessions end when they should (issue 13, part 2): logout and password change refuse the session's
 * access tokens at once and disconnect its sockets within a second, on every node; a socket lives
 * only as long as its access token unless it re-authenticates; tokens without {@code exp} and
 * tokens of deleted users are refused (401, never 500), sockets too. Real server, real official
 * socket.io-client, both engines.
 */
class SessionEndIT {
  private static final Duration WITHIN_A_SECOND = Duration.ofMillis(1_000);

  /** A socket of the official client, watched from the test (node-tests/session-client.mjs). */
  private static final class Socket implements AutoCloseable {
    final NodeScript.Running script;
    final JsonNode first;

    Socket(TestApp t, String token) throws Exception {
      script = NodeScript.start("session-client.mjs", t.baseUrl(), token);
      first = script.nextLine(Duration.ofSeconds(10));
    }

    boolean connected() {
      return first.path("connected").asBoolean();
    }

    /**
     * Milliseconds from {@code sinceEpochMs} (when the session ended: the answer of the request
     * that ended it, or the clock's move) until the client saw the server drop it; negative when it
     * was dropped before the answer arrived. Fails if it is not dropped within 3 s.
     */
    long awaitDisconnect(long sinceEpochMs) throws Exception {
      JsonNode line = script.nextLine(Duration.ofSeconds(3));
      assertThat(line.path("disconnected").asText()).isEqualTo("io server disconnect");
      return line.path("at").asLong() - sinceEpochMs;
    }

    JsonNode emit(String event, Map<String, Object> payload) throws Exception {
      script.send(
          dev.supportchat.testing.HttpTestClient.JSON.writeValueAsString(
              Map.of("emit", event, "payload", payload)));
      return script.nextLine(Duration.ofSeconds(5));
    }

    boolean stillConnected() throws Exception {
      script.send("{\"state\":true}");
      return script.nextLine(Duration.ofSeconds(5)).path("connected").asBoolean();
    }

    @Override
    public void close() throws Exception {
      if (connected()) {
        script.finish();
      } else {
        script.kill(); // a refused client has already ended
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void logoutEndsThatSessionEverywhereAndOnlyThatOne(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      Login phone = t.http.newUser("ann@example.com");
      Login laptop = t.http.login("ann@example.com", "password-123");
      try (Socket phoneSocket = new Socket(t, phone.accessToken());
          Socket laptopSocket = new Socket(t, laptop.accessToken())) {
        assertThat(phoneSocket.connected()).isTrue();
        Response out =
            t.http.post(
                "/api/v1/users/logout",
                Map.of("refreshToken", phone.refreshToken()),
                phone.accessToken());
        long start = System.currentTimeMillis();
        assertThat(out.status()).isEqualTo(200);
        assertThat(phoneSocket.awaitDisconnect(start)).isLessThan(WITHIN_A_SECOND.toMillis());
        assertError(
            t.http.get("/api/v1/users/me", phone.accessToken()), 401, "unauthorized", "ended");
        assertThat(
                t.http
                    .post(
                        "/api/v1/users/refresh-token",
                        Map.of("refreshToken", phone.refreshToken()),
                        null)
                    .status())
            .isEqualTo(401);
        // A new socket with the ended session's token is refused too.
        try (Socket again = new Socket(t, phone.accessToken())) {
          assertThat(again.first.path("connectError").asText()).isEqualTo("unauthorized");
        }
        // The other session of the same user is untouched.
        assertThat(t.http.get("/api/v1/users/me", laptop.accessToken()).status()).isEqualTo(200);
        assertThat(laptopSocket.stillConnected()).isTrue();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void changingThePasswordEndsEverySessionOfTheAccountAndNoOneElses(Engine engine)
      throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      Login one = t.http.newUser("ann@example.com");
      Login two = t.http.login("ann@example.com", "password-123");
      Login bob = t.http.newUser("bob@example.com");
      try (Socket oneSocket = new Socket(t, one.accessToken());
          Socket twoSocket = new Socket(t, two.accessToken());
          Socket bobSocket = new Socket(t, bob.accessToken())) {
        assertError(
            t.http.post(
                "/api/v1/users/change-password",
                Map.of("currentPassword", "wrong-password", "newPassword", "new-password-456"),
                one.accessToken()),
            401,
            "unauthorized",
            "current password");
        assertThat(oneSocket.stillConnected()).isTrue();
        assertError(
            t.http.post(
                "/api/v1/users/change-password",
                Map.of("currentPassword", "password-123", "newPassword", "short"),
                one.accessToken()),
            400,
            "invalid",
            "at least 8");

        Response changed =
            t.http.post(
                "/api/v1/users/change-password",
                Map.of("currentPassword", "password-123", "newPassword", "new-password-456"),
                one.accessToken());
        long start = System.currentTimeMillis();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(oneSocket.awaitDisconnect(start)).isLessThan(WITHIN_A_SECOND.toMillis());
        assertThat(twoSocket.awaitDisconnect(start)).isLessThan(WITHIN_A_SECOND.toMillis());
        for (Login ended : new Login[] {one, two}) {
          assertThat(t.http.get("/api/v1/users/me", ended.accessToken()).status()).isEqualTo(401);
          assertThat(
                  t.http
                      .post(
                          "/api/v1/users/refresh-token",
                          Map.of("refreshToken", ended.refreshToken()),
                          null)
                      .status())
              .isEqualTo(401);
        }
        // The caller goes on with the session it was given; the old password is gone.
        String fresh = changed.data().get("accessToken").asText();
        assertThat(t.http.get("/api/v1/users/me", fresh).status()).isEqualTo(200);
        assertThat(
                t.http
                    .post(
                        "/api/v1/users/login",
                        Map.of("email", "ann@example.com", "password", "password-123"),
                        null)
                    .status())
            .isEqualTo(401);
        t.http.login("ann@example.com", "new-password-456");
        // Someone else's session is not touched.
        assertThat(bobSocket.stillConnected()).isTrue();
        assertThat(t.http.get("/api/v1/users/me", bob.accessToken()).status()).isEqualTo(200);
      }
    }
  }

  /**
   * Two nodes on one PostgreSQL database, no Redis: a logout on one drops the socket on the other.
   */
  @Test
  void aSessionEndedOnOneNodeEndsOnTheOtherWithinASecond() throws Exception {
    TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES);
    var clock = new dev.supportchat.testing.MutableClock();
    try (TestApp a = TestApp.start(db, clock, Map.of(), true);
        TestApp b = TestApp.start(db, clock, Map.of(), false)) {
      Login ann = a.http.newUser("ann@example.com");
      try (Socket onB = new Socket(b, ann.accessToken())) {
        assertThat(onB.connected()).isTrue();
        assertThat(b.http.get("/api/v1/users/me", ann.accessToken()).status()).isEqualTo(200);
        assertThat(a.http.post("/api/v1/users/logout", Map.of(), ann.accessToken()).status())
            .isEqualTo(200);
        long start = System.currentTimeMillis();
        assertThat(onB.awaitDisconnect(start)).isLessThan(WITHIN_A_SECOND.toMillis());
        assertThat(b.http.get("/api/v1/users/me", ann.accessToken()).status()).isEqualTo(401);
      }
      // And a restarted node still knows (the deny list is stored).
      try (TestApp c = TestApp.start(db, clock, Map.of(), false)) {
        assertThat(c.http.get("/api/v1/users/me", ann.accessToken()).status()).isEqualTo(401);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSocketIsDisconnectedAtTokenExpiryUnlessItReauthenticates(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      Login other = t.http.newUser("bob@example.com");
      try (Socket renewing = new Socket(t, ann.accessToken());
          Socket lapsing = new Socket(t, ann.accessToken())) {
        t.clock.advance(Duration.ofMinutes(14));
        Login refreshed = refresh(t, ann);
        // A token of somebody else, or no valid token, does not renew the connection.
        assertThat(
                renewing
                    .emit("support_reauthenticate", Map.of("token", other.accessToken()))
                    .path("ack")
                    .path("error")
                    .path("code")
                    .asText())
            .isEqualTo("forbidden");
        assertThat(
                renewing
                    .emit("support_reauthenticate", Map.of("token", "not-a-token"))
                    .path("ack")
                    .path("error")
                    .path("code")
                    .asText())
            .isEqualTo("unauthorized");
        JsonNode renewed =
            renewing.emit("support_reauthenticate", Map.of("token", refreshed.accessToken()));
        assertThat(renewed.path("ack").path("ok").asBoolean()).isTrue();
        assertThat(Instant.parse(renewed.path("ack").path("data").path("expiresAt").asText()))
            .isAfter(t.clock.instant().plus(Duration.ofMinutes(14)));

        long start = System.currentTimeMillis();
        t.clock.advance(Duration.ofMinutes(2)); // past the first token's expiry
        assertThat(lapsing.awaitDisconnect(start)).isLessThan(WITHIN_A_SECOND.toMillis());
        assertThat(renewing.stillConnected()).isTrue();
        assertThat(
                renewing
                    .emit("leave_support_chat", Map.of("chatId", "0123456789abcdef01234567"))
                    .path("ack")
                    .path("ok")
                    .asBoolean())
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void tokensWithoutExpiryAndTokensOfDeletedUsersAreRefused(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      String noExp =
          JWT.create()
              .withIssuer("support-chat")
              .withSubject(ann.userId())
              .withClaim("adm", false)
              .withClaim("sid", "0123456789abcdef01234567")
              .sign(Algorithm.HMAC256(TestApp.accessTokenSecret()));
      assertError(t.http.get("/api/v1/users/me", noExp), 401, "unauthorized", "Invalid");
      try (Socket s = new Socket(t, noExp)) {
        assertThat(s.first.path("connectError").asText()).isEqualTo("unauthorized");
      }

      t.app.database().write(c -> Sql.update(c, "DELETE FROM users WHERE id = ?", ann.userId()));
      Response open = t.http.post("/api/v1/chats/support", Map.of(), ann.accessToken());
      assertError(open, 401, "unauthorized", "no longer exists");
      assertThat(t.http.get("/api/v1/users/me", ann.accessToken()).status()).isEqualTo(401);
      try (Socket s = new Socket(t, ann.accessToken())) {
        assertThat(s.first.path("connectError").asText()).isEqualTo("unauthorized");
      }
    }
  }

  private static Login refresh(TestApp t, Login login) {
    JsonNode d =
        t.http
            .post("/api/v1/users/refresh-token", Map.of("refreshToken", login.refreshToken()), null)
            .data();
    return new Login(
        login.userId(),
        d.get("accessToken").asText(),
        d.get("refreshToken").asText(),
        login.isAdmin());
  }
}
