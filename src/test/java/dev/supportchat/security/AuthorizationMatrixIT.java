package dev.supportchat.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.realtime.ClientEvents;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every REST route (as Javalin's router lists them) and every Socket.IO client event (as the server
 * registers them) × every {@link Caller}, each cell asserted exactly against {@link RestRules} and
 * {@link SocketRules}. A route or event without a rule fails the test, and so does a rule for a
 * route that no longer exists.
 */
class AuthorizationMatrixIT {
  private static final Map<String, String> SETTINGS = MatrixFixture.SERVER_SETTINGS;

  @ParameterizedTest(name = "authorization matrix on {0}")
  @EnumSource(Engine.class)
  void everyRouteAndEventAnswersEveryCallerExactlyAsItsRuleSays(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, SETTINGS)) {
      MatrixFixture f = new MatrixFixture(t);
      // Sockets first: the REST identify cells merge the visitor into a verified user.
      int socketCells = checkSockets(t, f);
      int restCells = checkRest(t, f);
      System.out.printf(
          "AUTHORIZATION MATRIX %s: %d REST cells (%d routes), %d socket cells (%d events)%n",
          engine,
          restCells,
          restCells / Caller.values().length,
          socketCells,
          socketCells / Caller.values().length);
    }
  }

  private static final String IDENTIFY = "POST /api/v1/widget/identify";
  private static final String LOGOUT = "POST /api/v1/users/logout";

  private static int checkRest(TestApp t, MatrixFixture f) {
    // Identify next to last: with the visitor's token it merges the visitor into a verified user.
    // Logout last: it ends the caller's session, whose token then opens nothing.
    List<String> routes =
        t.app.routes().stream()
            .map(r -> r.method() + " " + r.path())
            .sorted(
                java.util.Comparator.comparing(
                    r -> r.equals(LOGOUT) ? 2 : r.equals(IDENTIFY) ? 1 : 0))
            .toList();
    assertThat(missing(routes, RestRules.RULES.keySet()))
        .as("routes without a rule in RestRules")
        .isEmpty();
    assertThat(missing(RestRules.RULES.keySet(), routes))
        .as("rules for routes that do not exist")
        .isEmpty();
    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    for (String route : routes) {
      RestRules.Rule rule = RestRules.RULES.get(route);
      for (Caller caller : Caller.values()) {
        String cell = route + " × " + caller;
        expected.put(cell, rule.expected(caller));
        actual.put(cell, outcome(f.http.send(rule.request().apply(f), f.token(caller))));
      }
    }
    assertThat(mismatches(expected, actual))
        .as("cells whose outcome differs from the rule")
        .isEmpty();
    return actual.size();
  }

  private static List<String> mismatches(Map<String, String> expected, Map<String, String> actual) {
    return expected.keySet().stream()
        .filter(cell -> !expected.get(cell).equals(actual.get(cell)))
        .map(cell -> cell + ": expected " + expected.get(cell) + ", got " + actual.get(cell))
        .toList();
  }

  /** The items of {@code these} that {@code in} lacks. */
  private static List<String> missing(Collection<String> these, Collection<String> in) {
    return these.stream().filter(item -> !in.contains(item)).toList();
  }

  private static String outcome(Response r) {
    if (r.status() < 400) {
      return String.valueOf(r.status());
    }
    return r.status()
        + " "
        + (r.json() == null ? "(not the error envelope) " + r.raw() : r.errorCode());
  }

  private static int checkSockets(TestApp t, MatrixFixture f) throws Exception {
    assertThat(missing(ClientEvents.ALL, SocketRules.RULES.keySet()))
        .as("events without a rule in SocketRules")
        .isEmpty();
    assertThat(missing(SocketRules.RULES.keySet(), ClientEvents.ALL))
        .as("rules for events that do not exist")
        .isEmpty();
    int storedBefore = storedMessages(t, f);
    JsonNode result = NodeScript.run("security-matrix.mjs", t.baseUrl(), casesFile(f).toString());

    Map<String, String> expected = new TreeMap<>();
    Map<String, String> actual = new TreeMap<>();
    for (Caller caller : Caller.values()) {
      for (String event : ClientEvents.ALL) {
        String cell = event + " × " + caller;
        expected.put(cell, SocketRules.RULES.get(event).expected(caller));
        actual.put(cell, result.path("cells").path(caller.name()).path(event).asText("missing"));
      }
    }
    assertThat(mismatches(expected, actual))
        .as("cells whose outcome differs from the rule")
        .isEmpty();
    // Refused callers that emit anyway on a raw connection are never answered, and store nothing.
    result
        .path("answeredWithoutConnect")
        .fields()
        .forEachRemaining(
            e ->
                assertThat(e.getValue().asInt())
                    .as("events answered for " + e.getKey() + " without a connection")
                    .isZero());
    assertThat(result.path("connectAnswers").size()).isEqualTo(4);
    result
        .path("connectAnswers")
        .forEach(answer -> assertThat(answer.asText()).contains("unauthorized"));
    long allowedSends =
        expected.entrySet().stream()
            .filter(
                e ->
                    e.getKey().startsWith(ClientEvents.SEND + " ") && e.getValue().equals("ack ok"))
            .count();
    assertThat(storedMessages(t, f)).isEqualTo(storedBefore + (int) allowedSends);
    return actual.size();
  }

  private static Path casesFile(MatrixFixture f) throws Exception {
    Map<String, Object> callers = new LinkedHashMap<>();
    for (Caller caller : Caller.values()) {
      callers.put(caller.name(), f.token(caller));
    }
    List<Map<String, Object>> events =
        ClientEvents.ALL.stream()
            .map(
                event ->
                    Map.<String, Object>of(
                        "event", event, "payload", SocketRules.RULES.get(event).payload().apply(f)))
            .collect(Collectors.toList());
    Path file = Files.createTempFile("security-matrix-", ".json");
    file.toFile().deleteOnExit();
    HttpTestClient.JSON.writeValue(file.toFile(), Map.of("callers", callers, "events", events));
    return file;
  }

  private static int storedMessages(TestApp t, MatrixFixture f) {
    return t.http
        .get(f.chatPath("/messages?limit=100"), f.token(Caller.ADMIN))
        .data()
        .get("messages")
        .size();
  }
}
