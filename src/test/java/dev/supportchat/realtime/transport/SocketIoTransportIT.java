package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End-to-end: Javalin 7 + the Socket.IO servlet on one port, driven by the official JavaScript
 * socket.io-client 4.8 (node-client/scenarios.mjs) and by plain HTTP.
 */
class SocketIoTransportIT {

  private static final int MAX_PAYLOAD = 200_000;

  private static TestServer server;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.defaultOptions().withMaxPayloadBytes(MAX_PAYLOAD));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void javalinRouteAndSocketIoShareOnePort() throws Exception {
    HttpResponse<String> route = get("/api/health", null);
    HttpResponse<String> handshake = get("/socket.io/?EIO=4&transport=polling", null);

    assertThat(route.statusCode()).isEqualTo(200);
    assertThat(route.body()).isEqualTo("ok");
    assertThat(handshake.statusCode()).isEqualTo(200);
    assertThat(handshake.body()).startsWith("0{\"sid\"").contains("\"upgrades\": [\"websocket\"]");
  }

  @Test
  void connectsOverWebsocketPollingAndUpgrade() throws Exception {
    JSONObject result = NodeClient.run(server.baseUrl(), "transports");

    assertThat(transport(result, "websocket")).containsExactly("websocket", "websocket");
    assertThat(transport(result, "polling")).containsExactly("polling", "polling");
    assertThat(transport(result, "upgrade")).containsExactly("polling", "websocket");
    for (String mode : new String[] {"websocket", "polling", "upgrade"}) {
      JSONObject reply = result.getJSONObject(mode).getJSONObject("reply");
      assertThat(reply.getBoolean("ok")).isTrue();
      assertThat(reply.getJSONObject("data").getString("userId")).isEqualTo("alice");
    }
  }

  @Test
  void acknowledgementsCarryOkOrError() throws Exception {
    JSONObject result = NodeClient.run(server.baseUrl(), "acks");

    JSONObject echo = result.getJSONObject("echo");
    assertThat(echo.getBoolean("ok")).isTrue();
    assertThat(echo.getJSONObject("data").getString("text")).isEqualTo("héllo ✓ 你好");
    // compared as JSON text: org.json reads 2.5 as BigDecimal, not Double
    assertThat(echo.getJSONObject("data").getJSONObject("nested").getJSONArray("list").toString())
        .isEqualTo("[1,2.5,true,null]");
    assertThat(result.getJSONObject("fail").toMap())
        .isEqualTo(
            new JSONObject(
                    "{\"ok\":false,\"error\":{\"code\":\"forbidden\",\"message\":\"not yours\"}}")
                .toMap());
    assertThat(errorCode(result, "boom")).isEqualTo("internal");
    assertThat(errorCode(result, "notAnObject")).isEqualTo("invalid");
    assertThat(result.getJSONObject("afterAll").getJSONObject("data").getString("still"))
        .isEqualTo("alive");
  }

  @Test
  void roomBroadcastsReachTheRightSockets() throws Exception {
    JSONObject seen = NodeClient.run(server.baseUrl(), "rooms");

    assertThat(texts(seen, "bob", "said")).containsExactly("first");
    assertThat(texts(seen, "alice2", "said")).containsExactly("second");
    assertThat(texts(seen, "alice1", "said")).isEmpty();
    assertThat(texts(seen, "carol", "said")).isEmpty();

    assertThat(events(seen, "bob", "typing")).hasSize(1);
    assertThat(events(seen, "alice1", "typing")).isEmpty();
    assertThat(events(seen, "alice2", "typing")).isEmpty();

    assertThat(texts(seen, "alice1", "notified")).containsExactly("ping");
    assertThat(texts(seen, "alice2", "notified")).containsExactly("ping");
    assertThat(events(seen, "bob", "notified")).isEmpty();
    assertThat(events(seen, "carol", "notified")).isEmpty();
  }

  @Test
  void handshakeTokenIsRequiredAndReadFromEveryPlace() throws Exception {
    JSONObject result = NodeClient.run(server.baseUrl(), "auth");

    for (String refused :
        new String[] {
          "missing",
          "badAuthToken",
          "badAuthTokenPolling",
          "nonStringToken",
          "badAuthWinsOverGoodCookie",
          "adminNamespaceBad"
        }) {
      assertThat(result.getJSONObject(refused).optString("error"))
          .as(refused)
          .isEqualTo("unauthorized");
    }
    assertThat(userId(result, "bearerHeaderWebsocket")).isEqualTo("bob");
    assertThat(userId(result, "bearerHeaderPolling")).isEqualTo("bob");
    assertThat(userId(result, "queryParam")).isEqualTo("carol");
    assertThat(userId(result, "cookie")).isEqualTo("alice");
    assertThat(userId(result, "adminNamespaceGood")).isEqualTo("alice");
    assertThat(result.getJSONObject("retryAfterRefusal").toMap())
        .containsEntry("firstError", "unauthorized")
        .containsEntry("userId", "bob");
  }

  @Test
  void refusedClientGetsConnectErrorAndNoEventIsProcessed() throws Exception {
    int handledBefore = server.handledEvents.get();

    JSONObject result = NodeClient.run(server.baseUrl(), "raw");

    // engine.io strips its own "4" (message) prefix: on the wire these are 44{...} and
    // 44/admin,{...}
    assertThat(result.getJSONArray("received").toList())
        .containsExactly(
            "4{\"message\":\"unauthorized\"}", "4/admin,{\"message\":\"unauthorized\"}");
    assertThat(result.getBoolean("stillOpen"))
        .isTrue(); // like Node: the client may retry with a new token
    assertThat(server.handledEvents.get()).isEqualTo(handledBefore);
  }

  @Test
  void foreignOriginsAreRefusedOnBothTransports() throws Exception {
    JSONObject result = NodeClient.run(server.baseUrl(), "origin", TestServer.ALLOWED_ORIGIN);

    assertThat(result.getJSONObject("pollingEvil").has("error")).isTrue();
    assertThat(result.getJSONObject("websocketEvil").has("error")).isTrue();
    assertThat(result.getJSONObject("pollingAllowed").optBoolean("connected")).isTrue();
    assertThat(result.getJSONObject("websocketAllowed").optBoolean("connected")).isTrue();
    assertThat(result.getJSONObject("pollingSameOrigin").optBoolean("connected")).isTrue();
  }

  @Test
  void pollingCorsHeadersOnlyForListedOrigins() throws Exception {
    String handshake = "/socket.io/?EIO=4&transport=polling";
    HttpResponse<String> evil = get(handshake, "http://evil.example");
    HttpResponse<String> allowed = get(handshake, TestServer.ALLOWED_ORIGIN);
    HttpResponse<String> preflight =
        http.send(
            HttpRequest.newBuilder(uri(handshake))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", TestServer.ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(evil.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(allowed.statusCode()).isEqualTo(200);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(TestServer.ALLOWED_ORIGIN);
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue(TestServer.ALLOWED_ORIGIN);
  }

  @Test
  void malformedAndLegacyRequestsAreRefusedWithoutServerErrors() throws Exception {
    assertThat(get("/socket.io/", null).statusCode()).isEqualTo(400);
    assertThat(get("/socket.io/?EIO=4&transport=polling&EIO=4", null).statusCode()).isEqualTo(400);
    assertThat(get("/socket.io/?EIO=3&transport=polling", null).statusCode()).isEqualTo(400);
  }

  /** The Node client offers permessage-deflate by default; the server must decline it. */
  @Test
  void websocketUpgradeNegotiatesNoCompression() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.app.port())) {
      socket.setSoTimeout(5000);
      String request =
          "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
              + "Host: 127.0.0.1:"
              + server.app.port()
              + "\r\n"
              + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
              + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
              + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      String head = readHead(socket.getInputStream());

      assertThat(head).startsWith("HTTP/1.1 101");
      assertThat(head.toLowerCase(Locale.ROOT)).doesNotContain("sec-websocket-extensions");
    }
  }

  @Test
  void payloadLimitAppliesToBothTransports() throws Exception {
    JSONObject result = NodeClient.run(server.baseUrl(), "payload", String.valueOf(MAX_PAYLOAD));

    for (String transport : new String[] {"polling", "websocket"}) {
      JSONObject outcome = result.getJSONObject(transport);
      assertThat(outcome.getInt("bigEchoLength"))
          .as(transport)
          .isEqualTo((int) (MAX_PAYLOAD * 0.8));
      assertThat(outcome.getString("tooBig"))
          .as(transport)
          .isIn("transport error", "transport close");
    }
  }

  /**
   * A thread per connection could not serve 200 connections from a 16-thread Jetty pool (which also
   * runs the acceptor and selector); event delivery and long-polls must all be non-blocking.
   */
  @Test
  void connectionsDoNotEachTakeAThread() throws Exception {
    try (TestServer small = TestServer.start(TestServer.defaultOptions(), 16);
        NodeClient client = NodeClient.start(small.baseUrl(), "hold", "100", "100")) {
      assertThat(client.nextLine().getInt("ready")).isEqualTo(200);
      JSONObject afterwards = NodeClient.run(small.baseUrl(), "acks");
      assertThat(afterwards.getJSONObject("echo").getBoolean("ok")).isTrue();
      System.out.printf(
          "200 connections held by a 16-thread pool; JVM threads: %d%n",
          ManagementFactory.getThreadMXBean().getThreadCount());
      assertThat(client.finish().getInt("closed")).isEqualTo(200);
    }
  }

  @Test
  void pingSettingsReachTheClientAndKeepIdleConnectionsAlive() throws Exception {
    SocketIoTransportOptions fastPing =
        TestServer.defaultOptions().withPing(Duration.ofMillis(500), Duration.ofMillis(500));
    try (TestServer pinging = TestServer.start(fastPing)) {
      JSONObject result = NodeClient.run(pinging.baseUrl(), "ping");

      for (String transport : new String[] {"polling", "websocket"}) {
        JSONObject outcome = result.getJSONObject(transport);
        assertThat(outcome.getInt("pingInterval")).as(transport).isEqualTo(500);
        assertThat(outcome.getInt("pings")).as(transport).isGreaterThanOrEqualTo(4);
        assertThat(outcome.getBoolean("stillConnected")).as(transport).isTrue();
        assertThat(outcome.getBoolean("ackOk")).as(transport).isTrue();
      }
    }
  }

  /** A rough number, not a benchmark: client and server share the machine's cores. */
  @Test
  void echoWithAckThroughput() throws Exception {
    JSONObject websocket = NodeClient.run(server.baseUrl(), "bench", "10", "5", "websocket");
    JSONObject polling = NodeClient.run(server.baseUrl(), "bench", "10", "3", "polling");
    for (JSONObject result : new JSONObject[] {websocket, polling}) {
      System.out.printf(
          "echo-with-ack, 10 %s clients: %d acks in %.1f s = %d msg/s%n",
          result.getString("transport"),
          result.getInt("acks"),
          result.getDouble("seconds"),
          result.getInt("perSecond"));
    }
    assertThat(websocket.getInt("perSecond")).isGreaterThan(500);
    assertThat(polling.getInt("perSecond")).isGreaterThan(50);
  }

  private static String[] transport(JSONObject result, String mode) {
    JSONObject outcome = result.getJSONObject(mode);
    return new String[] {outcome.getString("initial"), outcome.getString("after")};
  }

  private static String errorCode(JSONObject result, String name) {
    JSONObject reply = result.getJSONObject(name);
    assertThat(reply.getBoolean("ok")).isFalse();
    return reply.getJSONObject("error").getString("code");
  }

  private static String userId(JSONObject result, String name) {
    return result.getJSONObject(name).optString("userId", result.getJSONObject(name).toString());
  }

  private static JSONArray events(JSONObject seen, String client, String event) {
    return seen.getJSONObject(client).optJSONArray(event, new JSONArray());
  }

  private static List<String> texts(JSONObject seen, String client, String event) {
    JSONArray list = events(seen, client, event);
    return IntStream.range(0, list.length())
        .mapToObj(i -> list.getJSONObject(i).getString("text"))
        .toList();
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.append((char) b);
    }
    return head.toString();
  }

  private static HttpResponse<String> get(String path, String origin) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }
}
