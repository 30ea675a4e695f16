package dev.supportchat.chat;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Uploads over real multipart HTTP: the whitelist, the size limit, and downloads only for the
 * chat's people.
 */
class AttachmentRoutesIT {
  private static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0
  };
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @ParameterizedTest
  @EnumSource(Engine.class)
  void imagesAreUploadedAttachedAndServedOnlyToTheChatsPeople(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, Map.of("MAX_ATTACHMENT_BYTES", "4096"))) {
      Login ann = t.http.newUser("ann@example.com");
      Login bob = t.http.newUser("bob@example.com");
      Login admin = t.http.admin();
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of(), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      String base = "/api/v1/chats/" + chatId + "/attachments";

      Response uploaded =
          upload(t, base, ann.accessToken(), "../../etc/screen shot.png", "image/png", PNG);
      assertThat(uploaded.status()).isEqualTo(201);
      JsonNode a = uploaded.data();
      assertThat(a.get("fileName").asText()).isEqualTo("screen shot.png");
      assertThat(a.get("size").asLong()).isEqualTo(PNG.length);
      assertThat(a.get("url").asText()).isEqualTo(base + "/" + a.get("_id").asText());

      Response message =
          t.http.post(
              "/api/v1/chats/" + chatId + "/messages",
              Map.of(
                  "content",
                  "",
                  "messageType",
                  "image",
                  "attachments",
                  List.of(a.get("_id").asText())),
              ann.accessToken());
      assertThat(message.status()).isEqualTo(201);
      assertThat(message.data().path("attachments").path(0).path("url").asText())
          .isEqualTo(a.get("url").asText());

      HttpResponse<byte[]> download = get(t, a.get("url").asText(), admin.accessToken());
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.body()).isEqualTo(PNG);
      assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
      assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(download.headers().firstValue("Content-Disposition").orElse(""))
          .contains("screen shot.png");

      assertThat(get(t, a.get("url").asText(), bob.accessToken()).statusCode()).isEqualTo(403);
      assertThat(get(t, a.get("url").asText(), null).statusCode()).isEqualTo(401);
      assertThat(get(t, base + "/0123456789abcdef01234567", ann.accessToken()).statusCode())
          .isEqualTo(404);

      assertError(upload(t, base, bob.accessToken(), "x.png", "image/png", PNG), 403, "forbidden");
      assertError(
          upload(t, base, ann.accessToken(), "evil.html", "text/html", "<script>".getBytes()),
          400,
          "invalid");
      assertError(
          upload(t, base, ann.accessToken(), "fake.png", "image/png", "not a png".getBytes()),
          400,
          "invalid");
      assertError(
          upload(t, base, ann.accessToken(), "big.txt", "text/plain", new byte[5000]),
          413,
          "too_large");
      assertError(
          t.http.post(
              "/api/v1/chats/" + chatId + "/messages",
              Map.of(
                  "content",
                  "x",
                  "messageType",
                  "file",
                  "attachments",
                  List.of("0123456789abcdef01234567")),
              ann.accessToken()),
          400,
          "invalid");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void filesAloneAreAMessageAndTheAppsKnowTheRules(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, Map.of("MAX_ATTACHMENT_BYTES", "4096"))) {
      Login ann = t.http.newUser("ann@example.com");
      String chatId = t.http.openChat(ann, "Parcel", "It arrived broken");
      String messages = "/api/v1/chats/" + chatId + "/messages";
      String id =
          upload(
                  t,
                  "/api/v1/chats/" + chatId + "/attachments",
                  ann.accessToken(),
                  "a.png",
                  "image/png",
                  PNG)
              .data()
              .get("_id")
              .asText();

      // A text message with files and no words: the apps send it so (no messageType guess).
      Response alone =
          t.http.post(
              messages, Map.of("content", "  ", "attachments", List.of(id)), ann.accessToken());
      assertThat(alone.status()).isEqualTo(201);
      assertThat(alone.data().get("content").asText()).isEmpty();
      assertThat(alone.data().path("attachments").size()).isEqualTo(1);
      // Its words may be edited away again, and nothing but words is still refused empty.
      Response emptied =
          t.http.patch(
              messages + "/" + alone.data().get("_id").asText(),
              Map.of("content", ""),
              ann.accessToken());
      assertThat(emptied.status()).isEqualTo(200);
      assertError(t.http.post(messages, Map.of("content", " "), ann.accessToken()), 400, "invalid");

      JsonNode rules = t.http.get("/api/v1/widget/config", null).data().get("messages");
      assertThat(rules.get("maxAttachmentBytes").asLong()).isEqualTo(4096);
      assertThat(rules.get("maxAttachments").asInt()).isEqualTo(10);
      assertThat(rules.get("attachmentTypes").toString()).contains("image/png", "application/pdf");
      assertThat(rules.get("editWindowSeconds").asLong()).isEqualTo(900);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void filesOfInternalNotesStayWithStaff(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      Login admin = t.http.admin();
      String chatId = t.http.openChat(ann, "Parcel", "It arrived broken");
      String messages = "/api/v1/chats/" + chatId + "/messages";
      String files = "/api/v1/chats/" + chatId + "/attachments";
      JsonNode secret = upload(t, files, admin.accessToken(), "fraud.png", "image/png", PNG).data();
      JsonNode shared = upload(t, files, admin.accessToken(), "label.png", "image/png", PNG).data();
      String secretUrl = secret.get("url").asText();
      String sharedUrl = shared.get("url").asText();

      // Not sent yet: only its uploader (and staff) may fetch it.
      assertThat(get(t, secretUrl, ann.accessToken()).statusCode()).isEqualTo(404);
      // Ids count up, so a user who guesses one cannot carry it into their own message.
      assertError(
          t.http.post(
              messages,
              Map.of("content", "mine", "attachments", List.of(secret.get("_id").asText())),
              ann.accessToken()),
          400,
          "invalid");

      Map<String, Object> note = new java.util.HashMap<>();
      note.put("content", "");
      note.put("isInternalNote", true);
      note.put("attachments", List.of(secret.get("_id").asText()));
      assertThat(t.http.post(messages, note, admin.accessToken()).status()).isEqualTo(201);
      assertThat(
              t.http
                  .post(
                      messages,
                      Map.of("content", "", "attachments", List.of(shared.get("_id").asText())),
                      admin.accessToken())
                  .status())
          .isEqualTo(201);

      assertThat(get(t, secretUrl, ann.accessToken()).statusCode())
          .as("a note's file is not the user's")
          .isEqualTo(404);
      assertThat(get(t, secretUrl, admin.accessToken()).statusCode()).isEqualTo(200);
      assertThat(get(t, sharedUrl, ann.accessToken()).statusCode()).isEqualTo(200);
    }
  }

  static Response upload(
      TestApp t, String path, String token, String fileName, String type, byte[] bytes)
      throws Exception {
    String boundary = "----sc" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: "
                + type
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return new Response(
        r.statusCode(), r.body(), HttpTestClient.JSON.readTree(r.body()), r.headers());
  }

  static HttpResponse<byte[]> get(TestApp t, String path, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(t.baseUrl() + path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
