package dev.supportchat.security;

import dev.supportchat.mail.UnsubscribeLinksForTests;
import dev.supportchat.security.HostileHttp.Request;
import dev.supportchat.testing.HostSite;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the matrix's requests are about: a chat with a message and an attachment of its user,
 * another user with a chat of their own, an admin, and a token for every {@link Caller}.
 */
final class MatrixFixture {
  /**
   * The servers of these tests sign with this, so the tests can sign an expired token correctly.
   */
  static final String ACCESS_SECRET = "security-test-access-secret-0123456789";

  /** The settings of the servers the matrix runs against. */
  static final Map<String, String> SERVER_SETTINGS =
      Map.of(
          "ACCESS_TOKEN_SECRET",
          ACCESS_SECRET,
          // The matrix logs the same account in for every refresh-token cell.
          "LOGIN_MAX_ATTEMPTS_PER_IP",
          "1000",
          "WIDGET_IDENTITY_SECRET",
          HostSite.SECRET,
          // So that GET /metrics exists (and refuses every caller of the matrix).
          "METRICS_TOKEN",
          "matrix-metrics-token-0123456789",
          // So that every email route exists and answers as in production (the unsubscribe pages do
          // only with SMTP_URL). Nothing listens there: the invites' emails fail to connect and
          // wait
          // for a retry; no follow-up is due before EMAIL_AFTER (5 minutes).
          "SMTP_URL",
          "smtp://127.0.0.1:9",
          "MAIL_FROM",
          "Support <support@example.com>",
          "PUBLIC_URL",
          "https://support.example.com");

  static final String PASSWORD = "password-123";
  static final String CHAT_USER_EMAIL = "owner@example.com";

  final TestApp app;
  final HostileHttp http;
  final String chatUserId;
  final String chatId;
  final String messageId;
  final String attachmentId;
  final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
  private final AtomicInteger unique = new AtomicInteger();

  MatrixFixture(TestApp app) {
    this.app = app;
    this.http = new HostileHttp(app.baseUrl());
    Login owner = app.http.newUser(CHAT_USER_EMAIL);
    Login other = app.http.newUser("other@example.com");
    Login admin = app.http.admin();
    this.chatUserId = owner.userId();
    this.chatId =
        created(
                app.http.post(
                    "/api/v1/chats/support", Map.of("message", "hello"), owner.accessToken()))
            .data()
            .get("_id")
            .asText();
    this.messageId =
        created(
                app.http.post(
                    "/api/v1/chats/" + chatId + "/messages",
                    Map.of("content", "mine"),
                    owner.accessToken()))
            .data()
            .get("_id")
            .asText();
    created(app.http.post("/api/v1/chats/support", Map.of(), other.accessToken()));
    this.attachmentId =
        created(
                http.send(
                    Request.upload(
                        "/api/v1/chats/" + chatId + "/attachments",
                        "note.txt",
                        "text/plain",
                        "hello".getBytes(StandardCharsets.UTF_8)),
                    owner.accessToken()))
            .data()
            .get("_id")
            .asText();
    tokens.put(
        Caller.EXPIRED_TOKEN,
        HostileTokens.expired(admin.accessToken(), ACCESS_SECRET, app.clock.instant()));
    tokens.put(Caller.FORGED_TOKEN, HostileTokens.forged(admin.accessToken()));
    tokens.put(Caller.ALG_NONE_TOKEN, HostileTokens.algNone(admin.accessToken()));
    tokens.put(Caller.CHAT_USER, owner.accessToken());
    tokens.put(Caller.OTHER_USER, other.accessToken());
    tokens.put(Caller.ADMIN, admin.accessToken());
    String visitor =
        created(app.http.post("/api/v1/widget/visitors", Map.of(), null))
            .data()
            .get("accessToken")
            .asText();
    created(app.http.post("/api/v1/chats/support", Map.of(), visitor));
    tokens.put(Caller.VISITOR, visitor);
    String verified =
        app.http
            .post("/api/v1/widget/identify", Map.of("token", identityToken()), null)
            .data()
            .get("accessToken")
            .asText();
    created(app.http.post("/api/v1/chats/support", Map.of(), verified));
    tokens.put(Caller.VERIFIED_USER, verified);
  }

  /**
   * Signs the accounts in again: a fuzz or matrix cell that logged one out has ended the session
   * its token belongs to.
   */
  void renewAccountTokens() {
    tokens.put(Caller.CHAT_USER, app.http.login(CHAT_USER_EMAIL, PASSWORD).accessToken());
    tokens.put(Caller.OTHER_USER, app.http.login("other@example.com", PASSWORD).accessToken());
    tokens.put(Caller.ADMIN, app.http.admin().accessToken());
  }

  /** A fresh identity token, as the host site's backend signs one for its signed-in user. */
  String identityToken() {
    return HostSite.token(
        "host-user-" + unique.incrementAndGet(), null, "Matrix Host User", app.clock.instant());
  }

  /** The caller's bearer token; null for {@link Caller#NO_TOKEN}. */
  String token(Caller caller) {
    return tokens.get(caller);
  }

  /** A refresh token of a new login of the chat's user (each can be spent once). */
  String freshRefreshToken() {
    return app.http.login(CHAT_USER_EMAIL, PASSWORD).refreshToken();
  }

  /** A new pending team invite made by the matrix's admin: its JSON (with the link's token). */
  com.fasterxml.jackson.databind.JsonNode newInvite() {
    return created(
            app.http.post(
                "/api/v1/team/invites", Map.of("email", newEmail()), tokens.get(Caller.ADMIN)))
        .data();
  }

  /** A new agent (invited and joined): its id. */
  String newAgentId() {
    return created(
            app.http.post(
                "/api/v1/team/invites/accept",
                Map.of(
                    "token",
                    newInvite().get("token").asText(),
                    "fullName",
                    "Matrix Agent",
                    "password",
                    PASSWORD),
                null))
        .data()
        .path("user")
        .path("_id")
        .asText();
  }

  /** A new saved reply made by the matrix's admin: its id. */
  String newSavedReplyId() {
    return created(
            app.http.post(
                "/api/v1/saved-replies",
                Map.of("shortcut", "m" + unique.incrementAndGet(), "body", "Hello {{user.name}}"),
                tokens.get(Caller.ADMIN)))
        .data()
        .get("_id")
        .asText();
  }

  /** A new label made by the matrix's admin: its id. */
  String newLabelId() {
    return created(
            app.http.post(
                "/api/v1/labels",
                Map.of("name", "Label " + unique.incrementAndGet(), "colour", "#2f6fde"),
                tokens.get(Caller.ADMIN)))
        .data()
        .get("_id")
        .asText();
  }

  /** A fresh shortcut or label name. */
  String unique(String prefix) {
    return prefix + unique.incrementAndGet();
  }

  /** The chat user's own link from a follow-up email: {@code /api/v1/email/unsubscribe?u=&s=}. */
  String unsubscribePath() {
    return "/api/v1/email/unsubscribe?" + UnsubscribeLinksForTests.query(ACCESS_SECRET, chatUserId);
  }

  String newEmail() {
    return "new-" + unique.incrementAndGet() + "@example.com";
  }

  String chatPath(String rest) {
    return "/api/v1/chats/" + chatId + rest;
  }

  private static Response created(Response r) {
    if (r.status() != 200 && r.status() != 201) {
      throw new IllegalStateException("fixture step failed: " + r.status() + " " + r.raw());
    }
    return r;
  }
}
