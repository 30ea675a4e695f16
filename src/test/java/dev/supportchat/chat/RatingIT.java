package dev.supportchat.chat;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.WebhookReceiver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Satisfaction ratings over real HTTP on both engines: once per resolution, only by the chat's
 * user, counted in the statistics, and sent as a signed {@code chat.rated} webhook to a real
 * receiver.
 */
class RatingIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  private static void ok(Response r) {
    assertThat(r.status()).as(r.raw()).isIn(200, 201);
  }

  private static Response rate(HttpTestClient http, String chatId, Object score, Login who) {
    Map<String, Object> body = new HashMap<>();
    body.put("score", score);
    body.put("comment", "  Quick and kind.  ");
    return http.post("/api/v1/chats/" + chatId + "/rating", body, who.accessToken());
  }

  private static void setStatus(HttpTestClient http, String chatId, String status, Login admin) {
    ok(
        http.put(
            "/api/v1/chats/" + chatId + "/status", Map.of("status", status), admin.accessToken()));
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theUserRatesEachResolutionOnceAndTheTeamSeesIt(Engine engine) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver().start();
        TestApp t = TestApp.start(engine, Map.of("WEBHOOKS_ALLOW_PRIVATE", "on"))) {
      HttpTestClient http = t.http;
      Login admin = http.admin();
      Response hook =
          http.post(
              "/api/v1/webhooks",
              Map.of("url", receiver.url(), "events", List.of("chat.rated")),
              admin.accessToken());
      assertThat(hook.status()).as(hook.raw()).isEqualTo(201);
      receiver.secret(hook.data().get("secret").asText());

      Login ann = http.newUser("ann@example.com");
      Login bob = http.newUser("bob@example.com");
      String chatId =
          http.post("/api/v1/chats/support", Map.of("message", "Hello"), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      String bobChat =
          http.post("/api/v1/chats/support", Map.of("message", "Hi"), bob.accessToken())
              .data()
              .get("_id")
              .asText();
      ok(http.post("/api/v1/chats/" + chatId + "/assign", Map.of(), admin.accessToken()));

      // Not resolved yet: nothing to rate.
      Response state = http.get("/api/v1/chats/" + chatId + "/rating", ann.accessToken());
      assertThat(state.data().get("canRate").asBoolean()).isFalse();
      assertError(rate(http, chatId, 5, ann), 409, "conflict", "resolved");

      setStatus(http, chatId, "resolved", admin);
      state = http.get("/api/v1/chats/" + chatId + "/rating", ann.accessToken());
      assertThat(state.data().get("canRate").asBoolean()).isTrue();
      assertThat(state.data().get("rating").isNull()).isTrue();

      // Refused: bad input, another user's chat, staff, no token.
      for (Object bad : List.of(0, 6, -1, "5", 4.5, 2_147_483_648L)) {
        assertError(rate(http, chatId, bad, ann), 400, "invalid", "score");
      }
      assertError(
          http.post("/api/v1/chats/" + chatId + "/rating", Map.of(), ann.accessToken()),
          400,
          "invalid",
          "score");
      assertError(
          http.post(
              "/api/v1/chats/" + chatId + "/rating",
              Map.of("score", 4, "comment", "x".repeat(Rating.MAX_COMMENT_LENGTH + 1)),
              ann.accessToken()),
          400,
          "invalid",
          "comment");
      assertError(rate(http, chatId, 1, bob), 403, "forbidden");
      assertError(
          http.get("/api/v1/chats/" + chatId + "/rating", bob.accessToken()), 403, "forbidden");
      assertError(rate(http, chatId, 1, admin), 403, "forbidden");
      assertError(
          http.post("/api/v1/chats/" + chatId + "/rating", Map.of("score", 1), null),
          401,
          "unauthorized");
      assertError(rate(http, "000000000000000000000000", 1, ann), 404, "not_found");
      // Bob's own chat is untouched by all this, and not rateable either (open).
      assertError(rate(http, bobChat, 2, bob), 409, "conflict");

      Response first = rate(http, chatId, 5, ann);
      assertThat(first.status()).as(first.raw()).isEqualTo(201);
      assertThat(first.data().get("score").asInt()).isEqualTo(5);
      assertThat(first.data().get("comment").asText()).isEqualTo("Quick and kind.");
      assertError(rate(http, chatId, 1, ann), 409, "conflict", "already rated");
      // Moving between resolved and closed is not a new resolution.
      setStatus(http, chatId, "closed", admin);
      assertError(rate(http, chatId, 1, ann), 409, "conflict", "already rated");
      state = http.get("/api/v1/chats/" + chatId + "/rating", ann.accessToken());
      assertThat(state.data().get("canRate").asBoolean()).isFalse();
      assertThat(state.data().get("rating").get("score").asInt()).isEqualTo(5);

      // Reopened by the user and resolved again: a new resolution may be rated again.
      ok(
          http.post(
              "/api/v1/chats/" + chatId + "/messages",
              Map.of("content", "One more thing"),
              ann.accessToken()));
      assertThat(
              http.get("/api/v1/chats/" + chatId + "/rating", ann.accessToken())
                  .data()
                  .get("canRate")
                  .asBoolean())
          .isFalse();
      t.clock.advance(Duration.ofSeconds(5));
      setStatus(http, chatId, "resolved", admin);
      ok(rate(http, chatId, 2, ann));

      Response staffView = http.get("/api/v1/chats/" + chatId + "/rating", admin.accessToken());
      assertThat(staffView.data().get("history")).hasSize(2);
      assertThat(staffView.data().get("history").get(0).get("score").asInt()).isEqualTo(2);
      assertThat(
              http.get("/api/v1/chats/" + chatId + "/rating", ann.accessToken())
                  .data()
                  .get("history"))
          .isEmpty();

      JsonNode csat = http.get("/api/v1/chats/admin/stats", admin.accessToken()).data().get("csat");
      assertThat(csat.get("count").asLong()).isEqualTo(2);
      assertThat(csat.get("average").asDouble()).isEqualTo(3.5);
      assertThat(csat.get("distribution").get("5").asLong()).isEqualTo(1);
      assertThat(csat.get("distribution").get("2").asLong()).isEqualTo(1);
      assertThat(csat.get("distribution").get("1").asLong()).isZero();
      assertThat(csat.get("byAdmin")).hasSize(1);
      assertThat(csat.get("byAdmin").get(0).get("admin").get("_id").asText())
          .isEqualTo(admin.userId());
      assertThat(csat.get("byAdmin").get(0).get("count").asLong()).isEqualTo(2);

      List<JsonNode> got = receiver.awaitAccepted(2, WAIT);
      Thread.sleep(500);
      assertThat(receiver.accepted()).hasSize(2);
      assertThat(receiver.badSignatures()).isZero();
      assertThat(receiver.repeats()).isZero();
      assertThat(got).allSatisfy(d -> assertThat(d.path("event").asText()).isEqualTo("chat.rated"));
      assertThat(got.stream().map(d -> d.path("data").path("rating").path("score").asInt()))
          .containsExactlyInAnyOrder(5, 2);
      assertThat(got.get(0).path("data").path("chat").path("_id").asText()).isEqualTo(chatId);
    }
  }
}
