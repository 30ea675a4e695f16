package dev.supportchat.mail;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.OutboxState;
import dev.supportchat.testing.SmtpServerProcess;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The follow-up email against a real SMTP server process (GreenMail), on both engines. The server
 * runs in this JVM with a clock the test moves, so "away for EMAIL_AFTER" takes no waiting; the
 * outbox sender and the SMTP conversation are real.
 */
class EmailFollowUpIT {
  private static final Duration EMAIL_AFTER = Duration.ofMinutes(5);
  private static final Duration MAIL_WAIT = Duration.ofSeconds(15);
  private static SmtpServerProcess smtp;

  @BeforeAll
  static void startSmtp() throws Exception {
    smtp = SmtpServerProcess.started();
  }

  @AfterAll
  static void stopSmtp() throws Exception {
    smtp.close();
  }

  private static TestApp start(Engine engine) {
    Map<String, String> env = new HashMap<>();
    env.put("SMTP_URL", smtp.url());
    env.put("MAIL_FROM", "Support <support@example.com>");
    env.put("PUBLIC_URL", "https://support.example.com");
    env.put("EMAIL_AFTER", "5m");
    env.put("OUTBOX_FIRST_RETRY", "1s");
    return TestApp.start(engine, env);
  }

  private static String body(JsonNode mail) {
    return mail.path("mimeMessage").asText().replace("=\r\n", "");
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aPersonAwayGetsOneEmailPerWindowWithTheRepliesAndNoNotes(Engine engine) throws Exception {
    String ann = engine.name().toLowerCase() + "-ann@example.com";
    try (TestApp t = start(engine)) {
      Login user = t.http.newUser(ann);
      Login admin = t.http.admin();
      String chatId = t.http.openChat(user, "Parcel", "Where is my parcel?");
      t.http.send(admin, chatId, "First answer", false);
      t.http.send(admin, chatId, "A secret internal note", true);
      t.http.send(admin, chatId, "Second answer", false);

      Thread.sleep(1_000);
      assertThat(smtp.inbox(ann)).as("nothing before EMAIL_AFTER").isEmpty();

      t.clock.advance(EMAIL_AFTER.plusSeconds(1));
      smtp.awaitInbox(ann, 1, MAIL_WAIT);
      awaitNothingPending(t, ReplyEmails.KIND);
      List<JsonNode> mails = smtp.inbox(ann);
      assertThat(mails).as("one email for the window").hasSize(1);
      String text = body(mails.get(0));
      assertThat(text)
          .contains("First answer", "Second answer", "You have 2 replies")
          .contains("https://support.example.com/widget.html")
          .contains("https://support.example.com/api/v1/email/unsubscribe?u=")
          .doesNotContain("secret internal note");
      assertThat(mails.get(0).path("subject").asText()).isEqualTo("New reply from support: Parcel");
      List<Outbox.Row> rows = new Outbox(t.app.database()).ofKind("reply_email");
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).state()).isEqualTo("sent");
      assertThat(mails.get(0).path("Message-ID").asText())
          .as("the outbox id is the idempotency key")
          .isEqualTo("<" + rows.get(0).id() + "@example.com>");

      // The next window carries only what came after the first email.
      t.http.send(admin, chatId, "Third answer", false);
      t.clock.advance(EMAIL_AFTER.plusSeconds(1));
      mails = smtp.awaitInbox(ann, 2, MAIL_WAIT);
      assertThat(mails).hasSize(2);
      String second = body(mails.get(1));
      assertThat(second).contains("Third answer").doesNotContain("First answer");
      assertThat(second).contains("You have a reply");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void repliesReadInTheMeantimeAreNotEmailed(Engine engine) throws Exception {
    String bob = engine.name().toLowerCase() + "-bob@example.com";
    try (TestApp t = start(engine)) {
      Login user = t.http.newUser(bob);
      Login admin = t.http.admin();
      String chatId = t.http.openChat(user, "Parcel", "Hello");
      t.http.send(admin, chatId, "Hi Bob", false);
      assertThat(
              t.http
                  .post("/api/v1/chats/" + chatId + "/read", Map.of(), user.accessToken())
                  .status())
          .isEqualTo(200);
      t.clock.advance(EMAIL_AFTER.plusSeconds(1));
      awaitState(t, "skipped");
      assertThat(smtp.inbox(bob)).isEmpty();
      assertThat(new Outbox(t.app.database()).ofKind("reply_email").get(0).lastError())
          .isEqualTo("read in the meantime");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theSignedLinkTurnsTheEmailsOffForThatPersonOnly(Engine engine) throws Exception {
    String cat = engine.name().toLowerCase() + "-cat@example.com";
    String dan = engine.name().toLowerCase() + "-dan@example.com";
    try (TestApp t = start(engine)) {
      Login catUser = t.http.newUser(cat);
      Login danUser = t.http.newUser(dan);
      Login admin = t.http.admin();
      String catChat = t.http.openChat(catUser, "Parcel", "Hi");
      String danChat = t.http.openChat(danUser, "Parcel", "Hi");
      t.http.send(admin, catChat, "Answer for Cat", false);
      t.clock.advance(EMAIL_AFTER.plusSeconds(1));
      String text = body(smtp.awaitInbox(cat, 1, MAIL_WAIT).get(0));
      Matcher m =
          Pattern.compile("/api/v1/email/unsubscribe\\?u=([0-9a-f]+)&s=([A-Za-z0-9_-]+)")
              .matcher(text);
      assertThat(m.find()).as(text).isTrue();
      String link = m.group();
      String catId = m.group(1);
      String signature = m.group(2);

      Response page = t.http.get(link, null);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.raw()).contains("Stop these emails").contains("<form method=\"post\">");

      // Refused: a changed signature, and Cat's signature on Dan's id.
      assertError(
          t.http.post(
              "/api/v1/email/unsubscribe?u=" + catId + "&s=" + signature + "x", Map.of(), null),
          400,
          "invalid");
      assertError(
          t.http.post(
              "/api/v1/email/unsubscribe?u=" + danUser.userId() + "&s=" + signature,
              Map.of(),
              null),
          400,
          "invalid");
      assertError(t.http.post("/api/v1/email/unsubscribe", Map.of(), null), 400, "invalid");
      assertThat(t.http.get("/api/v1/email/unsubscribe?u=" + catId + "&s=bad", null).status())
          .isEqualTo(400);

      Response done = t.http.post(link, Map.of(), null);
      assertThat(done.status()).as(done.raw()).isEqualTo(200);
      assertThat(done.raw()).contains("You will get no more reply emails");

      t.http.send(admin, catChat, "Another answer for Cat", false);
      t.http.send(admin, danChat, "Answer for Dan", false);
      t.clock.advance(EMAIL_AFTER.plusSeconds(1));
      assertThat(smtp.awaitInbox(dan, 1, MAIL_WAIT)).as("Dan still gets his").hasSize(1);
      awaitNothingPending(t, ReplyEmails.KIND);
      assertThat(smtp.inbox(cat)).as("Cat turned them off").hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anEmailWaitsWhileTheMailServerIsDownAndGoesOutOnceWhenItIsBack(Engine engine)
      throws Exception {
    String eve = engine.name().toLowerCase() + "-eve@example.com";
    try (TestApp t = start(engine)) {
      Login user = t.http.newUser(eve);
      Login admin = t.http.admin();
      String chatId = t.http.openChat(user, "Parcel", "Hello");
      t.http.send(admin, chatId, "Answer while mail is down", false);
      smtp.stop();
      try {
        t.clock.advance(EMAIL_AFTER.plusSeconds(1));
        Outbox outbox = new Outbox(t.app.database());
        long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
        while (outbox.ofKind("reply_email").get(0).attempts() < 1 && System.nanoTime() < deadline) {
          Thread.sleep(100);
        }
        Outbox.Row failed = outbox.ofKind("reply_email").get(0);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.state()).isEqualTo("pending");
        assertThat(failed.lastError()).isNotBlank();
      } finally {
        smtp.start();
      }
      t.clock.advance(Duration.ofSeconds(2));
      assertThat(smtp.awaitInbox(eve, 1, MAIL_WAIT)).hasSize(1);
      awaitNothingPending(t, ReplyEmails.KIND);
      assertThat(smtp.inbox(eve)).as("sent once").hasSize(1);
      Outbox.Row sent = new Outbox(t.app.database()).ofKind("reply_email").get(0);
      assertThat(sent.state()).isEqualTo("sent");
      assertThat(sent.attempts()).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void agentsWhoAskedAreEmailedNewChatsWhileOfflineOnce(Engine engine) throws Exception {
    String prefix = engine.name().toLowerCase();
    String wants = prefix + "-agent-wants@example.com";
    String quiet = prefix + "-agent-quiet@example.com";
    try (TestApp t = start(engine)) {
      t.createAdmin(wants, "agent-password-1");
      t.createAdmin(quiet, "agent-password-1");
      Login agent = t.http.login(wants, "agent-password-1");
      Login user = t.http.newUser(prefix + "-newchat@example.com");

      assertError(
          t.http.put(
              "/api/v1/email/preferences", Map.of("newChatEmails", true), user.accessToken()),
          403,
          "forbidden");
      assertError(
          t.http.put(
              "/api/v1/email/preferences", Map.of("newChatEmails", "yes"), agent.accessToken()),
          400,
          "invalid");
      Response set =
          t.http.put(
              "/api/v1/email/preferences", Map.of("newChatEmails", true), agent.accessToken());
      assertThat(set.status()).as(set.raw()).isEqualTo(200);
      assertThat(t.http.get("/api/v1/email/preferences", agent.accessToken()).data())
          .isEqualTo(HttpTestClient.JSON.readTree("{\"newChatEmails\":true,\"mailEnabled\":true}"));

      String chatId = t.http.openChat(user, "Parcel", "My order never came");
      t.clock.advance(NewChatEmails.DELAY.plusSeconds(1));
      smtp.awaitInbox(wants, 1, MAIL_WAIT);
      // The new-chat item queues one email per agent when it is done.
      awaitNothingPending(t, NewChatEmails.KIND, MailOutbox.KIND);
      List<JsonNode> mails = smtp.inbox(wants);
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).path("subject").asText()).startsWith("New chat from ");
      assertThat(body(mails.get(0)))
          .contains("My order never came")
          .contains("https://support.example.com/admin/support/chat/" + chatId);
      assertThat(smtp.inbox(quiet)).as("an agent who did not ask").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aResolvedChatsTranscriptIsEmailedOnceOnRequest(Engine engine) throws Exception {
    String prefix = engine.name().toLowerCase();
    String fay = prefix + "-fay@example.com";
    try (TestApp t = start(engine)) {
      Login user = t.http.newUser(fay);
      Login other = t.http.newUser(prefix + "-gus@example.com");
      Login admin = t.http.admin();
      String chatId = t.http.openChat(user, "Parcel", "Can I change my address?");
      t.http.send(admin, chatId, "Yes, done.", false);
      t.http.send(admin, chatId, "Customer seemed annoyed", true);
      Map<String, String> body = Map.of("chatId", chatId);

      assertError(
          t.http.post("/api/v1/email/transcript", body, user.accessToken()), 409, "conflict");
      assertThat(
              t.http
                  .put(
                      "/api/v1/chats/" + chatId + "/status",
                      Map.of("status", "resolved"),
                      admin.accessToken())
                  .status())
          .isEqualTo(200);
      assertError(
          t.http.post("/api/v1/email/transcript", body, other.accessToken()), 403, "forbidden");
      assertError(
          t.http.post("/api/v1/email/transcript", body, admin.accessToken()), 403, "forbidden");
      assertError(
          t.http.post(
              "/api/v1/email/transcript", Map.of("chatId", "0".repeat(24)), user.accessToken()),
          404,
          "not_found");
      assertError(
          t.http.post("/api/v1/email/transcript", Map.of(), user.accessToken()), 400, "invalid");
      assertError(t.http.post("/api/v1/email/transcript", body, null), 401, "unauthorized");

      Response first = t.http.post("/api/v1/email/transcript", body, user.accessToken());
      assertThat(first.status()).as(first.raw()).isEqualTo(202);
      Response again = t.http.post("/api/v1/email/transcript", body, user.accessToken());
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.data().get("queued").asBoolean()).isFalse();

      smtp.awaitInbox(fay, 1, MAIL_WAIT);
      awaitNothingPending(t, Transcripts.KIND);
      List<JsonNode> mails = smtp.inbox(fay);
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).path("subject").asText())
          .isEqualTo("Transcript of your support chat: Parcel");
      assertThat(body(mails.get(0)))
          .contains("Can I change my address?", "Yes, done.")
          .doesNotContain("annoyed");
      assertThat(t.http.get("/api/v1/email/status", null).data().get("enabled").asBoolean())
          .isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aTeamInviteIsEmailedWithItsLink(Engine engine) throws Exception {
    String invitee = engine.name().toLowerCase() + "-invitee@example.com";
    try (TestApp t = start(engine)) {
      Response invite =
          t.http.post(
              "/api/v1/team/invites",
              Map.of("email", invitee, "role", "agent"),
              t.http.admin().accessToken());
      assertThat(invite.status()).as(invite.raw()).isEqualTo(201);
      String token = invite.data().get("token").asText();
      List<JsonNode> mails = smtp.awaitInbox(invitee, 1, MAIL_WAIT);
      assertThat(mails).hasSize(1);
      assertThat(mails.get(0).path("subject").asText())
          .isEqualTo("You are invited to the support team");
      assertThat(body(mails.get(0)))
          .contains("https://support.example.com/admin/support#invite=" + token)
          .contains("as an agent");
    }
  }

  /**
   * Waits until no item of these kinds, in this order, is pending: then no further email of them
   * can come (OutboxState says why), where the test used to wait a second or two for one.
   */
  private static void awaitNothingPending(TestApp t, String... kinds) throws Exception {
    for (String kind : kinds) {
      OutboxState.awaitNonePending(t.database.url(), kind, MAIL_WAIT);
    }
  }

  private static void awaitState(TestApp t, String state) throws InterruptedException {
    Outbox outbox = new Outbox(t.app.database());
    long deadline = System.nanoTime() + MAIL_WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      List<Outbox.Row> rows = outbox.ofKind("reply_email");
      if (!rows.isEmpty() && rows.get(0).state().equals(state)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "outbox item never became " + state + ": " + outbox.ofKind("reply_email"));
  }
}
