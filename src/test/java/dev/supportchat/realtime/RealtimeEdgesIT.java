package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Typing expiry, per-socket rate limits, presence, token expiry mid-session and packet size limits.
 */
class RealtimeEdgesIT {

  private record Setup(TestApp app, Login user, Login admin, String chatId) {}

  private static Setup setup(TestApp t) {
    Login user = t.http.newUser("ann@example.com");
    Login admin = t.http.admin();
    String chatId =
        t.http
            .post("/api/v1/chats/support", Map.of(), user.accessToken())
            .data()
            .get("_id")
            .asText();
    return new Setup(t, user, admin, chatId);
  }

  private static JsonNode run(Setup s, String scenario) throws Exception {
    return NodeScript.run(
        "realtime-edges.mjs",
        scenario,
        s.app().baseUrl(),
        s.user().accessToken(),
        s.admin().accessToken(),
        s.chatId());
  }

  @Test
  void typingStopsByItselfAndWhenTheTypistDisconnects() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      JsonNode r = run(setup(t), "typing-expiry");
      assertThat(r.get("expiredAfterMs").asLong()).isBetween(5_000L, 7_500L);
      assertThat(r.path("afterDisconnect").path("isTyping").asBoolean(true)).isFalse();
    }
  }

  @Test
  void aSocketOverItsRateIsToldSoAndServedAgainLater() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE, Map.of("SOCKET_MESSAGES_PER_SECOND", "5"))) {
      JsonNode r = run(setup(t), "rate-limit");
      assertThat(r.get("ok").asInt()).isBetween(10, 12);
      assertThat(r.get("limited").asInt()).isEqualTo(30 - r.get("ok").asInt());
      assertThat(r.get("laterOk").asBoolean()).isTrue();
    }
  }

  @Test
  void usersLearnWhetherSupportIsOnline() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      Setup s = setup(t);
      assertThat(
              t.http
                  .get("/api/v1/chats/support", s.user().accessToken())
                  .data()
                  .get("supportOnline")
                  .asBoolean())
          .isFalse();
      JsonNode r = run(s, "presence");
      assertThat(r.get("seen")).extracting(JsonNode::asBoolean).containsExactly(false, true, false);
    }
  }

  @Test
  void aClientEventNamedDisconnectDoesNotEndTheSocket() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      Setup s = setup(t);
      // socket.io-client refuses to emit reserved names, so this speaks the protocol itself
      try (RawSocketIoClient admin =
          RawSocketIoClient.connect(t.baseUrl(), s.admin().accessToken())) {
        assertThat(supportOnline(s, true)).isTrue();
        admin.send("42[\"disconnect\",\"forged\"]");
        // events of one connection are handled in order: once this is answered, the forged one was
        // too
        assertThat(admin.sendWithAck("join_support_chat", "{\"chatId\":\"" + s.chatId() + "\"}"))
            .contains("\"ok\":true");
        assertThat(supportOnline(s, true)).isTrue();
      }
      assertThat(supportOnline(s, false)).isFalse();
    }
  }

  @Test
  void supportIsOnlyOnlineWhileAConnectedAgentHasNotChosenAway() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      Setup s = setup(t);
      try (RawSocketIoClient admin =
          RawSocketIoClient.connect(t.baseUrl(), s.admin().accessToken())) {
        assertThat(supportOnline(s, true)).isTrue();
        t.http.put(
            "/api/v1/team/me/availability", Map.of("status", "away"), s.admin().accessToken());
        assertThat(supportOnline(s, false))
            .as("connected, but away: the widget must not say online")
            .isFalse();
        t.http.put(
            "/api/v1/team/me/availability", Map.of("status", "online"), s.admin().accessToken());
        assertThat(supportOnline(s, true)).isTrue();
      }
      assertThat(supportOnline(s, false)).isFalse();
    }
  }

  /**
   * Whether users are told support is online, once it equals {@code expected} or after 2 s:
   * presence changes on the socket's thread, so a real disconnect takes a moment to land (and a
   * wrong answer must have had time to appear).
   */
  private static boolean supportOnline(Setup s, boolean expected) throws InterruptedException {
    boolean online = !expected;
    for (int i = 0; i < 100 && online != expected; i++) {
      if (i > 0) {
        Thread.sleep(20);
      }
      online =
          s.app()
              .http
              .get("/api/v1/chats/support", s.user().accessToken())
              .data()
              .get("supportOnline")
              .asBoolean();
    }
    return online;
  }

  @Test
  void aSocketWhoseTokenExpiredIsDisconnected() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      Setup s = setup(t);
      NodeScript.Running script =
          NodeScript.start(
              "realtime-edges.mjs",
              "token-expiry",
              t.baseUrl(),
              s.user().accessToken(),
              s.admin().accessToken(),
              s.chatId());
      assertThat(script.nextLine().get("ready").asBoolean()).isTrue();
      t.clock.advance(Duration.ofMinutes(16));
      JsonNode r = script.finish();
      assertThat(r.path("before").path("ok").asBoolean()).isTrue();
      assertThat(r.path("disconnect").asText()).isEqualTo("io server disconnect");
    }
  }

  @Test
  void anOversizePacketClosesOnlyThatConnection() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE, Map.of("SOCKET_MAX_PACKET_BYTES", "100000"))) {
      JsonNode r = run(setup(t), "oversize");
      assertThat(r.get("reason").asText()).isNotEqualTo("still connected");
      assertThat(r.get("otherStillWorks").asBoolean()).isTrue();
    }
  }

  /**
   * A send waits for its group commit without holding up its socket: while the chat row is locked
   * (the commit cannot happen), the same socket's next events are answered, and a second send joins
   * the wait. Once the lock is gone both sends are acknowledged, in order. A handler that waited
   * for the commit would leave every later packet of that connection unread until then.
   */
  @Test
  void aSendWaitingForItsCommitDoesNotHoldUpItsSocket() throws Exception {
    try (TestApp t = TestApp.start(Engine.POSTGRES);
        Connection blocker = DriverManager.getConnection(t.database.url())) {
      Setup s = setup(t);
      try (RawSocketIoClient user =
          RawSocketIoClient.connect(t.baseUrl(), s.user().accessToken())) {
        String chat = "{\"chatId\":\"" + s.chatId() + "\"";
        blocker.setAutoCommit(false);
        try (Statement lock = blocker.createStatement()) {
          lock.execute("SELECT id FROM chats WHERE id = '" + s.chatId() + "' FOR UPDATE");
        }
        int first =
            user.emit(
                "send_support_message", chat + ",\"content\":\"one\",\"clientMessageId\":\"c1\"}");
        int second =
            user.emit(
                "send_support_message", chat + ",\"content\":\"two\",\"clientMessageId\":\"c2\"}");
        int typing = user.emit("support_typing_start", chat + "}");
        assertThat(user.awaitAck(typing, Duration.ofSeconds(3))).contains("\"ok\":true");
        Thread.sleep(300);
        assertThat(messageCount(t, s)).as("nothing committed while the chat is locked").isZero();
        blocker.commit();
        assertThat(user.awaitAck(first, Duration.ofSeconds(5)))
            .contains("\"ok\":true")
            .contains("\"one\"");
        assertThat(user.awaitAck(second, Duration.ofSeconds(5)))
            .contains("\"ok\":true")
            .contains("\"two\"");
        assertThat(messageCount(t, s)).isEqualTo(2);
      }
    }
  }

  private static int messageCount(TestApp t, Setup s) {
    return t.http
        .get("/api/v1/chats/" + s.chatId() + "/messages", s.user().accessToken())
        .data()
        .get("messages")
        .size();
  }
}
