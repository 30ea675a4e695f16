package dev.supportchat.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HostSite;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The widget's ways in, over real HTTP on both engines: visitors, identity tokens, merging. */
class WidgetIT {
  private static final Map<String, String> SETTINGS =
      Map.of("WIDGET_IDENTITY_SECRET", HostSite.SECRET);

  private static String identify(TestApp t, String token, String bearer, int status) {
    Response r = t.http.post("/api/v1/widget/identify", Map.of("token", token), bearer);
    assertThat(r.status()).as(r.raw()).isEqualTo(status);
    return status == 200 ? r.data().get("accessToken").asText() : r.json().get("message").asText();
  }

  private static String chatOf(TestApp t, String token) {
    return t.http.post("/api/v1/chats/support", Map.of(), token).data().get("_id").asText();
  }

  private static void send(TestApp t, String token, String chatId, String content) {
    Response r =
        t.http.post("/api/v1/chats/" + chatId + "/messages", Map.of("content", content), token);
    assertThat(r.status()).as(r.raw()).isEqualTo(201);
  }

  private static List<String> contents(TestApp t, String token, String chatId) {
    List<String> out = new ArrayList<>();
    t.http
        .get("/api/v1/chats/" + chatId + "/messages?limit=100", token)
        .data()
        .get("messages")
        .forEach(m -> out.add(0, m.get("content").asText()));
    return out;
  }

  private static String signed(String sub, Instant issuedAt, Duration ttl, String secret) {
    return HostSite.builder(sub, issuedAt, ttl).sign(Algorithm.HMAC256(secret));
  }

