package dev.supportchat.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.OutboxState;
import dev.supportchat.testing.ServerProcess;
import dev.supportchat.testing.SmtpServerProcess;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Follow-up emails across crashes and nodes, with the server as real processes (killed with
 * SIGKILL) and a real SMTP server process: every person gets their email, none gets it twice.
 */
class EmailDeliveryFaultsIT {
  private static final int PEOPLE = 20;
  private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

  /**
   * When the first email of a burst of replies is due: long enough for the burst (20 REST calls,
   * well under a second) to be committed first, and for the kill that follows it.
   */
  private static final Duration EMAIL_AFTER = Duration.ofSeconds(4);

  /** As {@link #EMAIL_AFTER} where nothing has to happen between the burst and the first email. */
  private static final Duration EMAIL_AFTER_SHORT = Duration.ofSeconds(2);

  /**
   * One mail server for the class (a JVM of its own takes seconds to start); each test mails its
   * own addresses.
   */
  private static SmtpServerProcess smtp;

  @BeforeAll
  static void startMailServer() throws Exception {
    smtp = SmtpServerProcess.started();
  }

  @AfterAll
  static void stopMailServer() throws Exception {
    if (smtp != null) {
      smtp.close();
    }
  }

  private static Map<String, String> env(
      TestDatabases.Fresh db, SmtpServerProcess smtp, Duration emailAfter) throws Exception {
    Path dataDir = db.dir() != null ? db.dir() : Files.createTempDirectory("sc-mail-");
    Map<String, String> env = TestApp.serverEnvironment(dataDir, db.url());
    env.put("SMTP_URL", smtp.url());
    env.put("MAIL_FROM", "support@example.com");
    env.put("PUBLIC_URL", "https://support.example.com");
    env.put("EMAIL_AFTER", emailAfter.toMillis() + "ms");
    env.put("OUTBOX_FIRST_RETRY", "1s");
    return env;
  }

  /**
   * People who each asked something and then, in one quick burst, got one agent reply each; returns
   * their addresses once every reply is committed (its REST call answered).
   */
  private static List<String> repliesTo(String baseUrl, String prefix, int count) {
    HttpTestClient http = new HttpTestClient(baseUrl);
    Login admin = http.admin();
    List<String> addresses = new ArrayList<>();
    List<String> chats = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String address = prefix + i + "@example.com";
      Login user = http.newUser(address);
      Response chat =
          http.post(
              "/api/v1/chats/support", Map.of("message", "Question " + i), user.accessToken());
      chats.add(chat.data().get("_id").asText());
      addresses.add(address);
    }
    for (int i = 0; i < count; i++) {
      Response reply =
          http.post(
              "/api/v1/chats/" + chats.get(i) + "/messages",
              Map.of("content", "Answer " + i),
              admin.accessToken());
      assertThat(reply.status()).isEqualTo(201);
    }
    return addresses;
  }

  /**
   * Waits for every mailbox to hold an email, then until no reply email is pending in the outbox:
   * only a pending item can be sent (again), so any repeat has arrived by then. Each person must
   * have exactly one email by Message-ID (the outbox id); returns how many copies arrived in all.
   * {@code repeatsAllowed} is how many people may hold a second copy of that same email: a kill in
   * the instant between the mail server accepting it and the outbox recording it (SMTP has no
   * idempotent send; the repeat carries the same Message-ID, by which mail systems drop it). {@code
   * inFlight} is how long to wait after that for a send another node may still have in hand.
   */
  private static int assertEachGotExactlyOne(
      SmtpServerProcess smtp,
      TestDatabases.Fresh db,
      List<String> addresses,
      int repeatsAllowed,
      Duration inFlight)
      throws Exception {
    int total = 0;
    int repeated = 0;
    for (String a : addresses) {
      assertThat(smtp.awaitInbox(a, 1, MAIL_WAIT)).as(a).isNotEmpty();
    }
    OutboxState.awaitNonePending(db.url(), ReplyEmails.KIND, MAIL_WAIT);
    Thread.sleep(inFlight.toMillis());
    for (String a : addresses) {
      List<JsonNode> mails = smtp.inbox(a);
      Set<String> ids = new HashSet<>();
      mails.forEach(m -> ids.add(m.path("Message-ID").asText()));
      assertThat(ids).as("distinct emails to " + a).hasSize(1);
      assertThat(mails.size()).as("copies received by " + a).isBetween(1, 2);
      assertThat(mails.get(0).path("mimeMessage").asText()).contains("Answer");
      repeated += mails.size() - 1;
      total += mails.size();
    }
    assertThat(repeated)
        .as("people who got a repeat of the same email")
        .isLessThanOrEqualTo(repeatsAllowed);
    return total;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aServerKilledBetweenTheCommitAndTheSendStillSendsEachEmailOnce(Engine engine)
      throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(engine);
        ServerProcess server = new ServerProcess(env(db, smtp, EMAIL_AFTER)).start()) {
      String prefix = engine.name().toLowerCase() + "-kill-";
      List<String> people = repliesTo(server.baseUrl(), prefix, PEOPLE);
      // Every reply is committed (the REST call answered); no email is due before EMAIL_AFTER.
      server.kill9();
      for (String a : people) {
        assertThat(smtp.inbox(a)).isEmpty();
      }
      server.start();
      int received = assertEachGotExactlyOne(smtp, db, people, 0, Duration.ZERO);
      System.out.printf(
          "kill -9 between commit and send (%s): %d replies, %d emails received%n",
          engine, PEOPLE, received);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aServerKilledWhileSendingLosesNoEmailAndRepeatsNone(Engine engine) throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(engine);
        ServerProcess server = new ServerProcess(env(db, smtp, EMAIL_AFTER_SHORT)).start()) {
      String prefix = engine.name().toLowerCase() + "-midsend-";
      List<String> people = repliesTo(server.baseUrl(), prefix, PEOPLE);
      // Kill as soon as the first email arrives: the sender is in the middle of the batch.
      smtp.awaitInbox(people.get(0), 1, MAIL_WAIT);
      server.kill9();
      int before = 0;
      for (String a : people) {
        before += smtp.inbox(a).size();
      }
      server.start();
      int received = assertEachGotExactlyOne(smtp, db, people, 1, Duration.ZERO);
      System.out.printf(
          "kill -9 while sending (%s): %d replies, %d received before the kill, %d copies in all,"
              + " %d distinct%n",
          engine, PEOPLE, before, received, people.size());
    }
  }

  @Test
  void twoNodesOnOneDatabaseSendEachEmailOnce() throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES)) {
      Map<String, String> env = env(db, smtp, EMAIL_AFTER_SHORT);
      try (ServerProcess a = new ServerProcess(env).start();
          ServerProcess b = new ServerProcess(env).start()) {
        List<String> people = new ArrayList<>(repliesTo(a.baseUrl(), "node-a-", PEOPLE / 2));
        people.addAll(repliesTo(b.baseUrl(), "node-b-", PEOPLE / 2));
        // The other node may be sending an email the first just recorded as sent (the bug this
        // test is for): a send to this mail server takes milliseconds.
        int received = assertEachGotExactlyOne(smtp, db, people, 0, Duration.ofSeconds(1));
        System.out.printf("two nodes: %d replies, %d emails received%n", PEOPLE, received);
      }
    }
  }
}
