package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Engine.IO 4 behaviours where engine.io-server differed from the protocol, as the official suite
 * found (node-tests/official-protocol-suite.sh); checked here too because CI cannot run that suite.
 */
class EngineIoProtocolIT {

  private static TestServer server;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.defaultOptions());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void theHandshakeTellsTheLargestPayloadOnBothTransports() throws Exception {
    HttpResponse<String> polling = send("GET", "/socket.io/?EIO=4&transport=polling", null);
    assertThat(handshake(polling.body()).getInt("maxPayload")).isEqualTo(1_000_000);
    assertThat(polling.headers().firstValueAsLong("Content-Length"))
        .hasValue(polling.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);

    TextFrames frames = new TextFrames();
    WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    server.baseUrl().replace("http", "ws")
                        + "/socket.io/?EIO=4&transport=websocket"),
                frames)
            .get(5, TimeUnit.SECONDS);
    assertThat(handshake(frames.received.poll(5, TimeUnit.SECONDS)).getInt("maxPayload"))
        .isEqualTo(1_000_000);
    ws.abort();
  }

  @Test
  void aHandshakeByAnyOtherMethodThanGetIsRefusedWith400() throws Exception {
    for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "HEAD"}) {
      assertThat(send(method, "/socket.io/?EIO=4&transport=polling", "").statusCode())
          .as(method)
          .isEqualTo(400);
    }
  }

  @Test
  void aMalformedPayloadEndsItsSessionAndNoOther() throws Exception {
    String sid = sid();
    String bystander = sid();

    assertThat(send("POST", polling(sid), "abc").statusCode()).isEqualTo(400);

    HttpResponse<String> next = send("GET", polling(sid), null);
    assertThat(next.statusCode()).isEqualTo(400);
    assertThat(next.body()).contains("Session ID unknown");
    HttpResponse<String> other = send("POST", polling(bystander), "40{\"token\":\"tok-bob\"}");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(send("GET", polling(bystander), null).body()).startsWith("40{\"sid\"");
  }

  private static JSONObject handshake(String openPacket) {
    assertThat(openPacket).startsWith("0{");
    return new JSONObject(openPacket.substring(1));
  }

  private static String sid() throws Exception {
    return handshake(send("GET", "/socket.io/?EIO=4&transport=polling", null).body())
        .getString("sid");
  }

  private static String polling(String sid) {
    return "/socket.io/?EIO=4&transport=polling&sid=" + sid;
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
