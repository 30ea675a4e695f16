package dev.supportchat.security;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.security.HostileHttp.Request;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Text the databases cannot store as sent, found by the fuzzer: a NUL made PostgreSQL fail the
 * insert (500), and an unpaired surrogate was stored as '?' on both engines. Both are now refused
 * as invalid input; real Unicode, surrogate pairs included, is stored exactly.
 */
class UnstorableTextIT {
  @ParameterizedTest(name = "on {0}")
  @EnumSource(Engine.class)
  void nulAndUnpairedSurrogatesAreRefusedAndRealUnicodeIsKept(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login ann = t.http.newUser("ann@example.com");
      String chatId =
          t.http
              .post("/api/v1/chats/support", Map.of(), ann.accessToken())
              .data()
              .get("_id")
              .asText();
      String messages = "/api/v1/chats/" + chatId + "/messages";
      HostileHttp http = new HostileHttp(t.baseUrl());

      for (String content :
          new String[] {"nul\u0000inside", "\uD800", "lone \uDE00 low", "\uD83D"}) {
        Response r =
            http.send(
                Request.json("POST", messages, Map.of("content", content)), ann.accessToken());
        assertError(r, 400, "invalid");
        assertThat(r.json().path("errors").path(0).path("field").asText()).isEqualTo("content");
      }
      assertError(
          http.send(
              Request.json(
                  "POST",
                  "/api/v1/users/register",
                  Map.of(
                      "email",
                      "bob@example.com",
                      "password",
                      "password-123",
                      "fullName",
                      "Bob\u0000")),
              null),
          400,
          "invalid");
      assertError(
          t.http.get("/api/v1/chats/admin/all?q=%00", t.http.admin().accessToken()),
          400,
          "invalid");

      String unicode =
          "\uD83D\uDE00 田中 \u202Eevil\u202C e\u0301 <script>alert(1)</script> ' OR '1'='1";
      Response sent =
          http.send(Request.json("POST", messages, Map.of("content", unicode)), ann.accessToken());
      assertThat(sent.status()).isEqualTo(201);
      assertThat(
              t.http
                  .get(messages, ann.accessToken())
                  .data()
                  .get("messages")
                  .get(0)
                  .get("content")
                  .asText())
          .isEqualTo(unicode);
    }
  }
}
