package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parked poll's answer, written with Jetty's asynchronous write ({@link PollAnswer}): what a
 * client sees of it. What happens to a session whose answer is lost: {@code PollingLivenessIT}.
 */
class PollAnswerIT {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start(TestServer.defaultOptions());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Events sent while earlier answers are still being written arrive once each, in order. */
  @Test
  void eventsSentWhileAnswersAreWrittenArriveOnceInOrder() throws Exception {
    String alice = connected("tok-alice");
    int total = 2_000;
    Thread sender =
        new Thread(
            () -> {
              for (int i = 0; i < total; i++) {
                // one in seven large, so that some answers take more than one write
                String pad = i % 7 == 0 ? "p".repeat(20_000) : "";
                server
                    .transport
                    .namespace("/")
                    .broadcast("user:alice", "n", new JSONObject().put("i", i).put("pad", pad));
              }
            },
            "test-sender");
    sender.start();
    List<Integer> received = new ArrayList<>();
    long end = System.nanoTime() + 20_000_000_000L;
    while (received.size() < total && System.nanoTime() < end) {
      HttpResponse<String> answer = send("GET", alice, null);
      assertThat(answer.statusCode()).isEqualTo(200);
      for (String packet : answer.body().split("\u001e")) {
        if (packet.startsWith("42")) {
          received.add(new JSONArray(packet.substring(2)).getJSONObject(1).getInt("i"));
        } else if (packet.equals("2")) {
          send("POST", alice, "3");
        }
      }
    }
    sender.join(5_000);
    assertThat(received).isEqualTo(IntStream.range(0, total).boxed().toList());
  }

  /** The headers of an answer written by another thread are engine.io-server's, as before. */
  @Test
  void aParkedPollsAnswerCarriesItsHeaders() throws Exception {
    String alice = connected("tok-alice");
    try (Socket poll = new Socket()) {
      poll.connect(new InetSocketAddress("127.0.0.1", server.app.port()), 5_000);
      poll.setSoTimeout(5_000);
      poll.getOutputStream()
          .write(
              ("GET "
                      + alice
                      + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: "
                      + TestServer.ALLOWED_ORIGIN
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(300); // parked
      notify("alice", "héllo");
      String answer = readOne(poll.getInputStream());
      String body = "42[\"notified\",{\"from\":\"test\",\"text\":\"héllo\"}]";
      assertThat(answer)
          .startsWith("HTTP/1.1 200 OK\r\n")
          .contains("Access-Control-Allow-Origin: " + TestServer.ALLOWED_ORIGIN + "\r\n")
          .contains("Access-Control-Allow-Credentials: true\r\n")
          .contains("Content-Type: text/plain;charset=utf-8\r\n")
          .contains("Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
          .endsWith("\r\n\r\n" + body);
    }
  }

  private static void notify(String user, String text) {
    server.notify(user, text);
  }

  /** One HTTP response with a Content-Length, as text. */
  private static String readOne(InputStream in) throws Exception {
    byte[] all = new byte[0];
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) > 0) {
      byte[] more = new byte[all.length + n];
      System.arraycopy(all, 0, more, 0, all.length);
      System.arraycopy(buffer, 0, more, all.length, n);
      all = more;
      String text = new String(all, StandardCharsets.UTF_8);
      int headersEnd = text.indexOf("\r\n\r\n");
      int length = text.indexOf("Content-Length: ");
      if (headersEnd > 0 && length > 0 && length < headersEnd) {
        int bodyBytes =
            Integer.parseInt(text.substring(length + 16, text.indexOf("\r\n", length)).trim());
        int headerBytes = text.substring(0, headersEnd + 4).getBytes(StandardCharsets.UTF_8).length;
        if (all.length >= headerBytes + bodyBytes) {
          return text;
        }
      }
    }
    return new String(all, StandardCharsets.UTF_8);
  }

  private static String connected(String token) throws Exception {
    return server.pollingSession(token);
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return server.send(method, path, body);
  }
}
