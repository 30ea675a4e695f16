package dev.supportchat.webhook;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.OutboxState;
import dev.supportchat.testing.ServerProcess;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import dev.supportchat.testing.WebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Webhooks against a real HTTP receiver that checks signatures, goes down and comes back: every
 * event arrives, none twice by delivery id; on both engines; and across a server killed mid-retry.
 */
class WebhookDeliveryIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final List<String> ALL =
      List.of(
          "chat.created", "message.created", "chat.status_changed", "chat.assigned", "chat.rated");

  private static String register(HttpTestClient http, Login admin, WebhookReceiver receiver) {
    Response r =
        http.post(
            "/api/v1/webhooks",
            Map.of("url", receiver.url(), "events", ALL, "description", "CRM"),
            admin.accessToken());
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
    receiver.secret(r.data().get("secret").asText());
    assertThat(r.data().get("secret").asText()).startsWith("whsec_");
    return r.data().get("_id").asText();
  }

  /** A conversation that fires every chat event but rated; returns the events it fired. */
  private static List<String> conversation(HttpTestClient http, Login admin, String email) {
    Login user = http.newUser(email);
    String chatId =
        http.post("/api/v1/chats/support", Map.of("message", "Hello"), user.accessToken())
            .data()
            .get("_id")
            .asText();
    ok(http.post("/api/v1/chats/" + chatId + "/assign", Map.of(), admin.accessToken()));
    ok(
        http.post(
            "/api/v1/chats/" + chatId + "/messages", Map.of("content", "Hi"), admin.accessToken()));
    ok(
        http.put(
            "/api/v1/chats/" + chatId + "/status",
            Map.of("status", "resolved"),
            admin.accessToken()));
    ok(
        http.post(
            "/api/v1/chats/" + chatId + "/messages",
            Map.of("content", "One more"),
            user.accessToken()));
    return List.of(
        "chat.created",
        "message.created",
        "chat.assigned",
        "chat.status_changed",
        "message.created",
        "chat.status_changed",
        "message.created",
        "chat.status_changed");
  }

  private static void ok(Response r) {
    assertThat(r.status()).as(r.raw()).isIn(200, 201);
  }

  private static List<String> events(List<JsonNode> deliveries) {
    List<String> events = new ArrayList<>();
    deliveries.forEach(d -> events.add(d.path("event").asText()));
    return events;
  }

  private static Set<String> ids(List<JsonNode> deliveries) {
    Set<String> ids = new HashSet<>();
    deliveries.forEach(d -> ids.add(d.path("id").asText()));
    return ids;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void everyEventArrivesSignedAndOnceThoughTheReceiverWasDown(Engine engine) throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver().start();
        TestApp t =
            TestApp.start(
                engine, Map.of("WEBHOOKS_ALLOW_PRIVATE", "on", "OUTBOX_FIRST_RETRY", "1s"))) {
      Login admin = t.http.admin();
      String endpoint = register(t.http, admin, receiver);

      List<String> fired = conversation(t.http, admin, "ann@example.com");
      List<JsonNode> got = receiver.awaitAccepted(fired.size(), WAIT);
      assertThat(events(got)).containsExactlyInAnyOrderElementsOf(fired);
      JsonNode created =
          got.stream()
              .filter(d -> d.path("event").asText().equals("chat.created"))
              .findFirst()
              .orElseThrow();
      assertThat(created.path("data").path("chat").path("status").asText()).isEqualTo("open");

      receiver.stop();
      List<String> more = conversation(t.http, admin, "bob@example.com");
      Outbox outbox = new Outbox(t.app.database());
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (outbox.recent(endpoint, 100).stream()
                  .filter(r -> r.attempts() >= 1 && r.state().equals("pending"))
                  .count()
              < more.size()
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      receiver.start();
      t.clock.advance(Duration.ofSeconds(3));
      receiver.awaitAccepted(fired.size() + more.size(), WAIT);
      // Nothing pending: no delivery is under way and none will be retried (OutboxState says why).
      OutboxState.awaitNonePending(t.database.url(), WebhookEffects.KIND, WAIT);
      got = receiver.accepted();
      assertThat(got).hasSize(fired.size() + more.size());
      assertThat(ids(got)).hasSize(fired.size() + more.size());
      assertThat(receiver.repeats()).isZero();
      assertThat(receiver.badSignatures()).isZero();

      Response list =
          t.http.get("/api/v1/webhooks/" + endpoint + "/deliveries?limit=100", admin.accessToken());
      assertThat(list.status()).isEqualTo(200);
      JsonNode rows = list.data().get("deliveries");
      assertThat(rows).hasSize(fired.size() + more.size());
      int retried = 0;
      for (JsonNode r : rows) {
        assertThat(r.get("state").asText()).isEqualTo("sent");
        assertThat(r.get("lastStatus").asInt()).isEqualTo(204);
        retried += r.get("attempts").asInt() > 1 ? 1 : 0;
      }
      assertThat(retried).as("deliveries that needed a retry").isEqualTo(more.size());

      String first = rows.get(rows.size() - 1).get("_id").asText();
      Response again =
          t.http.post(
              "/api/v1/webhooks/" + endpoint + "/deliveries/" + first + "/redeliver",
              Map.of(),
              admin.accessToken());
      assertThat(again.status()).as(again.raw()).isEqualTo(201);
      got = receiver.awaitAccepted(fired.size() + more.size() + 1, WAIT);
      JsonNode redelivered = got.get(got.size() - 1);
      assertThat(redelivered.path("redeliveryOf").asText()).isEqualTo(first);
      assertThat(redelivered.path("id").asText()).isNotEqualTo(first);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void refusedTargetsCallersAndInputsGetAClearError(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      Login admin = t.http.admin();
      Login user = t.http.newUser("eve@example.com");
      String token = admin.accessToken();

      assertError(t.http.get("/api/v1/webhooks", user.accessToken()), 403, "forbidden");
      assertError(
          t.http.post(
              "/api/v1/webhooks",
              Map.of("url", "https://example.com/h", "events", ALL),
              user.accessToken()),
          403,
          "forbidden");
      assertError(t.http.get("/api/v1/webhooks", null), 401, "unauthorized");

      for (String url :
          List.of(
              "ftp://example.com/h",
              "file:///etc/passwd",
              "gopher://example.com",
              "http://127.0.0.1:8000/x",
              "http://localhost/x",
              "http://[::1]/x",
              "http://169.254.169.254/latest/meta-data",
              "http://10.0.0.5/x",
              "http://192.168.1.1/x",
              "http://100.64.0.1/x",
              "http://0.0.0.0/x",
              "http://user:pw@example.com/x",
              "not a url",
              "https://" + "a".repeat(2_100) + ".com")) {
        Response r = t.http.post("/api/v1/webhooks", Map.of("url", url, "events", ALL), token);
        assertError(r, 400, "invalid");
      }
      Response loopback =
          t.http.post(
              "/api/v1/webhooks", Map.of("url", "http://127.0.0.1/x", "events", ALL), token);
      assertThat(loopback.json().get("message").asText()).contains("WEBHOOKS_ALLOW_PRIVATE");

      assertError(
          t.http.post(
              "/api/v1/webhooks",
              Map.of("url", "https://93.184.215.14/h", "events", List.of("chat.deleted")),
              token),
          400,
          "invalid");
      assertError(
          t.http.post(
              "/api/v1/webhooks",
              Map.of("url", "https://93.184.215.14/h", "events", List.of()),
              token),
          400,
          "invalid");
      assertError(
          t.http.post(
              "/api/v1/webhooks",
              Map.of("url", "https://93.184.215.14/h", "events", "chat.created"),
              token),
          400,
          "invalid");
      assertError(t.http.post("/api/v1/webhooks", Map.of("events", ALL), token), 400, "invalid");

      List<String> created = new ArrayList<>();
      for (int i = 0; i < WebhookService.MAX_ENDPOINTS; i++) {
        Response r =
            t.http.post(
                "/api/v1/webhooks",
                Map.of("url", "https://93.184.215.14/h" + i, "events", ALL),
                token);
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        created.add(r.data().get("_id").asText());
      }
      assertError(
          t.http.post(
              "/api/v1/webhooks", Map.of("url", "https://93.184.215.14/x", "events", ALL), token),
          409,
          "conflict");
      Response listed = t.http.get("/api/v1/webhooks", token);
      assertThat(listed.data().get("endpoints")).hasSize(WebhookService.MAX_ENDPOINTS);
      assertThat(listed.raw()).doesNotContain("whsec_");

      assertError(t.http.get("/api/v1/webhooks/nope/deliveries", token), 404, "not_found");
      assertError(
          t.http.get("/api/v1/webhooks/" + created.get(0) + "/deliveries?limit=1000", token),
          400,
          "invalid");
      assertError(
          t.http.post(
              "/api/v1/webhooks/" + created.get(0) + "/deliveries/nope/redeliver", Map.of(), token),
          404,
          "not_found");
      assertError(
          t.http.put(
              "/api/v1/webhooks/" + created.get(0), Map.of("url", "http://10.1.1.1/"), token),
          400,
          "invalid");
      Response off =
          t.http.put("/api/v1/webhooks/" + created.get(0), Map.of("isActive", false), token);
      assertThat(off.status()).isEqualTo(200);
      assertThat(off.data().get("isActive").asBoolean()).isFalse();
      assertThat(
              t.http
                  .send("DELETE", "/api/v1/webhooks/" + created.get(1), null, token, Map.of())
                  .status())
          .isEqualTo(200);
      assertError(
          t.http.send("DELETE", "/api/v1/webhooks/" + created.get(1), null, token, Map.of()),
          404,
          "not_found");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aServerKilledWhileRetryingDeliversEveryEventOnceAfterItsRestart(Engine engine)
      throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver().start();
        TestDatabases.Fresh db = TestDatabases.create(engine)) {
      Path dataDir = db.dir() != null ? db.dir() : Files.createTempDirectory("sc-hook-");
      Map<String, String> env = TestApp.serverEnvironment(dataDir, db.url());
      env.put("WEBHOOKS_ALLOW_PRIVATE", "on");
      env.put("OUTBOX_FIRST_RETRY", "1s");
      try (ServerProcess server = new ServerProcess(env).start()) {
        HttpTestClient http = new HttpTestClient(server.baseUrl());
        Login admin = http.admin();
        register(http, admin, receiver);
        receiver.stop();
        List<String> fired = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          fired.addAll(conversation(http, admin, "p" + i + "@example.com"));
        }
        // Every event retried at least once (first retry after 1 s) before the kill.
        OutboxState.awaitTried(db.url(), WebhookEffects.KIND, 2, WAIT);
        server.kill9();
        receiver.start();
        server.start();
        receiver.awaitAccepted(fired.size(), Duration.ofSeconds(60));
        OutboxState.awaitNonePending(db.url(), WebhookEffects.KIND, WAIT);
        List<JsonNode> got = receiver.accepted();
        assertThat(events(got)).containsExactlyInAnyOrderElementsOf(fired);
        assertThat(ids(got)).hasSize(fired.size());
        assertThat(receiver.repeats()).isZero();
        assertThat(receiver.badSignatures()).isZero();
        System.out.printf(
            "webhooks, server killed mid-retry (%s): %d events fired, %d delivered, %d repeats%n",
            engine, fired.size(), got.size(), receiver.repeats());
      }
    }
  }
}
