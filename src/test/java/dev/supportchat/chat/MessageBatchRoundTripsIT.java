package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.chat.ChatRepository.Appended;
import dev.supportchat.chat.ChatRepository.NewMessage;
import dev.supportchat.config.AppConfig;
import dev.supportchat.config.ConfigLoader;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.error.AppException;
import dev.supportchat.hours.HoursModule;
import dev.supportchat.mail.MailModule;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.store.Database;
import dev.supportchat.store.GroupCommitter.Outcome;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Migrations;
import dev.supportchat.store.Sql;
import dev.supportchat.team.TeamModule;
import dev.supportchat.testing.StatementCounter;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.User;
import dev.supportchat.webhook.WebhookModule;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What one group commit costs the message writer, pinned so that a change which adds a round trip
 * to PostgreSQL (or a statement on SQLite) fails here, and what it stores in the shapes that cost
 * more. The writer is wired as the server wires it (automatic assignment, webhooks, business
 * hours), with nothing configured unless a test says so: the benchmark's shape
 * (docs/BENCHMARKS.md), users writing to their own open chats.
 */
class MessageBatchRoundTripsIT {
  /** Lock, webhook endpoints and insert; chats, counters and the commit. */
  private static final int POSTGRES_ROUND_TRIPS_OF_ONE = 2;

  /** Steps of 50 statements go on their own (Pipeline): the insert, the chats, the counters. */
  private static final int POSTGRES_ROUND_TRIPS_OF_FIFTY = 5;

  /** Lock, webhook endpoints, insert, chats, counters; the commit not counted. */
  private static final int SQLITE_STATEMENTS = 5;

