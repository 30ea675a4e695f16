package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.http.FileAnswer;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Clients that download an attachment and do not read it. Each holds the thread writing it until
 * the idle timeout when written with blocking writes; 300 of them, with one free visitor session,
 * once left {@code /health} unanswered for 20 s. Downloads are now written without a thread, and
 * hold one of a bounded number of slots, in all and per client address.
 */
class DownloadSlotsIT {
  private static final String ANNS_NETWORK = "203.0.113.7";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** A download by {@code who}, read in full, from {@code address} (through a trusted proxy). */
  private static HttpResponse<byte[]> get(TestApp t, String path, Login who, String address)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
            .header("Authorization", "Bearer " + who.accessToken())
            .header("X-Forwarded-For", address)
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void downloadsThatAreNotReadHoldOnlyTheirSlotsAndOthersAreServed() throws Exception {
    // A file larger than the kernel's buffers on both ends can take (4 MB to send, up to 32 MB to
    // receive here), so that a client that does not read blocks the write.
    Map<String, String> env =
        Map.of(
            "DOWNLOADS_AT_ONCE", "4",
            "DOWNLOADS_AT_ONCE_PER_ADDRESS", "2",
            "TRUST_PROXY", "true",
            "MAX_ATTACHMENT_BYTES", "41000000");
    try (TestApp t = TestApp.start(Engine.SQLITE, env)) {
      Login ann = t.http.newUser("ann@example.com");
      Login admin = t.http.admin();
      t.createAdmin("bo@example.com", "bo-password-1");
      Login bo = t.http.login("bo@example.com", "bo-password-1");
      String chatId = t.http.openChat(ann, "A large file", "see attached");
      byte[] pdf = pdf(40_000_000);
      String url = upload(t, ann, chatId, pdf);

      List<Socket> unread = new ArrayList<>();
      try {
        // Two visitors' sessions from one address are one client here: sessions are free.
        unread.add(downloadWithoutReading(t, url, ann, ANNS_NETWORK));
        unread.add(downloadWithoutReading(t, url, admin, ANNS_NETWORK));
        HttpResponse<byte[]> third = get(t, url, bo, ANNS_NETWORK);
        assertThat(third.statusCode()).isEqualTo(429);
        assertThat(third.headers().firstValue("Retry-After")).isPresent();

        // Another address still downloads, until the server's slots are all taken.
        unread.add(downloadWithoutReading(t, url, admin, "198.51.100.9"));
        unread.add(downloadWithoutReading(t, url, admin, "198.51.100.9"));
        HttpResponse<byte[]> full = get(t, url, bo, "192.0.2.1");
        assertThat(full.statusCode()).isEqualTo(503);
        assertThat(new String(full.body(), StandardCharsets.UTF_8))
            .contains("too many files at once");

        // None of them holds a thread: each waits in Jetty for its client to read.
        long settled = System.nanoTime() + 5_000_000_000L;
        while (threadsInDownloads() > 0 && System.nanoTime() < settled) {
          Thread.sleep(50);
        }
        assertThat(threadsInDownloads()).isZero();

        // Everything else is served.
        assertThat(t.http.get("/health", null).status()).isEqualTo(200);
        assertThat(t.http.get("/api/v1/chats/" + chatId + "/messages", ann.accessToken()).status())
            .isEqualTo(200);
      } finally {
        for (Socket s : unread) {
          s.close();
        }
      }
      // Clients that hung up give their slots back.
      long deadline = System.nanoTime() + 20_000_000_000L;
      HttpResponse<byte[]> again;
      do {
        again = get(t, url, bo, ANNS_NETWORK);
      } while (again.statusCode() != 200 && System.nanoTime() < deadline);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(again.body()).isEqualTo(pdf);
    }
  }

