package dev.supportchat.security;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.security.HostileHttp.Request;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests made as pages of other origins would make them (the Origin header set by hand): the one
 * origin listed in CORS_ORIGIN is served with CORS headers, every other one is refused, on REST and
 * on both Socket.IO transports.
 */
class CorsIT {
  private static final String ALLOWED = "https://app.example.com";

  /**
   * Not listed, a look-alike of the listed one, the listed host over the wrong scheme, and a
   * sandboxed frame.
   */
  private static final List<String> REFUSED =
      List.of(
          "https://evil.example.net",
          "https://app.example.com.evil.net",
          "http://app.example.com",
          "null");

  private static TestApp t;
  private static HostileHttp http;
  private static String token;

  @BeforeAll
  static void start() {
    t = TestApp.start(Engine.SQLITE, Map.of("CORS_ORIGIN", ALLOWED));
    http = new HostileHttp(t.baseUrl());
    token = t.http.newUser("ann@example.com").accessToken();
  }

  @AfterAll
  static void stop() {
    t.close();
  }

  private static Response fromOrigin(Request request, String origin) {
    return http.send(request.withHeader("Origin", origin), token);
  }

  @Test
  void theListedOriginReadsTheApiWithCorsHeaders() {
    Response r = fromOrigin(Request.of("GET", "/api/v1/users/me"), ALLOWED);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    assertThat(r.headers().allValues("Vary")).anyMatch(v -> v.contains("Origin"));

    Response preflight =
        fromOrigin(
            Request.of("OPTIONS", "/api/v1/chats/support")
                .withHeader("Access-Control-Request-Method", "POST"),
            ALLOWED);
    assertThat(preflight.status()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
        .contains("Authorization");
  }

  @Test
  void otherOriginsAreRefusedOnTheApiAndGetNoCorsHeaders() {
    for (String origin : REFUSED) {
      Response r = fromOrigin(Request.of("GET", "/api/v1/users/me"), origin);
      assertError(r, 403, "forbidden");
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
      Response write =
          fromOrigin(
              Request.json("POST", "/api/v1/chats/support", Map.of("message", "from " + origin)),
              origin);
      assertError(write, 403, "forbidden");
      Response preflight =
          fromOrigin(
              Request.of("OPTIONS", "/api/v1/chats/support")
                  .withHeader("Access-Control-Request-Method", "POST"),
              origin);
      assertThat(preflight.status()).as(origin).isEqualTo(403);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
          .as(origin)
          .isEmpty();
    }
    // The refused writes stored nothing: the user still has no chat.
    assertError(t.http.get("/api/v1/chats/support", token), 404, "not_found");
  }

  @Test
  void theSocketIoPollingHandshakeOnlyAnswersTheListedOrigin() {
    Request handshake = Request.of("GET", "/socket.io/?EIO=4&transport=polling");
    Response allowed = fromOrigin(handshake, ALLOWED);
    assertThat(allowed.status()).isEqualTo(200);
    assertThat(allowed.raw()).startsWith("0{\"sid\"");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    for (String origin : REFUSED) {
      Response refused = fromOrigin(handshake, origin);
      assertThat(refused.status()).as(origin).isEqualTo(403);
      assertThat(refused.raw()).doesNotContain("sid");
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
      assertThat(
              fromOrigin(Request.of("OPTIONS", "/socket.io/?EIO=4&transport=polling"), origin)
                  .status())
          .as(origin)
          .isEqualTo(403);
    }
  }

  @Test
  void theOfficialClientConnectsFromTheListedOriginOnlyOverWebsocketAndPolling() throws Exception {
    String[] args = new String[REFUSED.size() + 3];
    args[0] = t.baseUrl();
    args[1] = token;
    args[2] = ALLOWED;
    for (int i = 0; i < REFUSED.size(); i++) {
      args[i + 3] = REFUSED.get(i);
    }
    JsonNode r = NodeScript.run("security-origins.mjs", args);
    assertThat(r.path(ALLOWED).path("websocket").asText()).isEqualTo("connected");
    assertThat(r.path(ALLOWED).path("polling").asText()).isEqualTo("connected");
    for (String origin : REFUSED) {
      assertThat(r.path(origin).path("websocket").asText()).as(origin).startsWith("connect_error");
      assertThat(r.path(origin).path("polling").asText()).as(origin).startsWith("connect_error");
    }
  }
}
