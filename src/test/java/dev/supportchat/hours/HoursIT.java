package dev.supportchat.hours;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.chat.AutomaticReply;
import dev.supportchat.config.ConfigException;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.MutableClock;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Business hours over real HTTP with a clock the test moves: who may read and change them, the
 * public status, the automatic reply (once per chat per closed period, also from two nodes) and the
 * first response time counted in business hours only when an admin says so.
 */
class HoursIT {
  /** Friday 2026-12-11, 16:00 UTC. */
  private static final Instant FRIDAY_4PM = Instant.parse("2026-12-11T16:00:00Z");

  private static final Map<String, Object> OFFICE_HOURS = officeHours(false);

  private static Map<String, Object> officeHours(boolean businessHoursStats) {
    List<Map<String, String>> nineToFive = List.of(Map.of("opens", "09:00", "closes", "17:00"));
    return Map.of(
        "timeZone",
        "UTC",
        "weekly",
        Map.of(
            "monday", nineToFive,
            "tuesday", nineToFive,
            "wednesday", nineToFive,
            "thursday", nineToFive,
            "friday", nineToFive),
        "holidays",
        List.of("2026-12-25"),
        "autoReply",
        "We are away; back {back}.",
        "businessHoursStats",
        businessHoursStats);
  }

  private static TestApp start(Engine engine, MutableClock clock) {
    return TestApp.start(TestDatabases.create(engine), clock, Map.of(), true);
  }

  /**
   * With email on (nothing listens: follow-up emails wait as outbox rows, which is what we count).
   */
  private static TestApp startWithEmail(Engine engine, MutableClock clock) {
    return TestApp.start(
        TestDatabases.create(engine),
        clock,
        Map.of(
            "SMTP_URL",
            "smtp://127.0.0.1:9",
            "MAIL_FROM",
            "support@example.com",
            "PUBLIC_URL",
            "https://support.example.com"),
        true);
  }

  private static long replyEmailsWaiting(TestApp t) {
    return t.app
        .database()
        .read(c -> Sql.count(c, "SELECT COUNT(*) FROM outbox WHERE kind = 'reply_email'"));
  }

  private static Login agent(HttpTestClient http, Login admin, String email) {
    Response invite =
        http.post(
            "/api/v1/team/invites", Map.of("email", email, "role", "agent"), admin.accessToken());
    assertThat(invite.status()).as(invite.raw()).isEqualTo(201);
    Response accepted =
        http.post(
            "/api/v1/team/invites/accept",
            Map.of(
                "token",
                invite.data().get("token").asText(),
                "fullName",
                "Agent Ada",
                "password",
                "agent-password-1"),
            null);
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(201);
    return http.login(email, "agent-password-1");
  }