  @Test
  void aDownloadReadMoreSlowlyThanThePaceIsCutAndItsSlotGivenBack() throws Exception {
    // 16 KB a second: each 32 KB chunk must be taken within 2 s.
    Map<String, String> env =
        Map.of(
            "DOWNLOADS_AT_ONCE_PER_ADDRESS", "1",
            "DOWNLOAD_MIN_BYTES_PER_SECOND", "16384",
            "TRUST_PROXY", "true",
            "MAX_ATTACHMENT_BYTES", "21000000");
    try (TestApp t = TestApp.start(Engine.SQLITE, env)) {
      Login ann = t.http.newUser("ann@example.com");
      String chatId = t.http.openChat(ann, "A large file", "see attached");
      byte[] pdf = pdf(20_000_000);
      String url = upload(t, ann, chatId, pdf);

      // A trickle: 100 bytes every 50 ms, 2 KB a second, which never lets the idle timeout fire.
      // What the server had sent before it cut the connection still sits in the kernel's buffers,
      // and the trickle goes on reading those: the slot is what must come back.
      try (Socket trickle = downloadWithoutReading(t, url, ann, ANNS_NETWORK)) {
        assertThat(get(t, url, ann, ANNS_NETWORK).statusCode()).isEqualTo(429); // its slot is held
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader =
            new Thread(
                () -> {
                  byte[] sip = new byte[100];
                  try {
                    while (!stop.get() && trickle.getInputStream().read(sip) > 0) {
                      Thread.sleep(50);
                    }
                  } catch (IOException | InterruptedException ended) {
                    // closed
                  }
                });
        reader.start();
        try {
          // The slot comes back within a second or two of the cut, while the trickle still reads;
          // a reader that pauses for less than a chunk's time then gets every byte.
          long started = System.nanoTime();
          byte[] body = null;
          while (body == null && System.nanoTime() - started < 10_000_000_000L) {
            Thread.sleep(100);
            body = readInBursts(t, url, ann, ANNS_NETWORK);
          }
          assertThat(body).isEqualTo(pdf);
          assertThat(reader.isAlive()).as("the trickle still reads the buffered bytes").isTrue();
        } finally {
          stop.set(true);
          trickle.close();
          reader.join();
        }
      }
      assertThat(t.http.get("/health", null).status()).isEqualTo(200);
    }
  }

  /**
   * A download read 1 MB at a time with a 200 ms pause after each (a phone between cells); null if
   * it was refused (the slot not yet back).
   */
  private static byte[] readInBursts(TestApp t, String path, Login who, String address)
      throws Exception {
    HttpResponse<java.io.InputStream> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(t.baseUrl() + path))
                .header("Authorization", "Bearer " + who.accessToken())
                .header("X-Forwarded-For", address)
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    try (java.io.InputStream in = r.body()) {
      if (r.statusCode() != 200) {
        in.readAllBytes();
        return null;
      }
      java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
      byte[] burst;
      while ((burst = in.readNBytes(1_000_000)).length > 0) {
        body.write(burst);
        Thread.sleep(200);
      }
      return body.toByteArray();
    }
  }

  /** A PDF of {@code size} bytes (its header, then filler). */
  private static byte[] pdf(int size) {
    byte[] pdf = new byte[size];
    Arrays.fill(pdf, (byte) 'x');
    System.arraycopy("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 0, pdf, 0, 9);
    return pdf;
  }

  /** Uploads {@code pdf} to the chat as {@code who}; its download's path. */
  private static String upload(TestApp t, Login who, String chatId, byte[] pdf) throws Exception {
    Response uploaded =
        AttachmentRoutesIT.upload(
            t,
            "/api/v1/chats/" + chatId + "/attachments",
            who.accessToken(),
            "big.pdf",
            "application/pdf",
            pdf);
    assertThat(uploaded.status()).isEqualTo(201);
    return uploaded.data().path("url").asText();
  }

  /** Threads inside the download route or its writer (blocking writes once held one each). */
  private static long threadsInDownloads() {
    return Thread.getAllStackTraces().values().stream()
        .filter(
            stack ->
                Arrays.stream(stack)
                    .anyMatch(
                        f ->
                            f.getClassName().startsWith(ChatRoutes.class.getName())
                                || f.getClassName().equals(FileAnswer.class.getName())))
        .count();
  }

  /**
   * A GET of {@code path} whose answer is never read beyond its status line (a tiny receive buffer
   * fills at once).
   */
  private static Socket downloadWithoutReading(TestApp t, String path, Login who, String address)
      throws IOException {
    URI base = URI.create(t.baseUrl());
    Socket s = new Socket();
    s.setReceiveBufferSize(4096);
    s.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    s.setReceiveBufferSize(4096);
    s.getOutputStream()
        .write(
            ("GET "
                    + path
                    + " HTTP/1.1\r\nHost: "
                    + base.getHost()
                    + "\r\nAuthorization: Bearer "
                    + who.accessToken()
                    + "\r\nX-Forwarded-For: "
                    + address
                    + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    // Its answer has begun: the server holds a slot and is blocked writing the rest.
    byte[] head = new byte[12];
    assertThat(s.getInputStream().readNBytes(head, 0, 12)).isEqualTo(12);
    assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
    return s;
  }
}
