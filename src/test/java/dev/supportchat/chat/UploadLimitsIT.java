package dev.supportchat.chat;

import static dev.supportchat.chat.AttachmentRoutesIT.get;
import static dev.supportchat.chat.AttachmentRoutesIT.upload;
import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.TestApp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What one user may spend on uploads (issue 13, part 5): a rate, a storage quota, a free-space
 * floor for everyone, uploads never attached deleted after a day; and edits spend the message
 * allowance. Each refusal is checked for its status and envelope, and for leaving others alone.
 * Both engines.
 */
class UploadLimitsIT {
  private static final byte[] TEXT = "x".repeat(600).getBytes();

  private record Two(TestApp t, Login ann, String annChat, Login bob, String bobChat) {}

  private static Two two(TestApp t) {
    Login ann = t.http.newUser("ann@example.com");
    Login bob = t.http.newUser("bob@example.com");
    return new Two(t, ann, chat(t, ann), bob, chat(t, bob));
  }

  private static String chat(TestApp t, Login who) {
    return t.http
        .post("/api/v1/chats/support", Map.of(), who.accessToken())
        .data()
        .get("_id")
        .asText();
  }

  private static String files(String chatId) {
    return "/api/v1/chats/" + chatId + "/attachments";
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void uploadsPerUserPerHourAreLimited(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, Map.of("UPLOADS_PER_USER_PER_HOUR", "3"))) {
      Two s = two(t);
      for (int i = 0; i < 3; i++) {
        assertThat(
                upload(t, files(s.annChat()), s.ann().accessToken(), "a.txt", "text/plain", TEXT)
                    .status())
            .isEqualTo(201);
      }
      var refused =
          upload(t, files(s.annChat()), s.ann().accessToken(), "a.txt", "text/plain", TEXT);
      assertError(refused, 429, "rate_limited", "uploading files too fast");
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(
              upload(t, files(s.bobChat()), s.bob().accessToken(), "b.txt", "text/plain", TEXT)
                  .status())
          .isEqualTo(201);
      t.clock.advance(Duration.ofMinutes(61));
      String fresh = t.http.login("ann@example.com", "password-123").accessToken();
      assertThat(upload(t, files(s.annChat()), fresh, "a.txt", "text/plain", TEXT).status())
          .isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aUsersStoredUploadsStayWithinTheQuota(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, Map.of("UPLOAD_QUOTA_BYTES", "1000"))) {
      Two s = two(t);
      assertThat(
              upload(t, files(s.annChat()), s.ann().accessToken(), "a.txt", "text/plain", TEXT)
                  .status())
          .isEqualTo(201);
      assertError(
          upload(t, files(s.annChat()), s.ann().accessToken(), "a.txt", "text/plain", TEXT),
          413,
          "too_large",
          "storage quota");
      assertThat(
              upload(t, files(s.bobChat()), s.bob().accessToken(), "b.txt", "text/plain", TEXT)
                  .status())
          .isEqualTo(201);
      // Admins answer with files of their own and are not held to a user's quota.
      Login admin = t.http.admin();
      for (int i = 0; i < 2; i++) {
        assertThat(
                upload(t, files(s.annChat()), admin.accessToken(), "c.txt", "text/plain", TEXT)
                    .status())
            .isEqualTo(201);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void uploadsStopWhenTheDataDiskIsUnderItsFloor(Engine engine) throws Exception {
    // A floor above any disk's free space: every upload is refused, the rest of the server works.
    try (TestApp t =
        TestApp.start(engine, Map.of("UPLOAD_MIN_FREE_BYTES", String.valueOf(Long.MAX_VALUE)))) {
      Two s = two(t);
      assertError(
          upload(t, files(s.annChat()), s.ann().accessToken(), "a.txt", "text/plain", TEXT),
          503,
          "unavailable",
          "storage is nearly full");
      assertError(
          upload(t, files(s.annChat()), t.http.admin().accessToken(), "a.txt", "text/plain", TEXT),
          503,
          "unavailable");
      assertThat(
              t.http
                  .post(
                      "/api/v1/chats/" + s.annChat() + "/messages",
                      Map.of("content", "still talking"),
                      s.ann().accessToken())
                  .status())
          .isEqualTo(201);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void uploadsNeverAttachedAreDeletedAfterADay(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      Two s = two(t);
      JsonNode kept =
          upload(t, files(s.annChat()), s.ann().accessToken(), "kept.txt", "text/plain", TEXT)
              .data();
      JsonNode orphan =
          upload(t, files(s.annChat()), s.ann().accessToken(), "lost.txt", "text/plain", TEXT)
              .data();
      assertThat(
              t.http
                  .post(
                      "/api/v1/chats/" + s.annChat() + "/messages",
                      Map.of(
                          "content",
                          "see file",
                          "messageType",
                          "file",
                          "attachments",
                          List.of(kept.get("_id").asText())),
                      s.ann().accessToken())
                  .status())
          .isEqualTo(201);
      assertThat(t.app.deleteOrphanUploadsNow()).isZero(); // not a day old yet
      t.clock.advance(Duration.ofHours(25));
      assertThat(t.app.deleteOrphanUploadsNow()).isEqualTo(1);
      String fresh = t.http.login("ann@example.com", "password-123").accessToken();
      assertThat(get(t, orphan.get("url").asText(), fresh).statusCode()).isEqualTo(404);
      assertThat(
              Files.exists(
                  t.dataDir
                      .resolve("attachments")
                      .resolve(s.annChat())
                      .resolve(orphan.get("_id").asText())))
          .isFalse();
      assertThat(get(t, kept.get("url").asText(), fresh).statusCode()).isEqualTo(200);
      assertThat(t.app.deleteOrphanUploadsNow()).isZero(); // the attached one is marked, kept
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void editsSpendTheMessageAllowance(Engine engine) {
    try (TestApp t = TestApp.start(engine, Map.of("MESSAGES_PER_MINUTE_PER_USER", "3"))) {
      Two s = two(t);
      String messages = "/api/v1/chats/" + s.annChat() + "/messages";
      String id =
          t.http
              .post(messages, Map.of("content", "first"), s.ann().accessToken())
              .data()
              .get("_id")
              .asText();
      for (int i = 0; i < 2; i++) {
        assertThat(
                t.http
                    .send(
                        "PATCH",
                        messages + "/" + id,
                        Map.of("content", "edit " + i),
                        s.ann().accessToken(),
                        Map.of())
                    .status())
            .isEqualTo(200);
      }
      assertError(
          t.http.send(
              "PATCH",
              messages + "/" + id,
              Map.of("content", "one edit too many"),
              s.ann().accessToken(),
              Map.of()),
          429,
          "rate_limited",
          "too fast");
      assertThat(
              t.http
                  .post(
                      "/api/v1/chats/" + s.bobChat() + "/messages",
                      Map.of("content", "bob is fine"),
                      s.bob().accessToken())
                  .status())
          .isEqualTo(201);
    }
  }
}
