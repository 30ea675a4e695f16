package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.TestApp;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * A long-polling client that pipelines its GETs on one connection and never reads the answers must
 * hold up nobody else (docs/RELIABILITY.md, "a polling client that stops reading").
 *
 * <p>engine.io-server answers a waiting poll on whichever thread sends to the session, the emitting
 * thread included. Once such a client's connection could take no more, a blocking write of its next
 * answer held that thread, and every delivery on the node, until Jetty's idle timeout. Here the
 * client's receive buffer is small and it sends its own messages in a chat it joined, within the
 * per-socket and per-user limits, so each comes back twice (the ack and its own copy of the event);
 * an agent answers in that chat, so the emitting thread writes to the client whatever the client
 * itself still gets through. Another user, on a websocket, sends a message every 200 ms alongside:
 * both acks must come within 2 s, and {@code /health} must stay 200.
 *
 * <p>Messages are 50,000 characters (the default limit is 5,000) so the connection's buffers fill
 * within seconds wherever the kernel lets a send buffer grow to (4 MB here; with 5,000 characters,
 * {@code -Dflood.chars=5000 -Dflood.seconds=40}, the node stalled after 264 messages, 14 s).
 */
class NonReadingPollerIT {
  private static final int CONTENT_CHARS = Integer.getInteger("flood.chars", 50_000);

  /** Messages per POST: the per-socket limit's burst is 40, its rate 20 per second. */
  private static final int PER_POST = 4;

  private static final Duration FLOOD = Duration.ofSeconds(Long.getLong("flood.seconds", 15));
  private static final Duration PROMPT = Duration.ofSeconds(2);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void aPollerThatNeverReadsHoldsUpNobodyElse() throws Exception {
    try (TestApp t =
        TestApp.start(Engine.SQLITE, Map.of("MAX_MESSAGE_LENGTH", String.valueOf(CONTENT_CHARS)))) {
      Login flooder = t.http.newUser("flooder@example.com");
      String floodChat = t.http.openChat(flooder, "flood", "hello");
      Login other = t.http.newUser("other@example.com");
      String otherChat = t.http.openChat(other, "other", "hello");

      String session = openPollingSession(t.baseUrl(), flooder.accessToken(), floodChat);
      try (RawSocketIoClient agent =
              RawSocketIoClient.connect(t.baseUrl(), t.http.admin().accessToken());
          RawSocketIoClient probe = RawSocketIoClient.connect(t.baseUrl(), other.accessToken());
          Socket pipelined = new Socket()) {
        assertThat(agent.sendWithAck("join_support_chat", chat(floodChat))).contains("\"ok\":true");
        // Small, so that little of what is sent waits on the client's side (the kernel doubles it).
        pipelined.setReceiveBufferSize(4096);
        pipelined.connect(new InetSocketAddress("127.0.0.1", t.app.port()), 5_000);
        startPipelining(pipelined, session, 5_000);
        Flood flood = new Flood(t.baseUrl() + session, floodChat);
        flood.start();

        long end = System.nanoTime() + FLOOD.toNanos();
        int round = 0;
        long slowestMillis = 0;
        while (System.nanoTime() < end) {
          long start = System.nanoTime();
          // The agent answers in the flooder's chat, so the emitting thread writes to the flooder
          // whatever the flooder itself still gets through.
          int reply = agent.emit("send_support_message", message(floodChat, "reply " + round));
          int own = probe.emit("send_support_message", message(otherChat, "probe " + round));
          try {
            assertThat(probe.awaitAck(own, PROMPT)).contains("\"ok\":true");
            assertThat(agent.awaitAck(reply, PROMPT)).contains("\"ok\":true");
          } catch (AssertionError late) {
            throw new AssertionError(
                "round "
                    + round
                    + ", after "
                    + flood.sent
                    + " flood messages ("
                    + flood.stopped
                    + "): "
                    + late.getMessage()
                    + "\n"
                    + emittingThread(),
                late);
          }
          slowestMillis = Math.max(slowestMillis, (System.nanoTime() - start) / 1_000_000);
          round++;
          Thread.sleep(200);
        }
        flood.interrupt();
        flood.join(PROMPT.toMillis());
        System.out.printf(
            "NON-READING POLLER: %d flood messages posted (%s), %d rounds, slowest acks %d ms%n",
            flood.sent, flood.stopped, round, slowestMillis);
        assertThat(health(t.baseUrl())).as("/health after the flood").isEqualTo(200);
      }
    }
  }

