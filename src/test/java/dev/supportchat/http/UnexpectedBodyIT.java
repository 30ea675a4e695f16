package dev.supportchat.http;

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
 * A GET that carries a body (the fuzzer found it): the server used to answer without reading it and
 * close the connection with bytes unread, and the reset cut the end of a long answer.
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
