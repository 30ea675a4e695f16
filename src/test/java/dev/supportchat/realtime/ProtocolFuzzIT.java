package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.TestApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Malformed Engine.IO and Socket.IO traffic below the JSON payloads the other fuzz tests send: each
 * case runs on a fresh authenticated connection (websocket or long-polling) and is followed by an
 * ordinary send from another user, which must be acknowledged within a second. The case may cost
 * its own connection, nothing else.
 */
class ProtocolFuzzIT {
  private static final String HUGE_COUNT =
      "5451000000-[\"send_support_message\",{\"_placeholder\":true,\"num\":0}]";
  private static final String DEEP = "[".repeat(100_000) + "]".repeat(100_000);
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  /** A websocket case: what the attacker's connection does after connecting. */
  private record WsCase(String name, Consumer<RawSocketIoClient> attack) {}

  /**
   * A polling case: the body of one POST on an authenticated polling session, and the statuses it
   * may get.
   */
  private record PollCase(String name, String body) {}

  @Test
  void malformedProtocolTrafficCostsOnlyTheConnectionThatSentIt() throws Exception {
    try (TestApp t = TestApp.start(Engine.SQLITE)) {
      Login attacker = t.http.newUser("mallory@example.com");
      Login victim = t.http.newUser("victim@example.com");
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of(), victim.accessToken())
              .data()
              .get("_id")
              .asText();
      Map<String, String> outcomes = new LinkedHashMap<>();
      try (RawSocketIoClient bystander =
          RawSocketIoClient.connect(t.baseUrl(), victim.accessToken())) {
        for (WsCase c : websocketCases()) {
          try (RawSocketIoClient client =
              RawSocketIoClient.connect(t.baseUrl(), attacker.accessToken())) {
            try {
              c.attack().accept(client);
            } catch (RuntimeException closedUnderUs) {
              // the server may hang up mid-case
            }
            outcomes.put(
                "ws " + c.name(), client.closedWithin(Duration.ofMillis(300)) ? "closed" : "open");
          }
          assertBystanderServed(bystander, chatId, "ws " + c.name());
        }
        for (PollCase c : pollingCases()) {
          Polling session = Polling.open(t.baseUrl(), attacker.accessToken());
          int status = session.post(c.body());
          // Over the cap the server may answer 413 and close before the client has sent it all;
          // the client then sees the connection end (-1). Either way the body was refused.
          if (c.body().length() > 1_000_000) {
            assertThat(status).as("polling " + c.name()).isIn(413, -1);
          } else {
            assertThat(status).as("polling " + c.name()).isIn(200, 400, 413);
          }
          outcomes.put("polling " + c.name(), String.valueOf(status));
          assertBystanderServed(bystander, chatId, "polling " + c.name());
        }
        // A deep CONNECT on a connection that has not authenticated yet.
        Polling unauthenticated = Polling.handshake(t.baseUrl());
        assertThat(unauthenticated.post("40" + DEEP)).isIn(200, 400);
        assertBystanderServed(bystander, chatId, "deep CONNECT");
      }
      assertThat(t.http.get("/health", null).status()).isEqualTo(200);
      assertThat(outcomes).hasSizeGreaterThanOrEqualTo(45);
      // The refusals that must close the connection did.
      assertThat(outcomes)
          .containsEntry("ws huge attachment count", "closed")
          .containsEntry("ws binary without header", "closed")
          .containsEntry("ws deep nesting", "closed")
          .containsEntry("ws attachments over the packet cap", "closed")
          .containsKey("polling body over the cap");
      System.out.println("protocol fuzz: " + outcomes.size() + " cases " + outcomes);
    }
  }

  private static void assertBystanderServed(
      RawSocketIoClient bystander, String chatId, String after) throws Exception {
    int id =
        bystander.emit(
            "send_support_message",
            "{\"chatId\":\""
                + chatId
                + "\",\"content\":\"after "
                + after.replace("\"", "'")
                + "\"}");
    String ack = bystander.awaitAck(id, ONE_SECOND);
    JsonNode args = HttpTestClient.JSON.readTree(ack);
    assertThat(args.get(0).path("ok").asBoolean()).as(after + ": " + ack).isTrue();
  }

  private static List<WsCase> websocketCases() {
    List<WsCase> cases = new ArrayList<>();
    Map<String, String> text = new LinkedHashMap<>();
    text.put("empty frame", "");
    text.put("unknown engine.io type", "9");
    text.put("letter as type", "x");
    text.put("control characters", "\u0000\uffff");
    text.put("empty socket.io packet", "4");
    text.put("unknown socket.io type", "47[\"x\"]");
    text.put("event without payload", "42");
    text.put("truncated json", "42[");
    text.put("object instead of array", "42{}");
    text.put("empty array", "42[]");
    text.put("number as event name", "42[1,2]");
    text.put("unterminated event", "42[\"send_support_message\"");
    text.put("huge ack id", "42999999999999999999[\"send_support_message\",{}]");
    text.put("negative ack id", "42-5[\"send_support_message\",{}]");
    text.put("unknown namespace event", "42/unknown,[\"send_support_message\",{}]");
    text.put("connect to unknown namespace", "40/unknown,{}");
    text.put("ack nobody asked for", "43[]");
    text.put("connect error from client", "44{\"message\":\"x\"}");
    text.put("huge attachment count", "4" + HUGE_COUNT);
    text.put("negative attachment count", "45-1-[\"send_support_message\"]");
    text.put("letters as attachment count", "45abc-[\"send_support_message\"]");
    text.put("zero attachments", "450-[\"send_support_message\"]");
    text.put("huge binary ack count", "46999999999-[{\"_placeholder\":true,\"num\":0}]");
    text.put(
        "attachment that never arrives",
        "451-[\"send_support_message\",{\"_placeholder\":true,\"num\":0}]");
    text.put("deep nesting", "42[\"send_support_message\"," + DEEP + "]");
    text.put(
        "text over the frame cap",
        "42[\"send_support_message\",\"" + "a".repeat(2_000_000) + "\"]");
    text.put("lone surrogate", "42[\"send_support_message\",\"\\ud800\"]");
    text.put("engine.io close", "1");
    text.put("engine.io upgrade again", "5");
    text.put("unsolicited pong", "3");
    text.put("probe ping", "2probe");
    text.forEach((name, packet) -> cases.add(new WsCase(name, c -> c.send(packet))));
    cases.add(new WsCase("binary without header", c -> c.sendBinary(new byte[] {4, 1, 2, 3})));
    cases.add(new WsCase("binary over the frame cap", c -> c.sendBinary(new byte[2_000_000])));
    cases.add(
        new WsCase(
            "attachments over the packet cap",
            c -> {
              c.send(
                  "452-[\"send_support_message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]");
              c.sendBinary(new byte[600_000]);
              c.sendBinary(new byte[600_000]);
            }));
    cases.add(
        new WsCase(
            "text while an attachment is awaited",
            c -> {
              c.send("451-[\"send_support_message\",{\"_placeholder\":true,\"num\":0}]");
              c.send("42[\"send_support_message\",{}]");
            }));
    cases.add(
        new WsCase(
            "a complete binary event",
            c -> {
              c.send("451-[\"send_support_message\",{\"_placeholder\":true,\"num\":0}]");
              c.sendBinary(new byte[] {1, 2, 3});
            }));
    return cases;
  }

  private static List<PollCase> pollingCases() {
    List<PollCase> cases = new ArrayList<>();
    cases.add(new PollCase("empty body", ""));
    cases.add(new PollCase("garbage", "garbage"));
    cases.add(new PollCase("empty socket.io packet", "4"));
    cases.add(new PollCase("truncated json", "42["));
    cases.add(new PollCase("huge attachment count", "4" + HUGE_COUNT));
    cases.add(
        new PollCase(
            "binary without header", "b" + Base64.getEncoder().encodeToString(new byte[] {4, 1})));
    cases.add(new PollCase("bad base64", "b%%%%"));
    cases.add(new PollCase("deep nesting", "42[\"x\"," + DEEP + "]"));
    cases.add(
        new PollCase("100,000 noops", String.join("\u001e", Collections.nCopies(100_000, "6"))));
    cases.add(
        new PollCase(
            "attachments over the packet cap",
            "452-[\"x\",{\"_placeholder\":true,\"num\":0},"
                + "{\"_placeholder\":true,\"num\":1}]\u001eb"
                + Base64.getEncoder().encodeToString(new byte[370_000])
                + "\u001eb"
                + Base64.getEncoder().encodeToString(new byte[370_000])));
    for (int size : new int[] {1, 1_000, 100_000, 999_999, 1_000_000}) {
      cases.add(new PollCase("body of " + size + " bytes", eventOfLength(size)));
    }
    cases.add(new PollCase("body over the cap", eventOfLength(1_000_001)));
    cases.add(new PollCase("body of 5 MB", eventOfLength(5_000_000)));
    return cases;
  }

  /**
   * A text event of exactly {@code length} bytes (ASCII); a length under the envelope is a bare
   * noop.
   */
  private static String eventOfLength(int length) {
    String head = "42[\"x\",\"";
    String tail = "\"]";
    if (length < head.length() + tail.length()) {
      return "6".repeat(length);
    }
    return head + "a".repeat(length - head.length() - tail.length()) + tail;
  }

  /** An Engine.IO long-polling session spoken by hand. */
  private static final class Polling {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String url;

    private Polling(String url) {
      this.url = url;
    }

    static Polling handshake(String baseUrl) throws Exception {
      String open =
          HTTP.send(
                  HttpRequest.newBuilder(
                          URI.create(baseUrl + "/socket.io/?EIO=4&transport=polling"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      JsonNode handshake = HttpTestClient.JSON.readTree(open.substring(1));
      return new Polling(
          baseUrl + "/socket.io/?EIO=4&transport=polling&sid=" + handshake.get("sid").asText());
    }

    static Polling open(String baseUrl, String token) throws Exception {
      Polling p = handshake(baseUrl);
      assertThat(p.post("40{\"token\":\"" + token + "\"}")).isEqualTo(200);
      String connected =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create(p.url)).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      assertThat(connected).startsWith("40{");
      return p;
    }

    int post(String body) throws Exception {
      try {
        return send(body);
      } catch (java.io.IOException closedBeforeAnswer) {
        return -1;
      }
    }

    private int send(String body) throws Exception {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .header("Content-Type", "text/plain;charset=UTF-8")
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .statusCode();
    }
  }
}
