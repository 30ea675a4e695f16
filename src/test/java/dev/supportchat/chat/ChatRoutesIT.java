package dev.supportchat.chat;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chat endpoints over real HTTP, on SQLite and PostgreSQL: the rules a client sees, and every
 * error case.
 */
class ChatRoutesIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aUserAndAnAdminHoldAConversation(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      Login admin = t.http.admin();

      assertError(t.http.get("/api/v1/chats/support", ann.accessToken()), 404, "not_found");
      Response none = t.http.get("/api/v1/chats/support?optional=true", ann.accessToken());
      assertThat(none.status()).as("asked as optional: no 404").isEqualTo(200);
      assertThat(none.json().get("data").isNull()).isTrue();
      Response created =
          t.http.post(
              "/api/v1/chats/support",
              Map.of(
                  "subject",
                  "Billing",
                  "priority",
                  "high",
                  "message",
                  "Hello, I was charged twice"),
              ann.accessToken());
      assertThat(created.status()).isEqualTo(201);
      JsonNode chat = created.data();
      String chatId = chat.get("_id").asText();
      assertThat(chat.get("status").asText()).isEqualTo("open");
      assertThat(chat.get("priority").asText()).isEqualTo("high");
      assertThat(chat.get("subject").asText()).isEqualTo("Billing");
      assertThat(chat.path("user").path("fullName").asText()).isEqualTo("ann");
      assertThat(chat.path("lastMessage").path("content").asText())
          .isEqualTo("Hello, I was charged twice");
      assertThat(chat.get("unreadByAdmin").asInt()).isEqualTo(1);

      assertThat(
              t.http
                  .get("/api/v1/chats/support?optional=true", ann.accessToken())
                  .data()
                  .get("_id")
                  .asText())
          .isEqualTo(chatId);
      Response again = t.http.post("/api/v1/chats/support", Map.of(), ann.accessToken());
      assertThat(again.status()).as("create-or-get returns the existing chat").isEqualTo(200);
      assertThat(again.data().get("_id").asText()).isEqualTo(chatId);

      Response reply =
          t.http.post(
              "/api/v1/chats/" + chatId + "/messages",
              Map.of("content", "  Let me check.  "),
              admin.accessToken());
      assertThat(reply.status()).isEqualTo(201);
      assertThat(reply.data().get("content").asText()).isEqualTo("Let me check.");
      assertThat(reply.data().path("sender").path("isAdmin").asBoolean()).isTrue();
      Response note =
          t.http.post(
              "/api/v1/chats/" + chatId + "/messages",
              Map.of("content", "Refund approved by finance", "isInternalNote", true),
              admin.accessToken());
      assertThat(note.status()).isEqualTo(201);

      JsonNode userPage =
          t.http.get("/api/v1/chats/" + chatId + "/messages", ann.accessToken()).data();
      assertThat(contents(userPage)).containsExactly("Let me check.", "Hello, I was charged twice");
      JsonNode adminPage =
          t.http.get("/api/v1/chats/" + chatId + "/messages", admin.accessToken()).data();
      assertThat(contents(adminPage))
          .containsExactly(
              "Refund approved by finance", "Let me check.", "Hello, I was charged twice");

      JsonNode userView = t.http.get("/api/v1/chats/support", ann.accessToken()).data();
      assertThat(userView.path("lastMessage").path("content").asText())
          .as("a note is never a user's last message")
          .isEqualTo("Let me check.");
      assertThat(userView.get("unreadByUser").asInt())
          .as("notes are not unread for users")
          .isEqualTo(1);

      Response read = t.http.post("/api/v1/chats/" + chatId + "/read", null, ann.accessToken());
      assertThat(read.status()).isEqualTo(200);
      assertThat(read.data().get("markedCount").asInt()).isEqualTo(1);
      assertThat(
              t.http
                  .get("/api/v1/chats/support", ann.accessToken())
                  .data()
                  .get("unreadByUser")
                  .asInt())
          .isZero();
      JsonNode afterRead =
          t.http.get("/api/v1/chats/" + chatId + "/messages", admin.accessToken()).data();
      assertThat(afterRead.path("messages").path(1).path("isReadByUser").asBoolean()).isTrue();

      Response assigned =
          t.http.post("/api/v1/chats/" + chatId + "/assign", Map.of(), admin.accessToken());
      assertThat(assigned.data().get("status").asText()).isEqualTo("in-progress");
      assertThat(assigned.data().path("admin").path("_id").asText()).isEqualTo(admin.userId());

      Response resolved =
          t.http.put(
              "/api/v1/chats/" + chatId + "/status",
              Map.of("status", "resolved", "priority", "low"),
              admin.accessToken());
      assertThat(resolved.data().get("status").asText()).isEqualTo("resolved");
      assertThat(resolved.data().get("priority").asText()).isEqualTo("low");

      t.http.post(
          "/api/v1/chats/" + chatId + "/messages",
          Map.of("content", "It happened again"),
          ann.accessToken());
      assertThat(
              t.http.get("/api/v1/chats/support", ann.accessToken()).data().get("status").asText())
          .as("a user's message reopens a resolved chat")
          .isEqualTo("open");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void retriedSendsWithTheSameClientMessageIdAreStoredOnce(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of(), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      Map<String, Object> body = Map.of("content", "once", "clientMessageId", "c-1");
      Response first =
          t.http.post("/api/v1/chats/" + chatId + "/messages", body, ann.accessToken());
      Response retry =
          t.http.post("/api/v1/chats/" + chatId + "/messages", body, ann.accessToken());
      assertThat(first.status()).isEqualTo(201);
      assertThat(retry.status()).isEqualTo(200);
      assertThat(retry.data().get("_id").asText()).isEqualTo(first.data().get("_id").asText());
      JsonNode page = t.http.get("/api/v1/chats/" + chatId + "/messages", ann.accessToken()).data();
      assertThat(page.get("messages")).hasSize(1);
      assertThat(
              t.http
                  .get("/api/v1/chats/support", ann.accessToken())
                  .data()
                  .get("unreadByAdmin")
                  .asInt())
          .isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void messagePagesWalkBackwardsWithACursor(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of(), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      for (int i = 1; i <= 7; i++) {
        t.clock.advance(Duration.ofMillis(1));
        t.http.post(
            "/api/v1/chats/" + chatId + "/messages", Map.of("content", "m" + i), ann.accessToken());
      }
      List<String> seen = new ArrayList<>();
      String cursor = null;
      int pages = 0;
      do {
        JsonNode page =
            t.http
                .get(
                    "/api/v1/chats/"
                        + chatId
                        + "/messages?limit=3"
                        + (cursor == null ? "" : "&before=" + cursor),
                    ann.accessToken())
                .data();
        seen.addAll(contents(page));
        cursor = page.get("hasMore").asBoolean() ? page.get("nextCursor").asText() : null;
        pages++;
      } while (cursor != null);
      assertThat(pages).isEqualTo(3);
      assertThat(seen).containsExactly("m7", "m6", "m5", "m4", "m3", "m2", "m1");

      // catching up after a reconnect: everything after the last message seen, oldest first, in
      // pages
      JsonNode newest =
          t.http.get("/api/v1/chats/" + chatId + "/messages?limit=7", ann.accessToken()).data();
      String m3 = newest.get("messages").get(4).get("_id").asText();
      JsonNode since =
          t.http
              .get("/api/v1/chats/" + chatId + "/messages?limit=3&since=" + m3, ann.accessToken())
              .data();
      assertThat(contents(since)).containsExactly("m4", "m5", "m6");
      assertThat(since.get("hasMore").asBoolean()).isTrue();
      JsonNode rest =
          t.http
              .get(
                  "/api/v1/chats/"
                      + chatId
                      + "/messages?limit=3&since="
                      + since.get("nextCursor").asText(),
                  ann.accessToken())
              .data();
      assertThat(contents(rest)).containsExactly("m7");
      assertThat(rest.get("hasMore").asBoolean()).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theAdminListFiltersSearchesAndPages(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login admin = t.http.admin();
      String[] subjects = {"Billing question", "Login broken", "Feature request"};
      String[] priorities = {"urgent", "low", "medium"};
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        Login u = t.http.newUser("user" + i + "@example.com");
        t.clock.advance(Duration.ofSeconds(1));
        ids.add(
            t.http
                .post(
                    "/api/v1/chats/support",
                    Map.of("subject", subjects[i], "priority", priorities[i], "message", "hi"),
                    u.accessToken())
                .data()
                .get("_id")
                .asText());
      }
      t.http.post("/api/v1/chats/" + ids.get(0) + "/assign", Map.of(), admin.accessToken());

      JsonNode all = t.http.get("/api/v1/chats/admin/all", admin.accessToken()).data();
      assertThat(all.get("chats"))
          .extracting(c -> c.get("subject").asText())
          .as("latest message first; assigning is not activity")
          .containsExactly("Feature request", "Login broken", "Billing question");
      assertThat(all.path("pagination").path("total").asInt()).isEqualTo(3);

      assertThat(listSubjects(t, admin, "?priority=low")).containsExactly("Login broken");
      assertThat(listSubjects(t, admin, "?status=in-progress")).containsExactly("Billing question");
      assertThat(listSubjects(t, admin, "?assigned=me")).containsExactly("Billing question");
      assertThat(listSubjects(t, admin, "?assigned=none"))
          .containsExactly("Feature request", "Login broken");
      assertThat(listSubjects(t, admin, "?q=LOGIN")).containsExactly("Login broken");
      assertThat(listSubjects(t, admin, "?q=user2%40")).containsExactly("Feature request");
      assertThat(listSubjects(t, admin, "?q=%25")).isEmpty();

      JsonNode page2 =
          t.http.get("/api/v1/chats/admin/all?limit=2&page=2", admin.accessToken()).data();
      assertThat(page2.get("chats")).hasSize(1);
      assertThat(page2.path("pagination").path("pages").asInt()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void statisticsCountAndTimeTheConversations(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      // The chat must be counted on the (UTC) day it was created, and the clock is advanced below:
      // started within an hour of midnight, it would cross into the next day (seen in CI at 00:00).
      long day = Duration.ofDays(1).toMillis();
      long intoDay = Math.floorMod(t.clock.instant().toEpochMilli(), day);
      if (day - intoDay < Duration.ofHours(1).toMillis()) {
        t.clock.advance(Duration.ofMillis(day - intoDay).plus(Duration.ofHours(1)));
      }
      Login admin = t.http.admin();
      Login ann = t.http.newUser("ann@example.com");
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of("message", "help"), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      t.clock.advance(Duration.ofSeconds(90));
      t.http.post(
          "/api/v1/chats/" + chatId + "/messages", Map.of("content", "on it"), admin.accessToken());
      t.http.send(admin, chatId, "an internal note: not a message of the conversation", true);
      t.http.post("/api/v1/chats/" + chatId + "/assign", Map.of(), admin.accessToken());
      t.clock.advance(Duration.ofMinutes(10));
      t.http.put(
          "/api/v1/chats/" + chatId + "/status", Map.of("status", "resolved"), admin.accessToken());

      JsonNode stats = t.http.get("/api/v1/chats/admin/stats", admin.accessToken()).data();
      assertThat(stats.path("totals").path("chats").asLong()).isEqualTo(1);
      assertThat(stats.path("totals").path("messages").asLong()).isEqualTo(2);
      assertThat(stats.path("totals").path("resolved").asLong()).isEqualTo(1);
      assertThat(stats.get("chatsPerDay")).hasSize(30);
      assertThat(stats.get("chatsPerDay").get(29).get("count").asLong()).isEqualTo(1);
      JsonNode first = stats.path("responseTimes").path("firstResponseMs");
      assertThat(first.get("avg").asLong()).isEqualTo(90_000);
      assertThat(first.get("median").asLong()).isEqualTo(90_000);
      assertThat(first.get("p90").asLong()).isEqualTo(90_000);
      assertThat(stats.path("responseTimes").path("resolutionMs").path("avg").asLong())
          .isEqualTo(690_000);
      assertThat(stats.path("byPriority").path("medium").asLong()).isEqualTo(1);
      JsonNode workload = stats.get("adminWorkload").get(0);
      assertThat(workload.path("admin").path("_id").asText()).isEqualTo(admin.userId());
      assertThat(workload.get("replies").asLong()).isEqualTo(1);

      assertError(t.http.get("/api/v1/chats/admin/stats", ann.accessToken()), 403, "forbidden");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void badRequestsGetClearErrors(Engine engine) {
    try (TestApp t = TestApp.start(engine, Map.of("MAX_MESSAGE_LENGTH", "100"))) {
      Login ann = t.http.newUser("ann@example.com");
      Login bob = t.http.newUser("bob@example.com");
      Login admin = t.http.admin();
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of(), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      String msgs = "/api/v1/chats/" + chatId + "/messages";

      assertError(t.http.get(msgs, bob.accessToken()), 403, "forbidden");
      assertError(t.http.post(msgs, Map.of("content", "hi"), bob.accessToken()), 403, "forbidden");
      assertError(
          t.http.get("/api/v1/chats/0123456789abcdef01234567/messages", ann.accessToken()),
          404,
          "not_found");
      assertError(
          t.http.get("/api/v1/chats/not-an-id/messages", ann.accessToken()), 404, "not_found");
      assertError(t.http.post(msgs, Map.of("content", "   "), ann.accessToken()), 400, "invalid");
      assertError(t.http.post(msgs, Map.of("content", 5), ann.accessToken()), 400, "invalid");
      assertError(
          t.http.post(msgs, Map.of("content", "x".repeat(101)), ann.accessToken()),
          413,
          "too_large");
      assertError(
          t.http.post(msgs, Map.of("content", "psst", "isInternalNote", true), ann.accessToken()),
          403,
          "forbidden");
      assertError(
          t.http.post(msgs, Map.of("content", "x", "messageType", "video"), ann.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.post(msgs, Map.of("content", "", "messageType", "image"), ann.accessToken()),
          400,
          "invalid");
      assertError(t.http.get(msgs + "?limit=abc", ann.accessToken()), 400, "invalid");
      assertError(t.http.get(msgs + "?before=zzz", ann.accessToken()), 400, "invalid");
      assertError(
          t.http.put(
              "/api/v1/chats/" + chatId + "/status", Map.of("status", "done"), admin.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.put(
              "/api/v1/chats/" + chatId + "/status", Map.of("status", "closed"), ann.accessToken()),
          403,
          "forbidden");
      assertError(
          t.http.post(
              "/api/v1/chats/" + chatId + "/assign",
              Map.of("adminId", bob.userId()),
              admin.accessToken()),
          400,
          "invalid");
      assertError(
          t.http.post("/api/v1/chats/" + chatId + "/assign", Map.of(), ann.accessToken()),
          403,
          "forbidden");
      assertError(t.http.get("/api/v1/chats/admin/all", ann.accessToken()), 403, "forbidden");
      assertError(
          t.http.get("/api/v1/chats/admin/all?status=weird", admin.accessToken()), 400, "invalid");
      assertError(
          t.http.post("/api/v1/chats/support", Map.of(), admin.accessToken()), 403, "forbidden");
      assertError(
          t.http.post("/api/v1/chats/support", Map.of("priority", "asap"), bob.accessToken()),
          400,
          "invalid");
      assertError(t.http.get(msgs, null), 401, "unauthorized");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void sendersEditTheirOwnMessages(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      Login admin = t.http.admin();
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of("message", "helo"), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      String messageId =
          t.http
              .get("/api/v1/chats/" + chatId + "/messages", ann.accessToken())
              .data()
              .path("messages")
              .path(0)
              .path("_id")
              .asText();
      String path = "/api/v1/chats/" + chatId + "/messages/" + messageId;
      assertError(
          t.http.patch(path, Map.of("content", "hacked"), admin.accessToken()), 403, "forbidden");
      Response edited = t.http.patch(path, Map.of("content", "hello"), ann.accessToken());
      assertThat(edited.status()).isEqualTo(200);
      assertThat(edited.data().get("content").asText()).isEqualTo("hello");
      assertThat(edited.data().get("isEdited").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void editsCloseAfterTheWindow(Engine engine) {
    try (TestApp t = TestApp.start(engine, Map.of("MESSAGE_EDIT_WINDOW", "10m"))) {
      Login ann = t.http.newUser("ann@example.com");
      Login admin = t.http.admin();
      String chatId = t.http.openChat(ann, "Parcel", "first");
      String messages = "/api/v1/chats/" + chatId + "/messages";
      String own =
          t.http
              .post(messages, Map.of("content", "helo"), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      String note =
          t.http
              .post(messages, Map.of("content", "vip", "isInternalNote", true), admin.accessToken())
              .data()
              .get("_id")
              .asText();

      t.clock.advance(Duration.ofMinutes(9));
      assertThat(
              t.http
                  .patch(messages + "/" + own, Map.of("content", "hello"), ann.accessToken())
                  .status())
          .isEqualTo(200);
      assertThat(
              t.http
                  .patch(messages + "/" + note, Map.of("content", "VIP"), admin.accessToken())
                  .data()
                  .get("isEdited")
                  .asBoolean())
          .as("an agent edits their own note")
          .isTrue();

      t.clock.advance(Duration.ofMinutes(2));
      Response late =
          t.http.patch(messages + "/" + own, Map.of("content", "hullo"), ann.accessToken());
      assertError(late, 409, "conflict");
      assertThat(late.json().get("message").asText()).contains("10 minutes");
      assertError(
          t.http.patch(messages + "/" + note, Map.of("content", "late"), admin.accessToken()),
          409,
          "conflict");
      // The refused edit changed nothing.
      JsonNode page = t.http.get(messages, ann.accessToken()).data();
      assertThat(contents(page)).contains("hello").doesNotContain("hullo");
      // Someone else's message is still "not yours", not "too late".
      assertError(
          t.http.patch(messages + "/" + own, Map.of("content", "x"), admin.accessToken()),
          403,
          "forbidden");
    }
  }

  private static List<String> listSubjects(TestApp t, Login admin, String query) {
    JsonNode data = t.http.get("/api/v1/chats/admin/all" + query, admin.accessToken()).data();
    List<String> subjects = new ArrayList<>();
    data.get("chats").forEach(c -> subjects.add(c.get("subject").asText()));
    return subjects;
  }

  static List<String> contents(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("messages").forEach(m -> out.add(m.get("content").asText()));
    return out;
  }
}