  @ParameterizedTest(name = "visitors chat without an account on {0}")
  @EnumSource(Engine.class)
  void aVisitorChatsWithoutAnAccount(Engine engine) {
    try (TestApp t = TestApp.start(engine, SETTINGS)) {
      JsonNode config = t.http.get("/api/v1/widget/config", null).data();
      assertThat(config.get("visitors").asBoolean()).isTrue();
      assertThat(config.get("prechat").asText()).isEqualTo("off");
      assertThat(config.get("identity").asBoolean()).isTrue();

      Response started = t.http.post("/api/v1/widget/visitors", Map.of(), null);
      assertThat(started.status()).as(started.raw()).isEqualTo(201);
      JsonNode user = started.data().get("user");
      assertThat(user.get("kind").asText()).isEqualTo("visitor");
      assertThat(user.get("email").isNull()).isTrue();
      assertThat(user.get("fullName").asText()).startsWith("Visitor ");
      String token = started.data().get("accessToken").asText();
      String chatId = chatOf(t, token);
      send(t, token, chatId, "hello from a visitor");
      assertThat(contents(t, token, chatId)).containsExactly("hello from a visitor");
      Response refreshed =
          t.http.post(
              "/api/v1/users/refresh-token",
              Map.of("refreshToken", started.data().get("refreshToken").asText()),
              null);
      assertThat(refreshed.status()).isEqualTo(200);

      // A visitor giving an account's email is not that account.
      Login ann = t.http.newUser("ann@example.com");
      Response withEmail =
          t.http.post(
              "/api/v1/widget/visitors", Map.of("name", "Ann", "email", "Ann@Example.com"), null);
      assertThat(withEmail.status()).isEqualTo(201);
      assertThat(withEmail.data().get("user").get("email").asText()).isEqualTo("ann@example.com");
      assertThat(withEmail.data().get("user").get("emailVerified").asBoolean()).isFalse();
      assertThat(withEmail.data().get("user").get("_id").asText()).isNotEqualTo(ann.userId());
      assertThat(t.http.login("ann@example.com", "password-123").userId()).isEqualTo(ann.userId());

      // The agents see who they talk to, where from, and in what browser.
      Response ctx =
          t.http.send(
              "PUT",
              "/api/v1/widget/context",
              Map.of(
                  "pageUrl", "https://shop.example.com/cart?id=7",
                  "pageTitle", "Your cart",
                  "language", "fr-FR",
                  "timeZone", "Europe/Paris"),
              token,
              Map.of(
                  "User-Agent",
                  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
                      + " Chrome/156.0.0.0 Safari/537.36"));
      assertThat(ctx.status()).as(ctx.raw()).isEqualTo(200);
      Login admin = t.http.admin();
      JsonNode person =
          t.http.get("/api/v1/chats/" + chatId + "/person", admin.accessToken()).data();
      assertThat(person.get("user").get("kind").asText()).isEqualTo("visitor");
      assertThat(person.get("context").get("pageUrl").asText())
          .isEqualTo("https://shop.example.com/cart?id=7");
      assertThat(person.get("context").get("browser").asText()).isEqualTo("Chrome 156 on Linux");
      assertThat(person.get("context").get("timeZone").asText()).isEqualTo("Europe/Paris");
      assertThat(person.get("earlierChats")).isEmpty();
      assertThat(t.http.get("/api/v1/chats/" + chatId + "/person", token).status()).isEqualTo(403);
      for (Map<String, Object> bad :
          List.<Map<String, Object>>of(
              Map.of("pageUrl", "javascript:alert(1)"),
              Map.of("pageUrl", "https://x.example/" + "a".repeat(2100)),
              Map.of("language", "<script>"),
              Map.of("timeZone", "Europe/Paris; drop"))) {
        Response refused = t.http.put("/api/v1/widget/context", bad, token);
        assertThat(refused.status()).as(bad.toString()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid");
      }
    }
  }

  @ParameterizedTest(name = "visitor limits and settings on {0}")
  @EnumSource(Engine.class)
  void visitorSettingsAndLimitsAnswerClearly(Engine engine) {
    Map<String, String> settings = new HashMap<>(SETTINGS);
    settings.put("WIDGET_PRECHAT", "required");
    settings.put("WIDGET_VISITORS_PER_IP_PER_HOUR", "2");
    try (TestApp t = TestApp.start(engine, settings)) {
      Response noName = t.http.post("/api/v1/widget/visitors", Map.of(), null);
      assertThat(noName.status()).isEqualTo(400);
      assertThat(noName.json().get("message").asText()).isEqualTo("Please tell us your name.");
      Response badEmail =
          t.http.post(
              "/api/v1/widget/visitors", Map.of("name", "Bo", "email", "not-an-email"), null);
      assertThat(badEmail.status()).isEqualTo(400);
      for (int i = 0; i < 2; i++) {
        Response ok =
            t.http.post(
                "/api/v1/widget/visitors",
                Map.of("name", "Bo", "email", "bo" + i + "@example.com"),
                null);
        assertThat(ok.status()).as(ok.raw()).isEqualTo(201);
      }
      Response third =
          t.http.post(
              "/api/v1/widget/visitors", Map.of("name", "Bo", "email", "bo@example.com"), null);
      assertThat(third.status()).isEqualTo(429);
      assertThat(third.errorCode()).isEqualTo("rate_limited");
      assertThat(third.headers().firstValue("Retry-After")).isPresent();
      // Others are unaffected: the host's signed-in users still get in from the same address.
      identify(t, HostSite.token("u-1", null, null, t.clock.instant()), null, 200);
    }
    try (TestApp t = TestApp.start(engine, Map.of("WIDGET_VISITORS", "off"))) {
      assertThat(t.http.post("/api/v1/widget/visitors", Map.of(), null).status()).isEqualTo(403);
      assertThat(t.http.get("/api/v1/widget/config", null).data().get("visitors").asBoolean())
          .isFalse();
      Response notSetUp =
          t.http.post(
              "/api/v1/widget/identify",
              Map.of("token", HostSite.token("u", null, null, t.clock.instant())),
              null);
      assertThat(notSetUp.status()).isEqualTo(404);
    }
  }

  @ParameterizedTest(name = "identity tokens on {0}")
  @EnumSource(Engine.class)
  void onlyAValidFreshIdentityTokenSignsTheHostsUserIn(Engine engine) {
    try (TestApp t = TestApp.start(engine, SETTINGS)) {
      Instant now = t.clock.instant();
      String token = HostSite.token("cust-42", "Dana@Shop.example", "Dana Scully", now);
      Response first = t.http.post("/api/v1/widget/identify", Map.of("token", token), null);
      assertThat(first.status()).as(first.raw()).isEqualTo(200);
      JsonNode user = first.data().get("user");
      assertThat(user.get("kind").asText()).isEqualTo("verified");
      assertThat(user.get("externalId").asText()).isEqualTo("cust-42");
      assertThat(user.get("email").asText()).isEqualTo("dana@shop.example");
      assertThat(user.get("emailVerified").asBoolean()).isTrue();
      assertThat(user.get("fullName").asText()).isEqualTo("Dana Scully");
      String access = first.data().get("accessToken").asText();
      String chatId = chatOf(t, access);
      send(t, access, chatId, "first device");

      // The same person on another device: same user, same conversation; the name follows the host.
      String again =
          identify(
              t, HostSite.token("cust-42", "dana@shop.example", "Dana K. Scully", now), null, 200);
      assertThat(chatOf(t, again)).isEqualTo(chatId);
      assertThat(contents(t, again, chatId)).containsExactly("first device");
      assertThat(t.http.get("/api/v1/users/me", again).data().get("fullName").asText())
          .isEqualTo("Dana K. Scully");

      // Every way a token can be wrong is a 401 with a sentence saying which.
      assertThat(identify(t, token, null, 401)).contains("already used");
      assertThat(
              identify(
                  t,
                  signed("cust-42", now.minusSeconds(3600), Duration.ofMinutes(5), HostSite.SECRET),
                  null,
                  401))
          .contains("expired");
      assertThat(
              identify(t, HostSite.tampered(HostSite.token("cust-42", null, null, now)), null, 401))
          .contains("signature");
      assertThat(
              identify(
                  t,
                  signed(
                      "cust-42",
                      now,
                      Duration.ofMinutes(5),
                      "another-secret-of-the-same-length-0123456789"),
                  null,
                  401))
          .contains("signature");
      assertThat(identify(t, HostSite.algNone("cust-42", now), null, 401)).contains("none");
      assertThat(
              identify(t, signed("cust-42", now, Duration.ofHours(2), HostSite.SECRET), null, 401))
          .contains("longer than");
      assertThat(
              identify(
                  t,
                  JWT.create().withSubject("cust-42").sign(Algorithm.HMAC256(HostSite.SECRET)),
                  null,
                  401))
          .contains("exp");
      assertThat(
              identify(
                  t,
                  JWT.create()
                      .withExpiresAt(now.plusSeconds(60))
                      .sign(Algorithm.HMAC256(HostSite.SECRET)),
                  null,
                  401))
          .contains("sub");
      assertThat(identify(t, "not-a-jwt", null, 401)).contains("not a JWT");
      // An email claim never makes someone an account holder.
      Login ann = t.http.newUser("ann@example.com");
      String asAnn =
          identify(t, HostSite.token("other-id", "ann@example.com", null, now), null, 200);
      assertThat(t.http.get("/api/v1/users/me", asAnn).data().get("_id").asText())
          .isNotEqualTo(ann.userId());
    }
  }

  @ParameterizedTest(name = "failed identity tokens are limited per address on {0}")
  @EnumSource(Engine.class)
  void refusedIdentityTokensCountAsFailedSignIns(Engine engine) {
    Map<String, String> settings = new HashMap<>(SETTINGS);
    settings.put("LOGIN_MAX_ATTEMPTS_PER_IP", "3");
    try (TestApp t = TestApp.start(engine, settings)) {
      for (int i = 0; i < 3; i++) {
        identify(t, "forged." + i, null, 401);
      }
      Response limited =
          t.http.post(
              "/api/v1/widget/identify",
              Map.of("token", HostSite.token("x", null, null, t.clock.instant())),
              null);
      assertThat(limited.status()).isEqualTo(429);
    }
  }

  @ParameterizedTest(name = "a visitor who signs in keeps the conversation, merged once, on {0}")
  @EnumSource(Engine.class)
  void aVisitorWhoSignsInKeepsTheirConversationMergedExactlyOnce(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine, SETTINGS)) {
      Instant now = t.clock.instant();
      // The verified user already has a conversation from another device.
      String earlier = identify(t, HostSite.token("cust-7", null, "Kim", now), null, 200);
      String verifiedChat = chatOf(t, earlier);
      send(t, earlier, verifiedChat, "v1");
      // In this browser, anonymously, before signing in.
      Response started = t.http.post("/api/v1/widget/visitors", Map.of(), null);
      String visitor = started.data().get("accessToken").asText();
      String visitorChat = chatOf(t, visitor);
      send(t, visitor, visitorChat, "a1");
      send(t, visitor, visitorChat, "a2");

      // Two tabs sign in at the same moment, each with its own fresh token.
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<String>> tabs = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        String token = HostSite.token("cust-7", null, "Kim", now);
        Callable<String> tab = () -> identify(t, token, visitor, 200);
        tabs.add(pool.submit(tab));
      }
      String signedIn = tabs.get(0).get();
      tabs.get(1).get();
      pool.shutdown();

