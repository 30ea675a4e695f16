package dev.supportchat.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Seeded hostile input (the same cases on every run) against the real server, over REST and over the official
 * Socket.IO client: no 5xx, no unanswered event, no lost connection other than the one that sent garbage, nothing
 * stored that was not acknowledged as sent, and a normal conversation step still works afterwards.
 */
class HostileInputFuzzTest {
  static final long SEED = 20_261_125L;
  static final int REST_CASES = 1_500;
  static final int SOCKET_CASES = 700;
  private static final Map<String, String> SETTINGS = Map.of(
      "ACCESS_TOKEN_SECRET", MatrixFixture.ACCESS_SECRET,
      // The limits would answer most cases before the input is even read; they are tested on their own.
      "LOGIN_MAX_ATTEMPTS_PER_IP", "100000",
      "SOCKET_MESSAGES_PER_SECOND", "100000",
      "MESSAGES_PER_MINUTE_PER_USER", "100000");
  private static final Set<String> KNOWN_EVENT_OUTCOMES_THAT_FAIL = Set.of("no ack", "ack internal", "ack null");

  @ParameterizedTest(name = "fuzzing on {0}: " + REST_CASES + " REST + " + SOCKET_CASES + " Socket.IO cases, seed "
      + SEED)
  @EnumSource(Engine.class)
  void hostileInputNeverBreaksTheServerNorStoresGarbage(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, SETTINGS)) {
      MatrixFixture f = new MatrixFixture(t);
      String otherChatId = t.http.get("/api/v1/chats/support", f.token(Caller.OTHER_USER)).data().get("_id").asText();
      MessageLedger ledger = new MessageLedger(t.app.database());
      int usersBefore = countUsers(t);
      HostileStrings strings = new HostileStrings(new SplittableRandom(SEED));

      long started = System.nanoTime();
      RestOutcome rest = fuzzRest(t, f, strings, ledger);
      System.out.printf("FUZZ %s (seed %d): %d REST cases in %d ms, statuses %s%n", engine, SEED, REST_CASES,
          (System.nanoTime() - started) / 1_000_000, rest.statuses());
      assertThat(rest.failures()).as("REST answers that are 5xx, not the error envelope, or missing").isEmpty();
      started = System.nanoTime();
      Map<String, Integer> socketOutcomes = fuzzSockets(t, f, otherChatId, strings, ledger);
      System.out.printf("FUZZ %s (seed %d): %d Socket.IO cases in %d ms, outcomes %s%n", engine, SEED,
          SOCKET_CASES, (System.nanoTime() - started) / 1_000_000, socketOutcomes);
      assertThat(ledger.differencesFrom(t.app.database())).as("stored messages vs acknowledged ones").isEmpty();
      assertThat(countUsers(t)).as("accounts stored").isEqualTo(usersBefore + rest.registered());
      assertThat(t.http.get("/health", null).status()).isEqualTo(200);
      assertThat(t.http.get(f.chatPath("/messages"), f.token(Caller.CHAT_USER)).status()).isEqualTo(200);
    }
  }

  private record RestOutcome(Map<Integer, Integer> statuses, List<String> failures, int registered) {}

  private static RestOutcome fuzzRest(TestApp t, MatrixFixture f, HostileStrings strings, MessageLedger ledger) {
    RestFuzzCases cases = new RestFuzzCases(strings, f, t.app.routes());
    Map<Integer, Integer> statuses = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    int registered = 0;
    for (int i = 0; i < REST_CASES; i++) {
      RestFuzzCases.Case c = cases.next();
      Response r;
      try {
        r = f.http.send(c.request(), c.token());
      } catch (UncheckedIOException dropped) {
        failures.add(describe(i, c) + " → no answer: " + dropped.getCause());
        continue;
      }
      statuses.merge(r.status(), 1, Integer::sum);
      if (r.status() >= 500 || r.status() >= 400 && !isErrorEnvelope(r) && !isRefusedBeforeRouting(r)) {
        failures.add(describe(i, c) + " → " + r.status() + " " + shorten(r.raw()));
      }
      registered += recordStored(c, r, ledger);
    }
    return new RestOutcome(statuses, failures, registered);
  }

  private static String describe(int index, RestFuzzCases.Case c) {
    return "case " + index + ": " + c.request().method() + " " + shorten(c.request().path()) + " "
        + c.request().contentType() + " body " + shorten(new String(c.request().body(), StandardCharsets.UTF_8));
  }

  /** Feeds the ledger with what a successful answer says was stored; returns 1 for a new account. */
  private static int recordStored(RestFuzzCases.Case c, Response r, MessageLedger ledger) {
    if (r.status() >= 300 || r.json() == null) {
      return 0;
    }
    String route = c.routeKey();
    JsonNode data = r.data();
    if (route.equals(RestFuzzCases.SEND_ROUTE) || route.startsWith("PATCH ")) {
      // A duplicate (200 to a send) answers with the first copy, whatever this request's content was.
      boolean fresh = route.startsWith("PATCH ") || r.status() == 201;
      ledger.acknowledged(data, fresh ? sentContent(c) : null);
    } else if (route.equals("POST /api/v1/chats/support") && data.hasNonNull("lastMessage")) {
      ledger.acknowledged(data.get("lastMessage"), null);
    }
    return route.equals("POST /api/v1/users/register") && r.status() == 201 ? 1 : 0;
  }

  private static String sentContent(RestFuzzCases.Case c) {
    try {
      JsonNode body = HttpTestClient.JSON.readTree(c.request().body());
      return body != null && body.path("content").isTextual() ? body.get("content").textValue() : null;
    } catch (Exception notJson) {
      return null;
    }
  }

  private static Map<String, Integer> fuzzSockets(TestApp t, MatrixFixture f, String otherChatId,
      HostileStrings strings, MessageLedger ledger) throws Exception {
    SocketFuzzCases generator = new SocketFuzzCases(strings, f.chatId, otherChatId);
    ArrayNode cases = HostileJson.WRITER.createArrayNode();
    for (int i = 0; i < SOCKET_CASES; i++) {
      cases.add(generator.next());
    }
    Path file = Files.createTempFile("security-fuzz-", ".json");
    file.toFile().deleteOnExit();
    ObjectNode input = HostileJson.WRITER.createObjectNode().put("userToken", f.token(Caller.CHAT_USER))
        .put("adminToken", f.token(Caller.ADMIN)).put("chatId", f.chatId);
    input.set("cases", cases);
    HostileJson.WRITER.writeValue(file.toFile(), input);

    JsonNode report = NodeScript.run("security-fuzz.mjs", t.baseUrl(), file.toString());
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < SOCKET_CASES; i++) {
      JsonNode c = cases.get(i);
      String outcome = report.path("results").path(i).asText("missing");
      outcomes.merge(outcome, 1, Integer::sum);
      if (!acceptable(c, outcome)) {
        failures.add("case " + i + " " + shorten(c.toString()) + " → " + outcome);
      }
      JsonNode sent = report.path("sent").path(String.valueOf(i));
      if (!sent.isMissingNode()) {
        boolean wellFormed = c.path("wellFormed").asBoolean();
        ledger.acknowledged(sent, wellFormed ? c.path("args").path(0).path("content").textValue() : null);
      }
    }
    assertThat(failures).as("Socket.IO cases answered wrongly").isEmpty();
    JsonNode normal = report.path("normalStep");
    assertThat(normal.path("joined").asBoolean() && normal.path("sent").asBoolean()
        && normal.path("adminSaw").asBoolean() && normal.path("replied").asBoolean()
        && normal.path("userSaw").asBoolean()).as("a normal conversation step after the fuzzing: " + normal).isTrue();
    ledger.acknowledged(normal.get("sentMessage"), null);
    ledger.acknowledged(normal.get("replyMessage"), null);
    return outcomes;
  }

  /** Known events are always answered (never "internal"); unknown ones never; raw garbage may cost its connection. */
  private static boolean acceptable(JsonNode c, String outcome) {
    if (c.path("kind").asText().equals("raw")) {
      return outcome.equals("survived") || outcome.startsWith("disconnected");
    }
    boolean known = dev.supportchat.realtime.ClientEvents.ALL.contains(c.path("event").asText());
    if (!known) {
      return outcome.equals("ignored") || outcome.equals("client refused");
    }
    // "client refused": the official client would not send it (a Buffer where it cannot go); never reached us.
    return outcome.equals("client refused")
        || outcome.startsWith("ack ") && !KNOWN_EVENT_OUTCOMES_THAT_FAIL.contains(outcome);
  }

  /**
   * Jetty itself answers a request line it cannot parse (a NUL in the path, a URL over 8 KB) before any route
   * runs, with a short HTML page; acceptable as long as it reveals nothing.
   */
  private static boolean isRefusedBeforeRouting(Response r) {
    return Set.of(400, 414, 431).contains(r.status()) && r.raw().contains("<h2>HTTP ERROR " + r.status())
        && !r.raw().contains("Exception") && !r.raw().contains("jetty") && !r.raw().contains("at ");
  }

  private static boolean isErrorEnvelope(Response r) {
    return r.json() != null && r.json().path("errors").path(0).path("code").isTextual();
  }

  private static int countUsers(TestApp t) {
    return t.app.database().read(c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM users"); ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  private static String shorten(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
    return printable.length() > 160 ? printable.substring(0, 160) + "…(" + s.length() + " chars)" : printable;
  }
}
