package dev.supportchat.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.MutableClock;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code /metrics}: absent without {@code METRICS_TOKEN}, refused without the token, and with it
 * the Prometheus text of what the issue lists, after real REST and Socket.IO traffic (the official
 * socket.io-client), on both engines; Redis lag and reconnects with two nodes.
 */
class MetricsIT {
  private static final String TOKEN = "metrics-token-0123456789abcdef";
  private static final Map<String, String> ON = Map.of("METRICS_TOKEN", TOKEN);
  private static final String USER_WEBSOCKETS =
      "socketio_connections\\{role=\"user\",transport=\"websocket\"\\}";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void withoutTheSettingThereIsNoMetricsRoute(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Response r = t.http.send("GET", "/metrics", null, null, Map.of());
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.errorCode()).isEqualTo("not_found");
      assertThat(t.app.routes()).noneMatch(route -> route.path().equals("/metrics"));
    }
  }

  @Test
  void aTokenShorterThan16CharactersStopsStartUp() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> TestApp.start(Engine.SQLITE, Map.of("METRICS_TOKEN", "short")))
        .hasMessageContaining("METRICS_TOKEN must be at least 16 characters");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void metricsNeedTheTokenAndCoverRequestsSocketsWorkersPoolAndJvm(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, ON)) {
      for (String wrong :
          new String[] {null, "Bearer " + TOKEN + "x", "Bearer " + "a".repeat(30), TOKEN}) {
        Response refused =
            t.http.send(
                "GET",
                "/metrics",
                null,
                null,
                wrong == null ? Map.of() : Map.of("Authorization", wrong));
        assertThat(refused.status()).as("with %s", wrong).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("unauthorized");
        assertThat(refused.raw()).doesNotContain("jvm_");
      }
      // A user's token is not the metrics token either.
      Login ann = t.http.newUser("ann@example.com");
      assertThat(t.http.get("/metrics", ann.accessToken()).status()).isEqualTo(401);

      String chatId = openChat(t, ann);
      t.http.get("/api/v1/chats/" + chatId + "/messages", ann.accessToken());
      t.http.get("/api/v1/chats/" + "f".repeat(24) + "/messages", ann.accessToken());
      JsonNode sent =
          NodeScript.run(
              "security-sends.mjs", t.baseUrl(), ann.accessToken(), chatId, "2", "one", "two");
      assertThat(sent.get("acks").toString()).isEqualTo("[\"ok\",\"ok\"]");

      // The server hears of the closed sockets a moment after the script ends.
      String text = scrape(t);
      long deadline = System.currentTimeMillis() + 5_000;
      while (value(text, USER_WEBSOCKETS) != 0 && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
        text = scrape(t);
      }
      // HTTP by route template (ids never become labels) and status, with a histogram.
      assertThat(text)
          .contains(
              "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/chats/{chatId}/messages\",status=\"200\"")
          .contains(
              "http_server_requests_seconds_count{method=\"GET\",route=\"/api/v1/chats/{chatId}/messages\",status=\"404\"}")
          .doesNotContain(chatId);
      assertThat(value(text, "socketio_events_in_total\\{event=\"send_support_message\"\\}"))
          .isEqualTo(2);
      assertThat(
              value(text, "socketio_ack_latency_seconds_count\\{event=\"send_support_message\"\\}"))
          .isEqualTo(2);
      assertThat(value(text, "socketio_events_out_total\\{event=\"new_support_message\"\\}"))
          .isGreaterThanOrEqualTo(3);
      assertThat(value(text, USER_WEBSOCKETS)).as("both sockets closed again").isZero();
      assertThat(text)
          .contains("worker_queue_depth{worker=")
          .contains("worker_batch_size_count{worker=")
          .contains("worker_batch_duration_seconds_bucket{worker=")
          .contains("hikaricp_connections_active{pool=\"db\"}")
          .contains("jvm_memory_used_bytes")
          .contains("jvm_gc_")
          .contains("jvm_threads_live_threads");
    }
  }

  @Test
  void redisLagAndOutboxAreMeasuredBetweenTwoNodes() {
    try (TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES)) {
      MutableClock clock = new MutableClock();
      Map<String, String> env =
          Map.of(
              "METRICS_TOKEN",
              TOKEN,
              "REDIS_URL",
              "redis://127.0.0.1:6379",
              "REDIS_PREFIX",
              "sc-metrics-" + UUID.randomUUID());
      try (TestApp a = TestApp.start(db, clock, env, false);
          TestApp b = TestApp.start(db, clock, env, false)) {
        Login ann = a.http.newUser("ann@example.com");
        String chatId = openChat(a, ann);
        a.http.post(
            "/api/v1/chats/" + chatId + "/messages", Map.of("content", "again"), ann.accessToken());
        // Events are published off the request thread: wait for both, as for the other node.
        long deadline = System.currentTimeMillis() + 5_000;
        while (value(scrape(a), "redis_publish_lag_seconds_count") < 2
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(50);
        }
        assertThat(value(scrape(a), "redis_publish_lag_seconds_count")).isGreaterThanOrEqualTo(2);
        while (value(scrape(b), "redis_receive_lag_seconds_count") < 2
            && System.currentTimeMillis() < deadline) {
          Thread.sleep(50);
        }
        String other = scrape(b);
        assertThat(value(other, "redis_receive_lag_seconds_count")).isGreaterThanOrEqualTo(2);
        assertThat(other).contains("redis_outbox_depth ").contains("redis_reconnects_total ");
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static String openChat(TestApp t, Login user) {
    return t.http
        .post("/api/v1/chats/support", Map.of("message", "hello"), user.accessToken())
        .data()
        .get("_id")
        .asText();
  }

  private static String scrape(TestApp t) {
    Response r =
        t.http.send("GET", "/metrics", null, null, Map.of("Authorization", "Bearer " + TOKEN));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    return r.raw();
  }

  /** The value of the first sample whose name and labels match {@code series} (a regex). */
  private static double value(String text, String series) {
    Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
