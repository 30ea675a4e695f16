package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
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

  /**
   * Methods are case-sensitive, so "get" and "Post" reach the servlet as other methods; but
   * engine.io-server compares them ignoring case. It took such a "get" for a handshake, answered
   * before the connect-auth gate guarded the session (HeldHandshakeResponse), and such a "post" for
   * a POST whose body it read itself: past the payload limit and unchecked.
   */
  @Test
  void getOrPostInAnyOtherCaseIsRefusedAndReachesNoSession() throws Exception {
    for (String method : new String[] {"get", "Get", "gET"}) {
      HttpResponse<String> handshake = send(method, "/socket.io/?EIO=4&transport=polling", null);
      assertThat(handshake.statusCode()).as(method).isEqualTo(400);
      assertThat(handshake.body()).as(method).doesNotContain("\"sid\"");
    }
    String sid = sid();
    for (String method : new String[] {"post", "Post"}) {
      // A small body: one the server does not read is cut short when it answers, which the client
      // may see as a broken connection rather than the 400.
      assertThat(send(method, polling(sid), "4hi").statusCode()).as(method).isEqualTo(400);
    }
  }

  /**
   * A client sending its POST's body slowly holds no session's lock: while it does, others still
   * reach its session. (A "post" once let engine.io-server read the body holding the lock: the
   * server's emit to that session, on another client's request, waited as long as the body did.)
   */
  @Test
  void aSlowBodyStallsNoOneWhoEmitsToItsSession() throws Exception {
    String alice = connected("tok-alice");
    String bob = connected("tok-bob");
    for (String method : new String[] {"POST", "post"}) {
      try (Socket slow = new Socket("127.0.0.1", server.app.port())) {
        slow.getOutputStream()
            .write(
                (method
                        + " "
                        + polling(alice)
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n4")
                    .getBytes(StandardCharsets.US_ASCII));
        slow.getOutputStream().flush();
        Thread.sleep(200); // the server has the request and waits for the rest of its body

        CompletableFuture<HttpResponse<String>> notify =
            http.sendAsync(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + polling(bob)))
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "42[\"notify\",{\"userId\":\"alice\",\"text\":\"hi\"}]"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(notify.get(3, TimeUnit.SECONDS).statusCode()).as(method).isEqualTo(200);
      }
    }
  }

  /** A polling session connected to "/" with {@code token}; its CONNECT ack read. */
  private static String connected(String token) throws Exception {
    String sid = sid();
    assertThat(send("POST", polling(sid), "40{\"token\":\"" + token + "\"}").statusCode())
        .isEqualTo(200);
    assertThat(send("GET", polling(sid), null).body()).startsWith("40{\"sid\"");
    return sid;
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

  /**
   * A second GET while one is parked: the protocol answers it 400 and ends the session (the JS
   * server's "overlap from client"). engine.io-server threw a NullPointerException out of it
   * instead (a 500 page naming it, and a warning with a stack trace in the log for each such
   * request).
   */
  @Test
  void aPollWhileAnotherIsParkedGets400AndEndsTheSession() throws Exception {
    String alice = server.pollingSession("tok-alice");
    try (Socket parked = new Socket("127.0.0.1", server.app.port())) {
      parked
          .getOutputStream()
          .write(
              ("GET " + alice + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(300); // parked
      HttpResponse<String> overlap = send("GET", alice, null);
      assertThat(overlap.statusCode()).as(overlap.body()).isEqualTo(400);
      assertThat(overlap.body()).doesNotContain("NullPointerException");
    }
    assertThat(send("POST", alice, "6").body()).contains("Session ID unknown");
    String bob = server.pollingSession("tok-bob");
    server.notify("bob", "still here");
    assertThat(send("GET", bob, null).body()).contains("still here");
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return server.send(method, path, body);
  }
}
