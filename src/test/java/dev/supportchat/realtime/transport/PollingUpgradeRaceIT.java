package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.engineio.server.EngineIoSocket;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.LinkedList;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A send from another thread while a long-polling session is being upgraded must not break the poll
 * (docs/RELIABILITY.md, EngineSessions).
 *
 * <p>engine.io-server answers a poll GET that arrives during the upgrade with a NOOP, after
 * checking without its lock that the poll still waits and nothing is queued. This test makes a send
 * from another thread land exactly between that check and the NOOP, every time: it swaps the
 * session's write buffer for one whose {@code isEmpty()} (the last check) lets the sender run
 * first. Before the fix the sender answered the poll and the NOOP then threw a NullPointerException
 * out of the GET; with it, the sender waits for the session's lock and its event follows the NOOP.
 */
class PollingUpgradeRaceIT {

  private static TestServer server;
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final AtomicReference<EngineIoSocket> lastSession = new AtomicReference<>();

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.defaultOptions());
    server.transport.engine().on("connection", args -> lastSession.set((EngineIoSocket) args[0]));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSendDuringTheUpgradesNoopWaitsForItAndIsDeliveredOnce() throws Exception {
    String sid = handshake();
    EngineIoSocket session = lastSession.get();
    String polling = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
    assertThat(post(polling, "40{\"token\":\"tok-alice\"}").statusCode()).isEqualTo(200);
    assertThat(get(polling).body()).startsWith("40{\"sid\"");

    TextFrames listener = new TextFrames();
    BlockingQueue<String> frames = listener.received;
    WebSocket ws =
        http.newWebSocketBuilder()
            .buildAsync(
                URI.create(
                    server.baseUrl().replace("http", "ws")
                        + "/socket.io/?EIO=4&transport=websocket&sid="
                        + sid),
                listener)
            .get(5, TimeUnit.SECONDS);
    ws.sendText("2probe", true).get(5, TimeUnit.SECONDS);
    assertThat(frames.poll(5, TimeUnit.SECONDS)).isEqualTo("3probe");

    // The upgrade is in progress; the next poll GET gets engine.io's NOOP. Right before it, another
    // thread notifies alice (as our emitting thread would).
    Thread sender =
        new Thread(
            () ->
                server
                    .transport
                    .namespace("/")
                    .broadcast("user:alice", "notified", new JSONObject().put("text", "hi")),
            "test-sender");
    SenderFirst buffer = new SenderFirst(sender);
    swapWriteBuffer(session, buffer);

    HttpResponse<String> poll = get(polling);

    assertThat(buffer.stalled.getCount()).as("the GET reached the last check").isZero();
    assertThat(poll.statusCode()).isEqualTo(200);
    assertThat(poll.body()).isEqualTo("6");
    sender.join(5_000);
    ws.sendText("5", true).get(5, TimeUnit.SECONDS);
    assertThat(frames.poll(5, TimeUnit.SECONDS)).isEqualTo("42[\"notified\",{\"text\":\"hi\"}]");
    assertThat(frames.poll(300, TimeUnit.MILLISECONDS)).as("delivered once").isNull();
    ws.sendText("41", true).get(5, TimeUnit.SECONDS);
    ws.abort();
  }

  /**
   * engine.io's write buffer, except that the first {@code isEmpty()} asked by another thread than
   * the sender starts the sender and gives it half a second to finish before answering.
   */
  private static final class SenderFirst extends LinkedList<Object> {
    final CountDownLatch stalled = new CountDownLatch(1);
    private final Thread sender;

    SenderFirst(Thread sender) {
      this.sender = sender;
    }

    @Override
    public boolean isEmpty() {
      if (Thread.currentThread() != sender && stalled.getCount() > 0) {
        stalled.countDown();
        sender.start();
        try {
          sender.join(500); // with the fix the sender waits for the session's lock: it cannot end
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return super.isEmpty();
    }
  }

  private static void swapWriteBuffer(EngineIoSocket session, LinkedList<Object> buffer)
      throws ReflectiveOperationException {
    Field field = EngineIoSocket.class.getDeclaredField("mWriteBuffer");
    field.setAccessible(true);
    @SuppressWarnings("unchecked")
    LinkedList<Object> current = (LinkedList<Object>) field.get(session);
    assertThat(current).isEmpty();
    field.set(session, buffer);
  }

  private static String handshake() throws Exception {
    HttpResponse<String> open = get("/socket.io/?EIO=4&transport=polling");
    return new JSONObject(open.body().substring(1)).getString("sid");
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
