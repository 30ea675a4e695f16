package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compatibility suite: node-tests/conversation.mjs holds a whole user↔admin conversation with
 * the official JavaScript socket.io-client, using only the original system's events, over
 * websocket, polling and polling→ websocket upgrade, on SQLite and PostgreSQL. Every event and
 * recipient rule of the contract is checked here, negatives included (stranger cannot join, user
 * cannot change status, notes never reach the user).
 */
class SupportChatCompatibilityIT {
  private static final String ADMIN2 = "second-admin@example.com";
  private static final String ADMIN2_PASSWORD = "second-admin-pw";

  static Stream<Arguments> enginesAndTransports() {
    return Stream.of(Engine.values())
        .flatMap(e -> Stream.of("websocket", "polling", "upgrade").map(t -> Arguments.of(e, t)));
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("enginesAndTransports")
  void aSeedClientHoldsAFullConversation(Engine engine, String transport) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      t.createAdmin(ADMIN2, ADMIN2_PASSWORD);
      // No retry: a stall (conversation.mjs names the socket not connected within 10 s, or the
      // step after which nothing came) fails the test; PollingSoakIT shows that none is expected.
      JsonNode report =
          NodeScript.run(
              "conversation.mjs",
              transport,
              TestApp.ADMIN_EMAIL,
              TestApp.ADMIN_PASSWORD,
              ADMIN2,
              ADMIN2_PASSWORD,
              t.baseUrl());
      assertThat(report.get("transport").asText())
          .isEqualTo(transport.equals("polling") ? "polling" : "websocket");
      assertConversation(report.get("steps"));
    }
  }

  /** Every observation of conversation.mjs, whichever nodes its participants were connected to. */
  static void assertConversation(JsonNode s) {
    assertThat(s.path("created").path("status").asInt()).isEqualTo(201);

    assertOk(s.get("joinUser"));
    assertOk(s.get("joinAdmin"));
    assertRefused(s.get("joinStranger"), "forbidden");
    assertRefused(s.get("joinBadPayload"), "invalid");

    assertThat(s.get("typingSeenByAdmin").isObject()).as("admin sees the user typing").isTrue();
    assertThat(s.get("typingSeenByAdmin").get("isAdmin").asBoolean()).isFalse();
    assertThat(s.get("typingSeenByOwnTab").asInt())
        .as("the typist's own tabs are skipped")
        .isZero();
    assertThat(s.get("typingStopSeenByAdmin").isObject()).isTrue();

    JsonNode sent = s.get("userSendAck");
    assertOk(sent);
    assertThat(sent.path("data").path("content").asText()).isEqualTo("Help, my order is late");
    assertThat(sent.path("data").path("_id").asText()).hasSize(24);
    assertThat(s.get("adminGotMessage").isObject()).isTrue();
    assertThat(s.get("admin2Notified").path("chat").path("_id").isTextual())
        .as("every connected admin is notified, with the chat")
        .isTrue();
    assertThat(s.get("strangerGotMessage").asInt()).isZero();

    assertOk(s.get("retryAck"));
    assertThat(s.path("retryAck").path("data").path("_id").asText())
        .as("a retried send returns the stored message")
        .isEqualTo(sent.path("data").path("_id").asText());
    assertThat(s.get("adminCopiesOfMessage").asInt()).as("and emits nothing again").isEqualTo(1);

    assertOk(s.get("adminReplyAck"));
    assertThat(s.get("userGotReply").isObject()).isTrue();
    assertThat(s.get("userReplyNotification").isObject()).isTrue();

    assertOk(s.get("noteAck"));
    assertRefused(s.get("userNoteAttempt"), "forbidden");
    assertThat(s.get("userSawNote").asBoolean())
        .as("internal notes never reach the user")
        .isFalse();
    assertThat(s.get("userTab2SawNote").asBoolean()).isFalse();

    assertOk(s.get("userMarkRead"));
    assertThat(s.get("adminSawRead").path("readBy").isTextual()).isTrue();

    assertRefused(s.get("userStatusAttempt"), "forbidden");
    assertOk(s.get("statusAck"));
    assertThat(s.get("userSawStatus").path("priority").asText()).isEqualTo("urgent");
    assertThat(s.get("userSawStatus").path("chat").path("lastMessage").path("content").asText())
        .as("users get the chat without the note as last message")
        .isEqualTo("Looking into it now");
    assertThat(s.get("admin2SawStatus").isObject())
        .as("all admins hear of status changes")
        .isTrue();

    assertRefused(s.get("userAssignAttempt"), "forbidden");
    assertOk(s.get("assignAck"));
    assertThat(s.get("userSawAssign").path("admin").path("_id").isTextual()).isTrue();
    assertThat(s.get("admin2SawAssign").isObject()).isTrue();

    assertThat(s.get("reopenedSeenByAdmin").isObject())
        .as("a user's message reopens a resolved chat")
        .isTrue();
    assertThat(s.get("userGotAfterLeave").asInt()).as("left the room: no room messages").isZero();
    assertThat(s.get("userNotifiedAfterLeave").isObject())
        .as("but still notified personally")
        .isTrue();
    assertThat(s.get("anonymous").asText()).isEqualTo("unauthorized");
  }

  private static void assertOk(JsonNode ack) {
    assertThat(ack.path("ok").asBoolean()).as(String.valueOf(ack)).isTrue();
  }

  private static void assertRefused(JsonNode ack, String code) {
    assertThat(ack.path("ok").asBoolean()).as(String.valueOf(ack)).isFalse();
    assertThat(ack.path("error").path("code").asText()).isEqualTo(code);
    assertThat(ack.path("error").path("message").asText()).isNotBlank();
  }
}
