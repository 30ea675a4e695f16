package dev.supportchat.team;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Saved replies, labels and the typical reply time over real HTTP and sockets, on both engines. */
class InboxIT {

  private static Response delete(TestApp t, String path, Login caller) {
    return t.http.send("DELETE", path, null, caller.accessToken(), Map.of());
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void savedRepliesAreReadByStaffManagedByAdminsAndHiddenFromUsers(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login agent = f.join(admin, "agent@example.org", "agent");
      Login user = t.http.newUser("user@example.org");

      Response created =
          t.http.post(
              "/api/v1/saved-replies",
              Map.of("shortcut", "/Refund", "body", "Hi {{user.name}}, {{order.id}} is refunded."),
              admin.accessToken());
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      String id = created.data().get("_id").asText();
      assertThat(created.data().get("shortcut").asText()).isEqualTo("refund");
      assertThat(created.data().get("unknownVariables").toString()).isEqualTo("[\"order.id\"]");

      Response read = t.http.get("/api/v1/saved-replies", agent.accessToken());
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.data()).hasSize(1);
      assertThat(read.data().get(0).get("body").asText()).startsWith("Hi {{user.name}}");

      // Agents read but do not manage; people who chat get nothing at all.
      assertError(
          t.http.post(
              "/api/v1/saved-replies",
              Map.of("shortcut", "mine", "body", "x"),
              agent.accessToken()),
          403,
          "forbidden");
      assertError(
          t.http.patch("/api/v1/saved-replies/" + id, Map.of("body", "x"), agent.accessToken()),
          403,
          "forbidden");
      assertError(delete(t, "/api/v1/saved-replies/" + id, agent), 403, "forbidden");
      assertError(t.http.get("/api/v1/saved-replies", user.accessToken()), 403, "forbidden");

      // Refusals, each leaving the reply as it was.
      assertError(
          t.http.post(
              "/api/v1/saved-replies",
              Map.of("shortcut", "REFUND", "body", "again"),
              admin.accessToken()),
          409,
          "conflict");
      assertError(
          t.http.post(
              "/api/v1/saved-replies",
              Map.of("shortcut", "re fund", "body", "x"),
              admin.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.post(
              "/api/v1/saved-replies",
              Map.of("shortcut", "x".repeat(33), "body", "x"),
              admin.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.post(
              "/api/v1/saved-replies",
              Map.of("shortcut", "long", "body", "x".repeat(5001)),
              admin.accessToken()),
          413,
          "too_large");
      assertError(
          t.http.post(
              "/api/v1/saved-replies",
              Map.of("shortcut", "blank", "body", "  "),
              admin.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.patch(
              "/api/v1/saved-replies/0123456789abcdef01234567",
              Map.of("body", "x"),
              admin.accessToken()),
          404,
          "not_found");
      assertThat(t.http.get("/api/v1/saved-replies", agent.accessToken()).data()).hasSize(1);

      Response other =
          t.http.post(
              "/api/v1/saved-replies",
              Map.of("shortcut", "hello", "body", "Hello!"),
              admin.accessToken());
      assertError(
          t.http.patch(
              "/api/v1/saved-replies/" + other.data().get("_id").asText(),
              Map.of("shortcut", "refund"),
              admin.accessToken()),
          409,
          "conflict");

      Response changed =
          t.http.patch(
              "/api/v1/saved-replies/" + id,
              Map.of("body", "Refunded, {{user.name}}."),
              admin.accessToken());
      assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
      assertThat(changed.data().get("shortcut").asText()).isEqualTo("refund");
      assertThat(changed.data().get("unknownVariables")).isEmpty();

      assertThat(delete(t, "/api/v1/saved-replies/" + id, admin).status()).isEqualTo(200);
      assertError(delete(t, "/api/v1/saved-replies/" + id, admin), 404, "not_found");
      JsonNode left = t.http.get("/api/v1/saved-replies", agent.accessToken()).data();
      assertThat(left).hasSize(1);
      assertThat(left.get(0).get("shortcut").asText()).isEqualTo("hello");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void labelsGoOnChatsFilterTheListReachOtherDashboardsAndNeverUsers(Engine engine)
      throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login agent = f.join(admin, "agent@example.org", "agent");
      Login user = t.http.newUser("user@example.org");
      Login other = t.http.newUser("other@example.org");
      String chatId = f.chatOf(user);
      String otherChat = f.chatOf(other);

      NodeScript.Running sockets =
          NodeScript.start(
              "staff-sockets.mjs", t.baseUrl(), admin.accessToken(), user.accessToken());
      TeamFixture.awaitConnected(sockets, 2);

      Response billing =
          t.http.post(
              "/api/v1/labels",
              Map.of("name", "Billing", "colour", "#2F6FDE"),
              agent.accessToken());
      assertThat(billing.status()).as(billing.raw()).isEqualTo(201);
      assertThat(billing.data().get("colour").asText()).isEqualTo("#2f6fde");
      String billingId = billing.data().get("_id").asText();
      String vipId =
          t.http
              .post(
                  "/api/v1/labels", Map.of("name", "VIP", "colour", "#aa0000"), admin.accessToken())
              .data()
              .get("_id")
              .asText();

      assertError(
          t.http.post(
              "/api/v1/labels",
              Map.of("name", "billing", "colour", "#000000"),
              agent.accessToken()),
          409,
          "conflict");
      assertError(
          t.http.post(
              "/api/v1/labels", Map.of("name", "Red", "colour", "red"), agent.accessToken()),
          400,
          "invalid",
          "#rrggbb");
      assertError(
          t.http.post(
              "/api/v1/labels",
              Map.of("name", "x".repeat(41), "colour", "#000000"),
              agent.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.post(
              "/api/v1/labels", Map.of("name", "Mine", "colour", "#000000"), user.accessToken()),
          403,
          "forbidden");
      assertError(t.http.get("/api/v1/labels", user.accessToken()), 403, "forbidden");
      assertError(
          t.http.get("/api/v1/chats/" + chatId + "/labels", user.accessToken()), 403, "forbidden");
      assertError(
          t.http.put(
              "/api/v1/chats/" + chatId + "/labels/" + billingId, Map.of(), user.accessToken()),
          403,
          "forbidden");

      Response added =
          t.http.put(
              "/api/v1/chats/" + chatId + "/labels/" + billingId, Map.of(), agent.accessToken());
      assertThat(added.status()).as(added.raw()).isEqualTo(200);
      assertThat(added.data()).hasSize(1);
      t.http.put("/api/v1/chats/" + chatId + "/labels/" + vipId, Map.of(), agent.accessToken());
      Response twice =
          t.http.put("/api/v1/chats/" + chatId + "/labels/" + vipId, Map.of(), agent.accessToken());
      assertThat(twice.data()).as("adding again changes nothing").hasSize(2);
      assertError(
          t.http.put(
              "/api/v1/chats/0123456789abcdef01234567/labels/" + vipId,
              Map.of(),
              agent.accessToken()),
          404,
          "not_found");
      assertError(
          t.http.put(
              "/api/v1/chats/" + chatId + "/labels/0123456789abcdef01234567",
              Map.of(),
              agent.accessToken()),
          404,
          "not_found");

      // The list's rows carry their labels; the label filter keeps only the chats that have it.
      JsonNode rows =
          t.http.get("/api/v1/chats/admin/all", admin.accessToken()).data().get("chats");
      for (JsonNode row : rows) {
        int expected = row.get("_id").asText().equals(chatId) ? 2 : 0;
        assertThat(row.get("labels")).as(row.get("_id").asText()).hasSize(expected);
      }
      JsonNode filtered =
          t.http.get("/api/v1/chats/admin/all?label=" + vipId, admin.accessToken()).data();
      assertThat(filtered.get("pagination").get("total").asInt()).isEqualTo(1);
      assertThat(filtered.get("chats").get(0).get("_id").asText()).isEqualTo(chatId);
      assertThat(filtered.get("chats").get(0).get("labels").get(0).get("name").asText())
          .isEqualTo("Billing");
      assertError(
          t.http.get("/api/v1/chats/admin/all?label=nope", admin.accessToken()), 400, "invalid");
      assertThat(
              t.http
                  .get(
                      "/api/v1/chats/admin/all?status=open&label=" + billingId, admin.accessToken())
                  .data()
                  .get("pagination")
                  .get("total")
                  .asInt())
          .isEqualTo(1);

      // The user's own chat says nothing of labels.
      JsonNode own = t.http.get("/api/v1/chats/support", user.accessToken()).data();
      assertThat(own.has("labels")).isFalse();
      assertThat(own.toString()).doesNotContain("Billing").doesNotContain(billingId);

      Response removed = delete(t, "/api/v1/chats/" + chatId + "/labels/" + billingId, agent);
      assertThat(removed.status()).isEqualTo(200);
      assertThat(removed.data()).hasSize(1);
      assertThat(removed.data().get(0).get("name").asText()).isEqualTo("VIP");

      // Deleting a label takes it off every chat.
      t.http.put("/api/v1/chats/" + otherChat + "/labels/" + vipId, Map.of(), agent.accessToken());
      assertThat(delete(t, "/api/v1/labels/" + vipId, agent).status()).isEqualTo(200);
      assertThat(t.http.get("/api/v1/chats/" + chatId + "/labels", agent.accessToken()).data())
          .isEmpty();
      assertThat(
              t.http
                  .get("/api/v1/chats/admin/all?label=" + vipId, admin.accessToken())
                  .data()
                  .get("chats"))
          .isEmpty();

      Response renamed =
          t.http.patch(
              "/api/v1/labels/" + billingId, Map.of("name", "Payments"), agent.accessToken());
      assertThat(renamed.data().get("name").asText()).isEqualTo("Payments");
      assertThat(renamed.data().get("colour").asText()).isEqualTo("#2f6fde");

      JsonNode heard = sockets.nextLine();
      while (!heard.path("payload").path("label").path("name").asText().equals("Payments")) {
        heard = sockets.nextLine(); // the last change, heard: the earlier ones came before it
      }
      JsonNode summary = sockets.finish();
      List<JsonNode> staff = new ArrayList<>();
      List<JsonNode> users = new ArrayList<>();
      // The staff socket heard each change; the user's socket never heard one.
      for (JsonNode line : summary.get("events")) {
        String event = line.path("event").asText();
        if (event.equals("chat_labels_updated") || event.equals("labels_changed")) {
          (line.get("socket").asInt() == 0 ? staff : users).add(line);
        }
      }
      assertThat(staff)
          .extracting(l -> l.get("event").asText())
          .contains("chat_labels_updated", "labels_changed");
      assertThat(users).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aChatCarriesAtMostTenLabelsAndTheTeamAHundred(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login user = t.http.newUser("user@example.org");
      String chatId = f.chatOf(user);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Response r =
            t.http.post(
                "/api/v1/labels",
                Map.of("name", "L" + i, "colour", "#000000"),
                admin.accessToken());
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        ids.add(r.data().get("_id").asText());
      }
      assertError(
          t.http.post(
              "/api/v1/labels",
              Map.of("name", "One more", "colour", "#000000"),
              admin.accessToken()),
          409,
          "conflict",
          "100 labels");
      for (int i = 0; i < 10; i++) {
        assertThat(
                t.http
                    .put(
                        "/api/v1/chats/" + chatId + "/labels/" + ids.get(i),
                        Map.of(),
                        admin.accessToken())
                    .status())
            .isEqualTo(200);
      }
      assertError(
          t.http.put(
              "/api/v1/chats/" + chatId + "/labels/" + ids.get(10), Map.of(), admin.accessToken()),
          409,
          "conflict",
          "at most 10");
      assertThat(t.http.get("/api/v1/chats/" + chatId + "/labels", admin.accessToken()).data())
          .hasSize(10);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void usersSeeTheMedianFirstResponseOfTheLastWeekOnceThereAreThreeAnsweredChats(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login admin = t.http.admin();
      long[] minutes = {1, 4, 30};
      for (int i = 0; i < minutes.length; i++) {
        Login u = t.http.newUser("u" + i + "@example.org");
        String chatId =
            t.http
                .post("/api/v1/chats/support", Map.of("message", "hello"), u.accessToken())
                .data()
                .get("_id")
                .asText();
        JsonNode own = t.http.get("/api/v1/chats/support", u.accessToken()).data();
        assertThat(own.get("typicalReplyMs").isNull()).as("too few answered chats").isTrue();
        t.clock.advance(Duration.ofMinutes(minutes[i]));
        admin = t.http.admin();
        Response reply =
            t.http.post(
                "/api/v1/chats/" + chatId + "/messages",
                Map.of("content", "hi"),
                admin.accessToken());
        assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
      }
      t.clock.advance(Duration.ofMinutes(2)); // past the node's one-minute cache
      Login first = t.http.login("u0@example.org", "password-123"); // its token expired meanwhile
      JsonNode own = t.http.get("/api/v1/chats/support", first.accessToken()).data();
      assertThat(own.get("typicalReplyMs").asLong()).isEqualTo(Duration.ofMinutes(4).toMillis());

      // A week later those chats no longer count.
      t.clock.advance(Duration.ofDays(8));
      Login fresh = t.http.newUser("late@example.org");
      t.http.post("/api/v1/chats/support", Map.of("message", "hello"), fresh.accessToken());
      assertThat(
              t.http
                  .get("/api/v1/chats/support", fresh.accessToken())
                  .data()
                  .get("typicalReplyMs")
                  .isNull())
          .isTrue();
    }
  }
}
