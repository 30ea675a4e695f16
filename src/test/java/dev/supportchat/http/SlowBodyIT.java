package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.json.Json;
import dev.supportchat.testing.TestApp;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Clients that send request bodies slowly, or many at once (BodyFirstHandler). Before bodies were
 * read in full ahead of the handlers, 300 connections that announced a body and stalled after its
 * first byte, with no account, left {@code /health} unanswered for 20 s: every thread was blocked
 * in a read.
 */
class SlowBodyIT {
  private static final String LOGIN = "/api/v1/users/login";

  /**
   * What the first 800 KB of a body declared as 1 MB holds of the budget: its buffer, grown by half
   * from 16 KB until it holds them.
   */
  private static final long HELD_PER_PART = 944_784;

  @Test
  void stalledBodiesHoldNoThreadAndOthersAreServed() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      List<RawRequest> stalled = new ArrayList<>();
      long heapBefore = heapUsedAfterGc();
      try {
        // Each announces the largest body a route takes (an upload): buffers sized by what a
        // client announces, not by what it sent, would take 3 GB here.
        for (int i = 0; i < 300; i++) {
          RawRequest r = RawRequest.open(t, "POST", LOGIN, 10_000_000, null);
          r.send("{".getBytes(StandardCharsets.US_ASCII));
          stalled.add(r);
        }
        Thread.sleep(1_000); // every connection's body has begun
        assertThat(heapUsedAfterGc() - heapBefore).isLessThan(200_000_000L);
        long started = System.nanoTime();
        assertThat(t.http.get("/health", null).status()).isEqualTo(200);
        assertThat(t.http.admin().accessToken()).isNotBlank();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
      } finally {
        for (RawRequest r : stalled) {
          r.close();
        }
      }
    }
  }

  @Test
  void bodiesAnnouncedLargerThanAnyRouteTakesAreRefusedAtOnce() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      List<RawRequest> large = new ArrayList<>();
      try {
        for (int i = 0; i < 300; i++) {
          RawRequest r = RawRequest.open(t, "POST", LOGIN, 20_000_000, null);
          r.sendQuietly("{".getBytes(StandardCharsets.US_ASCII));
          large.add(r);
        }
        long started = System.nanoTime();
        for (RawRequest r : large) {
          RawRequest.Answer a = r.answer();
          assertThat(a.status()).isEqualTo(413);
          assertThat(a.json().path("errors").path(0).path("code").asText()).isEqualTo("too_large");
          assertThat(a.head()).containsIgnoringCase("x-request-id:");
        }
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        assertThat(t.http.get("/health", null).status()).isEqualTo(200);
      } finally {
        for (RawRequest r : large) {
          r.close();
        }
      }
    }
  }

  @Test
  void aRefusedPollingPostLeavesItsSessionAsItWas() throws Exception {
    // One address may hold one largest body: a polling POST while it holds most of one is refused.
    Map<String, String> env = Map.of("BODY_BUFFER_BYTES_PER_ADDRESS", "10551296");
    try (TestApp t = TestApp.start(Engine.SQLITE, env);
        RawRequest holding = RawRequest.open(t, "POST", LOGIN, 10_000_000, null)) {
      holding.send(new byte[9_000_000]);
      awaitHeld(t, 10_000_000);
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      String open =
          client
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create(t.baseUrl() + "/socket.io/?EIO=4&transport=polling"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString())
              .body();
      String sid = Json.MAPPER.readTree(open.substring(1)).path("sid").asText();
      String path = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
      RawRequest.Answer refused;
      try (RawRequest r = RawRequest.open(t, "POST", path, 600_000, null)) {
        r.send(new byte[600_000]);
        refused = r.answerText();
      }
      assertThat(refused.status()).isEqualTo(429);
      holding.close();
      awaitHeld(t, 0);
      // The session goes on: the client's next POST is taken.
      java.net.http.HttpResponse<String> next =
          client.send(
              java.net.http.HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
                  .POST(java.net.http.HttpRequest.BodyPublishers.ofString("40"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(next.statusCode()).isEqualTo(200);
      assertThat(next.body()).isEqualTo("ok");
    }
  }

  @Test
  void aBodyUnderTheMinimumPaceIsRefusedAndAPhoneOnA2gLinkIsNot() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      // A trickle of 10 bytes a second, refused when its first 30 s window is over; and a login
      // padded to 30 KB sent at 3 KB a second (a weak 2G link) meanwhile.
      CompletableFuture<RawRequest.Answer> trickle =
          CompletableFuture.supplyAsync(
              () -> {
                try (RawRequest r = RawRequest.open(t, "POST", LOGIN, 2_000, null)) {
                  for (int i = 0; i < 2_000 && !r.answered(); i++) {
                    r.send(new byte[] {' '});
                    Thread.sleep(100);
                  }
                  return r.answer();
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      byte[] login =
          Json.MAPPER.writeValueAsBytes(
              Map.of("email", TestApp.ADMIN_EMAIL, "password", TestApp.ADMIN_PASSWORD));
      byte[] padded = Arrays.copyOf(login, 30_000);
      Arrays.fill(padded, login.length, padded.length, (byte) ' ');
      RawRequest.Answer phone;
      try (RawRequest r = RawRequest.open(t, "POST", LOGIN, padded.length, null)) {
        for (int sent = 0; sent < padded.length; sent += 300) {
          r.send(Arrays.copyOfRange(padded, sent, Math.min(padded.length, sent + 300)));
          Thread.sleep(100);
        }
        phone = r.answer();
      }
      assertThat(phone.status()).isEqualTo(200);
      assertThat(phone.json().path("data").path("accessToken").asText()).isNotBlank();

      RawRequest.Answer slow = trickle.get();
      assertThat(slow.status()).isEqualTo(408);
      assertThat(slow.json().path("success").asBoolean(true)).isFalse();
      assertThat(slow.json().path("message").asText()).contains("too slow to send");
      assertThat(slow.json().path("errors").path(0).path("code").asText()).isEqualTo("timeout");
      assertThat(slow.head()).containsIgnoringCase("x-request-id:");
      assertThat(slow.head()).containsIgnoringCase("connection: close");
      assertThat(t.http.get("/health", null).status()).isEqualTo(200);
    }
  }

  @Test
  void oneAddressCannotTakeTheWholeBufferAndTheServerAnswers503WhenItIsFull() throws Exception {
    Map<String, String> env =
        Map.of(
            "TRUST_PROXY", "true",
            "MAX_REQUEST_BYTES", "1000000",
            "MAX_ATTACHMENT_BYTES", "100000",
            "BODY_BUFFER_BYTES_PER_ADDRESS", "1500000",
            "BODY_BUFFER_BYTES", "3000000");
    try (TestApp t = TestApp.start(Engine.SQLITE, env)) {
      byte[] part = new byte[800_000];
      Arrays.fill(part, (byte) ' ');
      List<RawRequest> open = new ArrayList<>();
      try {
        RawRequest a1 = heldPart(t, "203.0.113.7", part, open);
        awaitHeld(t, HELD_PER_PART);
        RawRequest.Answer refused = refusedBody(t, "203.0.113.7", open);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.head()).containsIgnoringCase("retry-after: 5");
        assertThat(refused.json().path("message").asText()).contains("from your network");

        // Another address is unaffected, and so are bodies that fit.
        heldPart(t, "198.51.100.9", part, open);
        assertThat(login(t, "198.51.100.9").status()).isEqualTo(200);
        heldPart(t, "192.0.2.1", part, open);
        awaitHeld(t, 3 * HELD_PER_PART);

        // 2.8 MB held of 3: the server is full for a fourth address's large body.
        RawRequest.Answer full = refusedBody(t, "192.0.2.77", open);
        assertThat(full.status()).isEqualTo(503);
        assertThat(full.head()).containsIgnoringCase("retry-after: 5");
        // A client that asks before it sends is told at once, without sending.
        try (Socket asking = new Socket("127.0.0.1", URI.create(t.baseUrl()).getPort())) {
          asking
              .getOutputStream()
              .write(
                  ("POST "
                          + LOGIN
                          + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          + "Content-Length: 1000000\r\nExpect: 100-continue\r\n"
                          + "X-Forwarded-For: 192.0.2.78\r\n\r\n")
                      .getBytes(StandardCharsets.US_ASCII));
          asking.setSoTimeout(5_000);
          String status =
              new String(asking.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
          assertThat(status).isEqualTo("HTTP/1.1 503");
        }

        // A client that goes away gives its bytes back.
        a1.close();
        awaitHeld(t, 2 * HELD_PER_PART);
        assertThat(login(t, "192.0.2.77").status()).isEqualTo(200);
        assertThat(login(t, "203.0.113.7").status()).isEqualTo(200);
      } finally {
        for (RawRequest r : open) {
          r.close();
        }
      }
    }
  }

  /** The first part of a 1 MB body from {@code address}, left open: the server holds it. */
  private static RawRequest heldPart(TestApp t, String address, byte[] part, List<RawRequest> open)
      throws IOException {
    RawRequest r = RawRequest.open(t, "POST", LOGIN, 1_000_000, address);
    open.add(r);
    r.send(part);
    return r;
  }

  /**
   * The server's answer to a 1 MB body it will not hold: read to its end and dropped, then refused,
   * so that the client still sending reads the answer.
   */
  private static RawRequest.Answer refusedBody(TestApp t, String address, List<RawRequest> open)
      throws IOException {
    byte[] body = new byte[1_000_000];
    Arrays.fill(body, (byte) ' ');
    RawRequest r = RawRequest.open(t, "POST", LOGIN, body.length, address);
    open.add(r);
    r.send(body);
    return r.answer();
  }

  private static RawRequest.Answer login(TestApp t, String address) throws Exception {
    byte[] body =
        Json.MAPPER.writeValueAsBytes(
            Map.of("email", TestApp.ADMIN_EMAIL, "password", TestApp.ADMIN_PASSWORD));
    try (RawRequest r = RawRequest.open(t, "POST", LOGIN, body.length, address)) {
      r.send(body);
      return r.answer();
    }
  }

  private static long heapUsedAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Waits until the server holds {@code bytes} of arriving bodies. */
  private static void awaitHeld(TestApp t, long bytes) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (t.app.bodyBytesHeld() != bytes && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(t.app.bodyBytesHeld()).isEqualTo(bytes);
  }
}
