package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.ServerProcess;
import dev.supportchat.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code LOG_FORMAT=json} on a real server process: every line of its output is one JSON object
 * with time, level, logger and message, and the lines of a request carry its request id (the one
 * echoed in {@code X-Request-Id}) and, once known, the caller's user id.
 */
class JsonLogIT {

  @Test
  void everyLineIsJsonAndRequestLinesCarryTheRequestAndUserIds() throws Exception {
    Map<String, String> env = environment("json");
    try (ServerProcess server = new ServerProcess(env).start()) {
      HttpTestClient http = new HttpTestClient(server.baseUrl());
      Login ann = http.newUser("ann@example.com");
      Response me =
          http.send(
              "GET",
              "/api/v1/users/me",
              null,
              ann.accessToken(),
              Map.of("X-Request-Id", "ops-trace-12345678"));
      assertThat(me.headers().firstValue("X-Request-Id")).contains("ops-trace-12345678");
      Response anonymous = http.get("/api/v1/users/me", null);
      String generated = anonymous.headers().firstValue("X-Request-Id").orElseThrow();

      List<JsonNode> lines = waitForLine(server.log(), "ops-trace-12345678");
      for (JsonNode line : lines) {
        assertThat(
                line.has("time") && line.has("level") && line.has("logger") && line.has("message"))
            .as("a log line with time, level, logger, message: %s", line)
            .isTrue();
      }
      JsonNode request = find(lines, "ops-trace-12345678");
      assertThat(request.path("userId").asText()).isEqualTo(ann.userId());
      assertThat(request.path("message").asText()).contains("GET /api/v1/users/me 200");
      JsonNode refused = find(waitForLine(server.log(), generated), generated);
      assertThat(refused.has("userId")).as("no user on a request without a token").isFalse();
      assertThat(refused.path("message").asText()).contains("401");
    }
  }

  @Test
  void anUnknownLogFormatStopsStartUpWithOneSentence() throws Exception {
    Map<String, String> env = environment("xml");
    try (ServerProcess server = new ServerProcess(env)) {
      assertThatThrownBy(server::start)
          .hasMessageContaining("LOG_FORMAT must be text or json (got 'xml').");
    }
  }

  private static Map<String, String> environment(String logFormat) throws Exception {
    Path dataDir = Files.createTempDirectory("sc-jsonlog-");
    Map<String, String> env =
        new HashMap<>(
            TestApp.serverEnvironment(
                dataDir, "jdbc:sqlite:" + dataDir.resolve("support-chat.db")));
    env.put("LOG_FORMAT", logFormat);
    return env;
  }

  private static JsonNode find(List<JsonNode> lines, String requestId) {
    return lines.stream()
        .filter(l -> requestId.equals(l.path("requestId").asText()))
        .findFirst()
        .orElseThrow();
  }

  /** Every line of the log parsed as JSON, once a line with this request id is there. */
  private static List<JsonNode> waitForLine(Path log, String requestId) throws Exception {
    long deadline = System.currentTimeMillis() + 5_000;
    while (true) {
      List<JsonNode> lines = new ArrayList<>();
      for (String line : Files.readAllLines(log)) {
        if (!line.isBlank()) {
          try {
            lines.add(HttpTestClient.JSON.readTree(line));
          } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("a log line that is not JSON: " + line, e);
          }
        }
      }
      boolean there = lines.stream().anyMatch(l -> requestId.equals(l.path("requestId").asText()));
      if (there || System.currentTimeMillis() > deadline) {
        return lines;
      }
      Thread.sleep(50);
    }
  }
}
