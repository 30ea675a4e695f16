package dev.supportchat.security;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The per-user message limit (MESSAGES_PER_MINUTE_PER_USER) counts a user's messages over REST and
 * all its sockets together, and the message length limit answers sockets as it answers REST. The
 * other limits are tested where they live (see docs/RELIABILITY.md).
 */
class MessageLimitsIT {
  private static final int PER_MINUTE = 6;

  @Test
  void aUsersMessagesAreCountedAcrossRestAndAllItsSockets() throws Exception {
    try (TestApp t =
        TestApp.start(
            Engine.SQLITE, Map.of("MESSAGES_PER_MINUTE_PER_USER", String.valueOf(PER_MINUTE)))) {
      Login ann = t.http.newUser("ann@example.com");
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of(), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      String messages = "/api/v1/chats/" + chatId + "/messages";
      assertThat(
              t.http
                  .post(
                      messages,
                      Map.of("content", "one", "clientMessageId", "c-1"),
                      ann.accessToken())
                  .status())
          .isEqualTo(201);
      assertThat(t.http.post(messages, Map.of("content", "two"), ann.accessToken()).status())
          .isEqualTo(201);
      // A retry is recognised while storing; the allowance it took is given back (the counts below
      // show it).
      assertThat(
              t.http
                  .post(
                      messages,
                      Map.of("content", "one", "clientMessageId", "c-1"),
                      ann.accessToken())
                  .status())
          .isEqualTo(200);

      JsonNode sent =
          NodeScript.run(
              "security-sends.mjs",
              t.baseUrl(),
              ann.accessToken(),
              chatId,
              "2",
              "s1",
              "s2",
              "s3",
              "s4",
              "s5",
              "s6");
      List<String> acks = texts(sent.get("acks"));
      assertThat(acks).filteredOn("ok"::equals).hasSize(PER_MINUTE - 2);
      assertThat(acks).filteredOn("rate_limited"::equals).hasSize(2);

      Response limited = t.http.post(messages, Map.of("content", "too many"), ann.accessToken());
      assertError(limited, 429, "rate_limited");
      assertThat(limited.headers().firstValue("Retry-After")).isPresent();
      // A retry of a message already stored is answered with it: retries after a reconnect are not
      // refused.
      assertThat(
              t.http
                  .post(
                      messages,
                      Map.of("content", "one", "clientMessageId", "c-1"),
                      ann.accessToken())
                  .status())
          .isEqualTo(200);
      // Other users have their own allowance; admins, who answer many chats at once, are not
      // limited.
      Login bob = t.http.newUser("bob@example.com");
      assertThat(
              t.http
                  .post("/api/v1/chats/support", Map.of("message", "hi"), bob.accessToken())
                  .status())
          .isEqualTo(201);
      Login admin = t.http.admin();
      for (int i = 0; i < PER_MINUTE + 2; i++) {
        assertThat(
                t.http
                    .post(messages, Map.of("content", "answer " + i), admin.accessToken())
                    .status())
            .isEqualTo(201);
      }

      assertThat(t.http.get(messages, admin.accessToken()).data().get("messages").size())
          .isEqualTo(PER_MINUTE + PER_MINUTE + 2);
      t.clock.advance(Duration.ofSeconds(61));
      assertThat(
              t.http
                  .post(messages, Map.of("content", "a minute later"), ann.accessToken())
                  .status())
          .isEqualTo(201);
    }
  }

  @Test
  void anOverlongMessageIsRefusedOverSocketsAsOverRest() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE, Map.of("MAX_MESSAGE_LENGTH", "50"))) {
      Login ann = t.http.newUser("ann@example.com");
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of(), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      JsonNode sent =
          NodeScript.run(
              "security-sends.mjs",
              t.baseUrl(),
              ann.accessToken(),
              chatId,
              "1",
              "x".repeat(50),
              "x".repeat(51));
      assertThat(texts(sent.get("acks"))).containsExactly("ok", "too_large");
      assertError(
          t.http.post(
              "/api/v1/chats/" + chatId + "/messages",
              Map.of("content", "x".repeat(51)),
              ann.accessToken()),
          413,
          "too_large");
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }
}