  private static String chat(String chatId) {
    return "{\"chatId\":\"" + chatId + "\"}";
  }

  private static String message(String chatId, String content) {
    return "{\"chatId\":\"" + chatId + "\",\"content\":\"" + content + "\"}";
  }

  /**
   * The flooding client's messages, {@value #PER_POST} per POST on a connection of their own, at
   * about 18 per second: under the per-socket limit (20 per second) and, for the test's length, the
   * per-user one (600 per minute).
   */
  private final class Flood extends Thread {
    private final String url;
    private final String chatId;
    volatile int sent;
    volatile String stopped = "still posting";

    Flood(String url, String chatId) {
      super("flood");
      setDaemon(true);
      this.url = url;
      this.chatId = chatId;
    }

    @Override
    public void run() {
      String content = "x".repeat(CONTENT_CHARS);
      try {
        while (!isInterrupted()) {
          List<String> packets = new ArrayList<>();
          for (int i = 0; i < PER_POST; i++) {
            packets.add(
                "42"
                    + (sent + i + 1)
                    + new JSONArray()
                        .put("send_support_message")
                        .put(new JSONObject(Map.of("chatId", chatId, "content", content))));
          }
          post(url, String.join("\u001e", packets));
          sent += PER_POST;
          Thread.sleep(220);
        }
      } catch (InterruptedException done) {
        stopped = "stopped";
      } catch (Exception | AssertionError e) {
        // the flooding client's own requests may wait: only the other user's matter here
        stopped = e.toString();
      }
    }
  }

  /** Where the emitting thread is, for a failure's message. */
  private static String emittingThread() {
    StringBuilder where = new StringBuilder();
    Thread.getAllStackTraces()
        .forEach(
            (thread, stack) -> {
              if (thread.getName().contains("emitter")) {
                where.append(thread.getName()).append(":\n");
                for (int i = 0; i < Math.min(stack.length, 25); i++) {
                  where.append("  at ").append(stack[i]).append('\n');
                }
              }
            });
    return where.toString();
  }

  /**
   * A polling session of {@code token}'s user, connected to "/" and in {@code chatId}'s room; its
   * query string.
   */
  private String openPollingSession(String baseUrl, String token, String chatId) throws Exception {
    String handshake = get(baseUrl + "/socket.io/?EIO=4&transport=polling");
    String sid = new JSONObject(handshake.substring(1)).getString("sid");
    String session = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
    post(baseUrl + session, "40{\"token\":\"" + token + "\"}");
    assertThat(get(baseUrl + session)).contains("40{");
    post(baseUrl + session, "420[\"join_support_chat\",{\"chatId\":\"" + chatId + "\"}]");
    assertThat(get(baseUrl + session)).contains("430[{\"ok\":true");
    return session;
  }

  /** Writes {@code count} poll GETs for {@code session} on {@code socket}, never reading. */
  private static void startPipelining(Socket socket, String session, int count) {
    byte[] poll =
        ("GET " + session + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    Thread writer =
        new Thread(
            () -> {
              try {
                OutputStream out = socket.getOutputStream();
                for (int i = 0; i < count; i++) {
                  out.write(poll);
                }
                out.flush();
              } catch (IOException closed) {
                // the test is over
              }
            },
            "pipelined-polls");
    writer.setDaemon(true);
    writer.start();
  }

  private String get(String url) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("GET %s", url).isEqualTo(200);
    return r.body();
  }

  private void post(String url, String body) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as("POST %s: %s", url, r.body()).isEqualTo(200);
  }

  private int health(String baseUrl) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                .timeout(Duration.ofSeconds(10))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }
}
