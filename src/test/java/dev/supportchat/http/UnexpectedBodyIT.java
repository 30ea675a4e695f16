package dev.supportchat.http;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.json.Json;
import dev.supportchat.testing.TestApp;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bodies the server does not read (the fuzzer found both): a GET that carries one, and a POST
 * refused before its handler reads it. The server used to answer and close the connection with
 * bytes unread, and the kernel's reset cut the end of a long answer or took the whole error with it
 * (before the fix, the refusal test failed with "header parser received no bytes").
 */
class UnexpectedBodyIT {
  private static final HttpClient client = HttpClient.newHttpClient();

  @Test
  void aLongAnswerToAGetWithABodyArrivesWholeAndAnOversizedBodyIsA413() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE, Map.of("MAX_REQUEST_BYTES", "1000000"))) {
      byte[] almostTheLimit = new byte[900_000];
      Arrays.fill(almostTheLimit, (byte) 'x');
      for (int i = 0; i < 10; i++) {
        HttpResponse<String> r =
            client.send(
                get(t, "/api/v1/openapi.json", BodyPublishers.ofByteArray(almostTheLimit)),
                BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(r.body()).path("paths").size()).isGreaterThan(40);
      }

      byte[] overTheLimit = new byte[1_500_000];
      Arrays.fill(overTheLimit, (byte) 'x');
      assertTooLarge(
          client.send(
              get(t, "/api/v1/openapi.json", BodyPublishers.ofByteArray(overTheLimit)),
              BodyHandlers.ofString()));
      // Without a declared length (chunked), the server finds out while reading.
      assertTooLarge(
          client.send(
              get(
                  t,
                  "/api/v1/openapi.json",
                  BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(overTheLimit))),
              BodyHandlers.ofString()));

      // Others are unaffected.
      assertThat(t.http.get("/health", null).status()).isEqualTo(200);
    }
  }

  @Test
  void aRequestRefusedBeforeItsBodyIsReadIsAnsweredWithItsError() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE, Map.of("MAX_REQUEST_BYTES", "1000000"))) {
      byte[] json = new byte[900_000];
      Arrays.fill(json, (byte) ' ');
      json[0] = '{';
      json[json.length - 1] = '}';
      byte[] upload = new byte[4_000_000];
      Arrays.fill(upload, (byte) 'x');
      for (int i = 0; i < 20; i++) {
        // Signed out (an expired token looks the same to the server): refused before the body is
        // read. Each on a new connection, the way a browser's first request after a while is.
        HttpClient fresh = HttpClient.newHttpClient();
        assertRefused(
            fresh.send(post(t, "/api/v1/chats/support", "application/json", json), ofString()),
            401);
        assertRefused(
            fresh.send(
                post(
                    t,
                    "/api/v1/chats/6b16c9c32b32052c1ee4e269/attachments",
                    "multipart/form-data; boundary=x",
                    upload),
                ofString()),
            401);
      }
      assertThat(t.http.get("/health", null).status()).isEqualTo(200);
    }
  }

  private static HttpRequest post(TestApp t, String path, String contentType, byte[] body) {
    return HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
        .header("Content-Type", contentType)
        .POST(BodyPublishers.ofByteArray(body))
        .build();
  }

  private static void assertRefused(HttpResponse<String> r, int status) throws Exception {
    assertThat(r.statusCode()).isEqualTo(status);
    assertThat(Json.MAPPER.readTree(r.body()).path("success").asBoolean(true)).isFalse();
  }

  private static HttpRequest get(TestApp t, String path, HttpRequest.BodyPublisher body) {
    return HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
        .header("Content-Type", "application/json")
        .method("GET", body)
        .build();
  }

  private static void assertTooLarge(HttpResponse<String> r) throws Exception {
    assertThat(r.statusCode()).isEqualTo(413);
    JsonNode body = Json.MAPPER.readTree(r.body());
    assertThat(body.path("success").asBoolean(true)).isFalse();
    assertThat(body.path("message").asText()).contains("too large");
  }
}