  private static List<JsonNode> messages(HttpTestClient http, String chatId, Login who) {
    Response r = http.get("/api/v1/chats/" + chatId + "/messages", who.accessToken());
    assertThat(r.status()).as(r.raw()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    r.data().get("messages").forEach(out::add);
    java.util.Collections.reverse(out);
    return out;
  }

  private static long automaticReplies(List<JsonNode> messages) {
    return messages.stream()
        .filter(m -> m.path("sender").path("_id").asText().equals(AutomaticReply.SENDER_ID))
        .count();
  }

  private static String openChat(HttpTestClient http, Login user, String message) {
    Response r = http.post("/api/v1/chats/support", Map.of("message", message), user.accessToken());
    assertThat(r.status()).as(r.raw()).isIn(200, 201);
    return r.data().get("_id").asText();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void adminsSetTheHoursStaffReadThemAndEveryoneSeesTheStatus(Engine engine) {
    try (TestApp t = start(engine, new MutableClock(FRIDAY_4PM))) {
      HttpTestClient http = t.http;
      Login admin = http.admin();
      Login ada = agent(http, admin, "ada@example.com");
      Login user = http.newUser("ann@example.com");

      Response status = http.get("/api/v1/business-hours/status", null);
      assertThat(status.status()).isEqualTo(200);
      assertThat(status.data().get("alwaysOpen").asBoolean()).isTrue();
      assertThat(status.data().get("open").asBoolean()).isTrue();

      assertError(http.get("/api/v1/business-hours", user.accessToken()), 403, "forbidden");
      assertError(http.get("/api/v1/business-hours", null), 401, "unauthorized");
      assertError(
          http.put("/api/v1/business-hours", OFFICE_HOURS, ada.accessToken()), 403, "forbidden");
      assertError(
          http.put("/api/v1/business-hours", OFFICE_HOURS, user.accessToken()), 403, "forbidden");
      assertError(
          http.put(
              "/api/v1/business-hours",
              Map.of("timeZone", "Mars/Olympus", "weekly", Map.of()),
              admin.accessToken()),
          400,
          "invalid",
          "IANA");
      assertError(
          http.put(
              "/api/v1/business-hours",
              Map.of(
                  "timeZone",
                  "UTC",
                  "weekly",
                  Map.of(
                      "monday",
                      List.of(
                          Map.of("opens", "09:00", "closes", "12:00"),
                          Map.of("opens", "11:00", "closes", "13:00")))),
              admin.accessToken()),
          400,
          "invalid",
          "overlap");
      // Nothing was saved by the refusals.
      assertThat(
              http.get("/api/v1/business-hours/status", null).data().get("alwaysOpen").asBoolean())
          .isTrue();

      Response saved = http.put("/api/v1/business-hours", OFFICE_HOURS, admin.accessToken());
      assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
      JsonNode read = http.get("/api/v1/business-hours", ada.accessToken()).data();
      assertThat(read.get("timeZone").asText()).isEqualTo("UTC");
      assertThat(read.get("weekly").get("friday").get(0).get("closes").asText()).isEqualTo("17:00");
      assertThat(read.get("holidays").get(0).asText()).isEqualTo("2026-12-25");

      status = http.get("/api/v1/business-hours/status", null);
      assertThat(status.data().get("open").asBoolean()).isTrue();
      t.clock.advance(Duration.ofHours(2)); // Friday 18:00
      status = http.get("/api/v1/business-hours/status", null);
      assertThat(status.data().get("open").asBoolean()).isFalse();
      assertThat(status.data().get("nextOpenAt").asText()).isEqualTo("2026-12-14T09:00:00.000Z");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void outsideHoursTheFirstMessageGetsOneAutomaticReplyThatDoesNotCountAsAnAnswer(Engine engine) {
    MutableClock clock = new MutableClock(FRIDAY_4PM.plus(Duration.ofHours(3))); // Friday 19:00
    try (TestApp t = startWithEmail(engine, clock)) {
      HttpTestClient http = t.http;
      Login admin = http.admin();
      assertThat(http.put("/api/v1/business-hours", OFFICE_HOURS, admin.accessToken()).status())
          .isEqualTo(200);
      Login user = http.newUser("ann@example.com");
      String chatId = openChat(http, user, "Is anyone there?");
      List<JsonNode> msgs = messages(http, chatId, user);
      assertThat(msgs).hasSize(2);
      JsonNode reply = msgs.get(1);
      assertThat(reply.path("sender").path("_id").asText()).isEqualTo(AutomaticReply.SENDER_ID);
      assertThat(reply.path("sender").path("isAdmin").asBoolean()).isTrue();
      assertThat(reply.path("content").asText())
          .isEqualTo("We are away; back on Monday at 09:00 (UTC time).");

      // More messages in the same night: no second reply.
      http.post(
          "/api/v1/chats/" + chatId + "/messages", Map.of("content", "Hello?"), user.accessToken());
      assertThat(automaticReplies(messages(http, chatId, user))).isEqualTo(1);

      // Inside hours: no reply; the next night: one more.
      clock.advance(Duration.ofDays(3)); // Monday 19:00
      user = http.login("ann@example.com", "password-123");
      admin = http.admin();
      http.post(
          "/api/v1/chats/" + chatId + "/messages",
          Map.of("content", "Still there?"),
          user.accessToken());
      List<JsonNode> later = messages(http, chatId, user);
      assertThat(automaticReplies(later)).isEqualTo(2);
      assertThat(later.get(later.size() - 1).path("content").asText())
          .contains("tomorrow at 09:00");

      // The automatic replies stopped no clock: the first response is the agent's.
      JsonNode firstResponse =
          http.get("/api/v1/chats/admin/stats", admin.accessToken())
              .data()
              .path("responseTimes")
              .path("firstResponseMs");
      assertThat(firstResponse.path("avg").isNull()).isTrue();

      // Its sender cannot sign in, whatever the password.
      for (String password : List.of("!", "password-123", "")) {
        Response login =
            http.post(
                "/api/v1/users/login",
                Map.of("email", "automatic-reply@support-chat.invalid", "password", password),
                null);
        assertThat(login.status()).as(login.raw()).isIn(400, 401);
      }

      // Nor is it a reply to email the person about; an agent's reply is.
      assertThat(replyEmailsWaiting(t)).isZero();
      assertThat(
              http.post(
                      "/api/v1/chats/" + chatId + "/messages",
                      Map.of("content", "Good morning!"),
                      admin.accessToken())
                  .status())
          .isEqualTo(201);
      assertThat(replyEmailsWaiting(t)).isEqualTo(1);
    }
  }

  @Test
  void twoNodesSendOneAutomaticReplyPerChatAndNight() {
    MutableClock clock = new MutableClock(FRIDAY_4PM.plus(Duration.ofHours(3)));
    try (TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES);
        TestApp a = TestApp.start(db, clock, Map.of(), false);
        TestApp b = TestApp.start(db, clock, Map.of(), false)) {
      Login admin = a.http.admin();
      assertThat(a.http.put("/api/v1/business-hours", OFFICE_HOURS, admin.accessToken()).status())
          .isEqualTo(200);
      Login user = a.http.newUser("ann@example.com");
      String chatId = openChat(a.http, user, "Anyone?");
      // The second node never sent a reply to this chat: it tries, and the database refuses.
      Response onB =
          b.http.post(
              "/api/v1/chats/" + chatId + "/messages",
              Map.of("content", "Hello from another tab"),
              user.accessToken());
      assertThat(onB.status()).as(onB.raw()).isEqualTo(201);
      List<JsonNode> msgs = messages(b.http, chatId, user);
      assertThat(msgs).hasSize(3);
      assertThat(automaticReplies(msgs)).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void firstResponseTimeCountsBusinessHoursOnlyWhenAnAdminSaysSo(Engine engine) {
    MutableClock clock = new MutableClock(FRIDAY_4PM);
    try (TestApp t = start(engine, clock)) {
      HttpTestClient http = t.http;
      Login admin = http.admin();
      assertThat(http.put("/api/v1/business-hours", OFFICE_HOURS, admin.accessToken()).status())
          .isEqualTo(200);
      Login user = http.newUser("ann@example.com");
      String chatId = openChat(http, user, "Question on Friday afternoon");
      clock.advance(Duration.ofHours(66)); // Monday 10:00
      admin = http.admin();
      assertThat(
              http.post(
                      "/api/v1/chats/" + chatId + "/messages",
                      Map.of("content", "Answer on Monday morning"),
                      admin.accessToken())
                  .status())
          .isEqualTo(201);

      JsonNode wall =
          http.get("/api/v1/chats/admin/stats", admin.accessToken())
              .data()
              .path("responseTimes")
              .path("firstResponseMs");
      assertThat(wall.path("avg").asLong()).isEqualTo(Duration.ofHours(66).toMillis());
      assertThat(wall.path("businessHoursOnly").asBoolean()).isFalse();

      assertThat(
              http.put("/api/v1/business-hours", officeHours(true), admin.accessToken()).status())
          .isEqualTo(200);
      JsonNode business =
          http.get("/api/v1/chats/admin/stats", admin.accessToken())
              .data()
              .path("responseTimes")
              .path("firstResponseMs");
      assertThat(business.path("businessHoursOnly").asBoolean()).isTrue();
      assertThat(business.path("avg").asLong()).isEqualTo(Duration.ofHours(2).toMillis());
      assertThat(business.path("median").asLong()).isEqualTo(Duration.ofHours(2).toMillis());
      assertThat(business.path("p90").asLong()).isEqualTo(Duration.ofHours(2).toMillis());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aStoredScheduleThatCannotBeReadStopsStartUpWithOneSentence(Engine engine) {
    MutableClock clock = new MutableClock(FRIDAY_4PM);
    try (TestDatabases.Fresh db = TestDatabases.create(engine)) {
      try (TestApp first = TestApp.start(db, clock, Map.of(), false)) {
        first
            .app
            .database()
            .write(
                c ->
                    Sql.update(
                        c,
                        "INSERT INTO team_settings (name, value, updated_at) VALUES (?, ?, ?)",
                        "business_hours",
                        "{\"timeZone\":\"Mars/Olympus\",\"weekly\":{}}",
                        0L));
      }
      assertThatThrownBy(() -> TestApp.start(db, clock, Map.of(), false).close())
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("business hours stored in team_settings")
          .hasMessageContaining("IANA time zone")
          .hasMessageContaining("delete that row");
    }
  }
}