  private static final int CHATS = 50;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBatchOfOneCostsTwoRoundTripsAndABatchOfFiftyFive(Engine engine) throws Exception {
    try (Fixture f = new Fixture(engine)) {
      f.replies = HoursModule.create(f.db, p -> false, Clock.systemUTC()).service();
      for (int size : new int[] {CHATS, 1}) {
        // The same batch before, so that every cache (business hours, pgjdbc's prepared
        // statements) is as warm as in a running server.
        f.store(f.fromOwners(size));
        StatementCounter cost = f.measure(f.fromOwners(size));
        if (engine == Engine.POSTGRES) {
          assertThat(cost.roundTrips())
              .as("round trips of a batch of %d", size)
              .isEqualTo(size == 1 ? POSTGRES_ROUND_TRIPS_OF_ONE : POSTGRES_ROUND_TRIPS_OF_FIFTY);
        } else {
          assertThat(cost.statements())
              .as("statements of a batch of %d", size)
              .isEqualTo(SQLITE_STATEMENTS);
        }
      }
      assertThat(f.senders.lookups)
          .as("senders looked up (a user's name comes with the locked chat, even the first time)")
          .hasValue(0);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anAutomaticReplyCostsOneRoundTripMoreAndIsStoredOncePerKey(Engine engine) throws Exception {
    try (Fixture f = new Fixture(engine)) {
      f.replies =
          (c, chatId, at) -> Optional.of(new AutomaticReplies.Reply("night-1", "Back soon"));
      // Another chat first: the automatic sender's name is looked up once, then remembered.
      f.store(List.of(f.message(f.chatIds.get(1), f.owners.get(1), false, null)));

      StatementCounter first = f.measure(f.fromOwners(1));
      StatementCounter second = f.measure(f.fromOwners(1));

      List<String> senders =
          f.db.read(
              c ->
                  Sql.list(
                      c,
                      "SELECT sender_id FROM messages WHERE chat_id = ? ORDER BY created_at, id",
                      rs -> rs.getString(1),
                      f.chatIds.get(0)));
      assertThat(senders)
          .as("one reply per key, after the message that asked for it")
          .containsExactly(f.owners.get(0).id(), AutomaticReply.SENDER_ID, f.owners.get(0).id());
      if (engine == Engine.POSTGRES) {
        assertThat(first.roundTrips()).isEqualTo(POSTGRES_ROUND_TRIPS_OF_ONE + 1);
        assertThat(second.roundTrips()).as("a reply already sent").isEqualTo(first.roundTrips());
      } else {
        assertThat(first.statements()).isEqualTo(SQLITE_STATEMENTS + 1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aWebhookEndpointGetsEveryMessageOfTheBatchInItsTransaction(Engine engine) throws Exception {
    try (Fixture f = new Fixture(engine)) {
      String endpoint = Ids.newId();
      f.db.write(
          c ->
              Sql.update(
                  c,
                  "INSERT INTO webhook_endpoints (id, url, secret, events, is_active, created_at,"
                      + " updated_at) VALUES (?, 'https://hooks.example.com/in', 'secret',"
                      + " 'message.created', TRUE, 0, 0)",
                  endpoint));
      f.store(f.fromOwners(3));

      StatementCounter cost = f.measure(f.fromOwners(3));

      long items =
          f.db.read(
              c ->
                  Sql.count(
                      c,
                      "SELECT COUNT(*) FROM outbox WHERE kind = 'webhook' AND target = ?",
                      endpoint));
      assertThat(items).isEqualTo(6);
      if (engine == Engine.POSTGRES) {
        assertThat(cost.roundTrips())
            .as(
                "the outbox rows, one batch: with the commit, as the 3 chats and 3 counters fill a trip")
            .isEqualTo(POSTGRES_ROUND_TRIPS_OF_ONE + 1);
      } else {
        assertThat(cost.statements()).isEqualTo(SQLITE_STATEMENTS + 1);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theReplyEmailsOfABatchAreOneOutboxBatchWithOneWindowPerConversation(Engine engine)
      throws Exception {
    try (Fixture f = new Fixture(engine, MessageBatchRoundTripsIT::replyEmails)) {
      User agent = f.user("agent@example.com", "Agent", true);
      f.chats.assign(f.chatIds.get(0), agent.id(), agent.id(), Instant.now());
      f.chats.assign(f.chatIds.get(1), agent.id(), agent.id(), Instant.now());

      StatementCounter cost =
          f.measure(
              List.of(
                  f.message(f.chatIds.get(0), agent, true, null),
                  f.message(f.chatIds.get(0), agent, true, null),
                  f.message(f.chatIds.get(1), agent, true, null)));

      List<String> windows =
          f.db.read(
              c ->
                  Sql.list(
                      c,
                      "SELECT open_key FROM outbox WHERE kind = 'reply_email' ORDER BY open_key",
                      rs -> rs.getString(1)));
      assertThat(windows)
          .containsExactlyInAnyOrder(
              "reply_email:" + f.chatIds.get(0), "reply_email:" + f.chatIds.get(1));
      if (engine == Engine.POSTGRES) {
        assertThat(cost.roundTrips())
            .as("the windows travel with the chats, the counter and the commit")
            .isEqualTo(POSTGRES_ROUND_TRIPS_OF_ONE);
      } else {
        assertThat(cost.statements()).isEqualTo(SQLITE_STATEMENTS + 1);
      }
    }
  }

  /** The follow-up emails as a server with a mail server configured adds them. */
  private static ChatSideEffects replyEmails(Database db) {
    Map<String, String> env = TestApp.serverEnvironment(Path.of("target"), "jdbc:sqlite:unused");
    env.put("SMTP_URL", "smtp://127.0.0.1:9");
    env.put("MAIL_FROM", "Support <support@example.com>");
    env.put("PUBLIC_URL", "https://support.example.com");
    return MailModule.create(
            ConfigLoader.load(env), new Outbox(db), id -> false, id -> false, Clock.systemUTC())
        .chatEffects();
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void duplicatesMissingChatsAndEveryKindOfSenderInOneBatch(Engine engine) throws Exception {
    try (Fixture f = new Fixture(engine)) {
      User agent = f.user("agent@example.com", "Agent Assigned", true);
      User other = f.user("other@example.com", "Agent Other", true);
      String chatA = f.chatIds.get(0);
      String chatB = f.chatIds.get(1);
      User userA = f.owners.get(0);
      User userB = f.owners.get(1);
      f.chats.assign(chatA, agent.id(), agent.id(), Instant.now());
      f.store(List.of(f.message(chatA, userA, false, "sent-before")));

      List<Outcome<Optional<Appended>>> outcomes =
          f.store(
              List.of(
                  f.message(chatA, userA, false, "sent-before"),
                  f.message(chatA, userA, false, "retried"),
                  f.message(chatA, userA, false, "retried"),
                  f.message(Ids.newId(), userA, false, null),
                  f.message(chatA, agent, true, null),
                  f.message(chatB, other, true, null),
                  f.message(chatB, userB, false, null)));

      assertThat(outcomes.get(0).result()).as("stored by an earlier batch").isEmpty();
      assertThat(outcomes.get(1).result()).isPresent();
      assertThat(outcomes.get(2).result()).as("the same message twice in one batch").isEmpty();
      assertThat(outcomes.get(3).refusal()).isInstanceOf(AppException.class);
      assertThat(
              outcomes.stream()
                  .skip(4)
                  .map(o -> o.result().orElseThrow().message().sender().fullName()))
          .containsExactly("Agent Assigned", "Agent Other", "User 1");
      assertThat(f.senders.lookups).as("only the agent not on the chat").hasValue(1);
      Chat a = f.chats.findChat(chatA).orElseThrow();
      assertThat(a.unreadByAdmin()).isEqualTo(2);
      assertThat(a.unreadByUser()).isEqualTo(1);
      assertThat(a.lastMessage().id()).isEqualTo(outcomes.get(4).result().get().message().id());
      long stored = f.db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM messages"));
      long counted =
          f.db.read(c -> Sql.count(c, "SELECT SUM(messages) FROM sender_message_counts"));
      assertThat(stored).isEqualTo(5).isEqualTo(counted);
    }
  }

  /**
   * A database with {@link #CHATS} users, each with an open chat, and a message writer wired as the
   * server wires it.
   */
  private static final class Fixture implements AutoCloseable {
    final TestDatabases.Fresh fresh;
    final Database db;
    final JdbcChatRepository chats;
    final JdbcUserRepository users;
    final CountingSenders senders = new CountingSenders();
    final List<User> owners = new ArrayList<>();
    final List<String> chatIds = new ArrayList<>();
    final MessageBatch batch;
    volatile AutomaticReplies replies = AutomaticReplies.NONE;

    Fixture(Engine engine) {
      this(engine, db -> ChatSideEffects.NONE);
    }

    /** With more side effects than the benchmark's, made for this fixture's database. */
    Fixture(Engine engine, Function<Database, ChatSideEffects> moreEffects) {
      fresh = TestDatabases.create(engine);
      db = Database.open(fresh.settings(), 4);
      chats = new JdbcChatRepository(db);
      Migrations.apply(db);
      users = new JdbcUserRepository(db);
      for (int i = 0; i < CHATS; i++) {
        owners.add(user("u" + i + "@example.com", "User " + i, false));
        chatIds.add(Ids.newId());
        chats.createChat(chatIds.get(i), owners.get(i).id(), "", Priority.MEDIUM, Instant.now());
      }
      Clock clock = Clock.systemUTC();
      ChatSideEffects serverEffects =
          ChatSideEffects.all(
              List.of(
                  TeamModule.assignmentEffects(
                      db, new AppConfig.Team(Duration.ofDays(1), Duration.ofMinutes(1)), clock),
                  WebhookModule.create(new Outbox(db), false, clock).chatEffects(),
                  moreEffects.apply(db)));
      batch = new MessageBatch(db.dialect(), senders, serverEffects, () -> this.replies);
    }

    List<Outcome<Optional<Appended>>> store(List<NewMessage> messages) {
      return db.write(c -> batch.apply(c, messages));
    }

    /** Stores the batch and returns what it cost. */
    StatementCounter measure(List<NewMessage> messages) {
      try (StatementCounter counter = new StatementCounter()) {
        db.write(c -> batch.apply(counter.wrap(c), messages));
        return counter;
      }
    }

    /** One message from each of the first {@code n} users to their own chat. */
    List<NewMessage> fromOwners(int n) {
      List<NewMessage> batch = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        batch.add(message(chatIds.get(i), owners.get(i), false, Ids.newId()));
      }
      return batch;
    }

    NewMessage message(String chatId, User sender, boolean admin, String clientId) {
      return MessageBatchIT.message(chatId, sender, admin, false, clientId);
    }

    User user(String email, String name, boolean admin) {
      Instant now = Instant.now();
      User user = new User(Ids.newId(), email, null, name, "not-a-hash", admin, now, now);
      users.insert(user);
      return user;
    }

    @Override
    public void close() {
      chats.close();
      db.close();
      fresh.close();
    }
  }

  /** The writer's sender lookup as the repository has it (remembered), counting its reads. */
  private static final class CountingSenders implements MessageBatch.SenderLookup {
    final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, UserRef> known = new ConcurrentHashMap<>();

    @Override
    public UserRef find(Connection c, String userId, boolean isAdmin) throws SQLException {
      UserRef ref = known.get(userId);
      if (ref == null) {
        lookups.incrementAndGet();
        ref =
            Sql.one(
                    c,
                    "SELECT full_name, email FROM users WHERE id = ?",
                    rs -> new UserRef(userId, rs.getString(1), rs.getString(2), isAdmin),
                    userId)
                .orElseThrow();
        known.put(userId, ref);
      }
      return ref;
    }
  }
}
