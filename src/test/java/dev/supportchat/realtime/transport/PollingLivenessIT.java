package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A long-polling session that only posts is ended ({@link PollingLiveness}); one that polls as a
 * client does is not. Pings here every 300 ms, answered within 300 ms: a session that posts without
 * polling for 1.2 s is ended.
 */
class PollingLivenessIT {

  private static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.start(
            TestServer.defaultOptions().withPing(Duration.ofMillis(300), Duration.ofMillis(300)));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSessionThatOnlyPostsIsEndedWhileOneThatPollsLivesOn() throws Exception {
    String poster = server.pollingSession("tok-alice");
    String poller = server.pollingSession("tok-bob");
    int posts = 0;
    int polls = 0;
    HttpResponse<String> last = null;
    long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
    while (System.nanoTime() < end) {
      // What is sent to the poster waits in its session for a GET that never comes.
      notify("alice", "x".repeat(10_000));
      notify("bob", "hello");
      // The poster: a noop every 100 ms, which engine.io-server takes as a sign of life.
      if (last == null || last.statusCode() == 200) {
        last = server.send("POST", poster, "6");
        posts++;
      }
      // The poller: a client's loop, answering each ping.
      HttpResponse<String> answer = server.send("GET", poller, null);
      assertThat(answer.statusCode()).as("poll %d: %s", polls, answer.body()).isEqualTo(200);
      polls++;
      for (String packet : answer.body().split("\u001e")) {
        if (packet.equals("2")) {
          assertThat(server.send("POST", poller, "3").statusCode()).isEqualTo(200);
        }
      }
      Thread.sleep(100);
    }
    assertThat(last.statusCode())
        .as("the poster's last answer after %d posts", posts)
        .isEqualTo(400);
    assertThat(server.send("POST", poster, "6").body()).contains("Session ID unknown");
    // the poller's session outlived the poster's by seconds
    assertThat(polls).isGreaterThan(10);
    assertThat(server.send("POST", poller, "3").statusCode()).isEqualTo(200);
  }

  /**
   * A session whose parked poll's connection was reset ends, and its client has to reconnect (its
   * packets are lost). At once when the answer's write fails (engine.io-server's own rule, kept by
   * PollAnswer); when the kernel took the whole answer before it saw the reset, no write fails, and
   * the session ends once it has posted for two ping cycles without polling. Before either, it
   * lived on for as long as the client kept posting, buffering all that was sent to it.
   */
  @Test
  void aPollWhoseAnswerCannotBeWrittenEndsItsSession() throws Exception {
    String alice = server.pollingSession("tok-alice");
    try (Socket poll = new Socket()) {
      poll.connect(new InetSocketAddress("127.0.0.1", server.app.port()), 5_000);
      poll.getOutputStream().write(get(alice));
      Thread.sleep(300); // parked
      poll.setSoLinger(true, 0);
    } // closed with a reset: the answer's write fails at once
    Thread.sleep(100);
    notify("alice", "x".repeat(100_000));

    HttpResponse<String> next = awaitSessionEnd(alice);
    assertThat(next.statusCode()).as("%s", next.body()).isEqualTo(400);
    assertThat(server.send("POST", alice, "6").body()).contains("Session ID unknown");
    // another user connects and is served as before (pings here are too short for a session to
    // wait through the test without answering them)
    String bob = server.pollingSession("tok-bob");
    notify("bob", "still here");
    assertThat(server.send("GET", bob, null).body()).contains("still here");
  }

  /** The next request of {@code polling} once its session has ended, or the last tried. */
  private static HttpResponse<String> awaitSessionEnd(String polling) throws Exception {
    long end = System.nanoTime() + 5_000_000_000L;
    HttpResponse<String> next;
    do {
      Thread.sleep(100);
      next = server.send("POST", polling, "6");
    } while (next.statusCode() == 200 && System.nanoTime() < end);
    return next;
  }

  private static byte[] get(String polling) {
    return ("GET " + polling + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static void notify(String user, String text) {
    server.notify(user, text);
  }
}
