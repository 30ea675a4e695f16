package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client's first packets must not reach socket.io-server before ConnectAuthGate guards the
 * engine.io connection. The server here stalls every handshake in exactly that window (after
 * socket.io-server's "connection" listener, before the gate's); an unauthenticated CONNECT sent
 * meanwhile was once acknowledged and then dropped (docs/RELIABILITY.md).
 */
class HandshakeWindowIT {

  private static final long STALL_MS = 1000;

  /** What the server does in the window; each test sets its own. */
  private static volatile Runnable stall = () -> {};

  private static TestServer server;
  private static final HttpClient http = HttpClient.newHttpClient();

  /**
   * For the CONNECT: a connection of its own, as a browser's would be. Jetty reads no further
   * request on a connection until the handling of the previous one has returned.
   */
  private static final HttpClient secondConnection = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    server = TestServer.startStallingHandshakes(() -> stall.run());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * Raw long-polling, with the CONNECT posted as soon as the session id is known: the stall lasts
   * until that POST was answered, or a second if the session id only comes after it.
   */
  @Test
  void connectPostedDuringTheHandshakeIsRefused() throws Exception {
    CountDownLatch posted = new CountDownLatch(1);
    stall = () -> awaitQuietly(posted);
    try {
      HttpResponse<String> handshake = send(get("/socket.io/?EIO=4&transport=polling"));
      String sid = new JSONObject(handshake.body().substring(1)).getString("sid");
      String session = "/socket.io/?EIO=4&transport=polling&sid=" + sid;

      // engine.io MESSAGE (4) carrying a Socket.IO CONNECT (0) without a token
      HttpResponse<String> connect =
          secondConnection.send(
              HttpRequest.newBuilder(uri(session))
                  .POST(HttpRequest.BodyPublishers.ofString("40"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      posted.countDown();
      HttpResponse<String> answer = send(get(session));

      assertThat(connect.statusCode()).isEqualTo(200);
      assertThat(answer.body())
          .contains("44{\"message\":\"unauthorized\"}")
          .doesNotContain("40{\"sid\"");
    } finally {
      stall = () -> {};
    }
  }

  /** The official client, which sends its CONNECT right after the engine opened. */
  @Test
  void officialClientWithABadTokenIsRefusedOnEveryTransport() throws Exception {
    stall = HandshakeWindowIT::sleepQuietly;
    try {
      JSONObject result = NodeClient.run(server.baseUrl(), "refusedOnEachTransport");

      assertThat(result.toMap())
          .containsEntry("polling", "unauthorized")
          .containsEntry("upgrade", "unauthorized")
          .containsEntry("websocket", "unauthorized");
    } finally {
      stall = () -> {};
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(STALL_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepQuietly() {
    awaitQuietly(new CountDownLatch(1));
  }

  private static HttpRequest get(String path) {
    return HttpRequest.newBuilder(uri(path)).build();
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create(server.baseUrl() + path);
  }
}
