package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.chat.ChatRepository.NewMessage;
import dev.supportchat.config.AppConfig;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.hours.HoursModule;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.store.Database;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Migrations;
import dev.supportchat.store.Sql;
import dev.supportchat.team.TeamModule;
import dev.supportchat.testing.StatementCounter;
import dev.supportchat.testing.TestDatabases;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.User;
import dev.supportchat.webhook.WebhookModule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What one group commit costs the message writer, pinned so that a change which adds a statement or
 * a round trip fails here. The shape is the benchmark's (docs/BENCHMARKS.md): users writing to
 * their own open chats, the side effects and automatic replies the server wires, none of them
 * configured (no webhook endpoint, no email, always open).
 */
class MessageBatchRoundTripsIT {
  /** Round trips to PostgreSQL for one batch, its commit included, whatever its size. */
  private static final int POSTGRES_ROUND_TRIPS = 6;

  /** Statements on SQLite for one batch, its commit not included, whatever its size. */
  private static final int SQLITE_STATEMENTS = 5;

  private static final int CHATS = 50;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aBatchOfOneAndABatchOfFiftyCostTheSameFewStatements(Engine engine) throws Exception {
    Clock clock = Clock.systemUTC();
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 4);
        JdbcChatRepository chats = new JdbcChatRepository(db)) {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      List<User> owners = new ArrayList<>();
      List<String> chatIds = new ArrayList<>();
      for (int i = 0; i < CHATS; i++) {
        owners.add(user(users, "u" + i + "@example.com"));
        chatIds.add(Ids.newId());
        chats.createChat(chatIds.get(i), owners.get(i).id(), "", Priority.MEDIUM, Instant.now());
      }
      ChatSideEffects serverEffects =
          ChatSideEffects.all(
              List.of(
                  TeamModule.assignmentEffects(
                      db, new AppConfig.Team(Duration.ofDays(1), Duration.ofMinutes(1)), clock),
                  WebhookModule.create(new Outbox(db), false, clock).chatEffects()));
      AutomaticReplies hours = HoursModule.create(db, p -> false, clock).service();
      CountingSenders senders = new CountingSenders();
      MessageBatch batch = new MessageBatch(db.dialect(), senders, serverEffects, () -> hours);

      for (int size : new int[] {CHATS, 1}) {
        // The same batch before, so every cache (sender names, business hours, pgjdbc's prepared
        // statements) is as warm as in a running server.
        db.write(c -> batch.apply(c, messages(chatIds, owners, size)));
        List<NewMessage> measured = messages(chatIds, owners, size);
        try (StatementCounter counter = new StatementCounter()) {
          db.write(c -> batch.apply(counter.wrap(c), measured));
          if (engine == Engine.POSTGRES) {
            assertThat(counter.roundTrips())
                .as("round trips of a batch of %d", size)
                .isEqualTo(POSTGRES_ROUND_TRIPS);
          } else {
            assertThat(counter.statements())
                .as("statements of a batch of %d", size)
                .isEqualTo(SQLITE_STATEMENTS);
          }
        }
      }
      assertThat(senders.lookups)
          .as("senders looked up (a user's name comes with the locked chat, even the first time)")
          .hasValue(0);
    }
  }

  /** The writer's sender lookup as the repository has it (remembered), counting its reads. */
  private static final class CountingSenders implements MessageBatch.SenderLookup {
    final AtomicInteger lookups = new AtomicInteger();
    private final Map<String, UserRef> known = new ConcurrentHashMap<>();

    @Override
    public UserRef find(java.sql.Connection c, String userId, boolean isAdmin)
        throws java.sql.SQLException {
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

  /** One message from each of the first {@code n} users to their own chat. */
  private static List<NewMessage> messages(List<String> chatIds, List<User> owners, int n) {
    List<NewMessage> batch = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant now = Instant.now();
      batch.add(
          new NewMessage(
              Ids.newId(now.toEpochMilli()),
              chatIds.get(i),
              owners.get(i).id(),
              false,
              "hello",
              MessageType.TEXT,
              List.of(),
              false,
              Ids.newId(),
              now));
    }
    return batch;
  }

  private static User user(JdbcUserRepository users, String email) {
    Instant now = Instant.now();
    User user = new User(Ids.newId(), email, null, email, "not-a-hash", false, now, now);
    users.insert(user);
    return user;
  }
}