      String chat = chatOf(t, signedIn);
      assertThat(chat).isEqualTo(verifiedChat);
      assertThat(contents(t, signedIn, chat)).containsExactly("v1", "a1", "a2");
      String me = t.http.get("/api/v1/users/me", signedIn).data().get("_id").asText();
      t.http
          .get("/api/v1/chats/" + chat + "/messages", signedIn)
          .data()
          .get("messages")
          .forEach(m -> assertThat(m.get("sender").get("_id").asText()).isEqualTo(me));
      Login admin = t.http.admin();
      JsonNode listed =
          t.http.get("/api/v1/chats/admin/all?q=Kim", admin.accessToken()).data().get("chats");
      assertThat(listed).hasSize(1);
      assertThat(listed.get(0).get("unreadByAdmin").asInt()).isEqualTo(3);
      // The visitor's own session ended with the merge.
      Response oldRefresh =
          t.http.post(
              "/api/v1/users/refresh-token",
              Map.of("refreshToken", started.data().get("refreshToken").asText()),
              null);
      assertThat(oldRefresh.status()).isEqualTo(401);
      // Identifying again with the old visitor token merges nothing more.
      String third = identify(t, HostSite.token("cust-7", null, "Kim", now), visitor, 200);
      assertThat(contents(t, third, chat)).containsExactly("v1", "a1", "a2");
    }
  }
}
