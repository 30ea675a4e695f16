package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Database;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Migrations;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.TestDatabases;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.Principal;
import dev.supportchat.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Counters and idempotency under real concurrency, against the real database engines (no HTTP in
 * the way).
 */
class ChatServiceConcurrencyIT {
  private static final int SENDERS = 4;
  private static final int MESSAGES_EACH = 25;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void unreadCountersStayExactWhileSendsAndReadsRace(Engine engine) throws Exception {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 8)) {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      User user = insertUser(users, "u@example.com", false);
      User admin = insertUser(users, "a@example.com", true);
      var service =
          new ChatService(
              new JdbcChatRepository(db), users, ChatEvents.NONE, Clock.systemUTC(), 5000);
      Principal u = user.principal("s1");
      Principal a = admin.principal("s2");
      String chatId = service.createOrGet(u, "race", null, null, null).chat().id();

      ExecutorService pool = Executors.newFixedThreadPool(SENDERS + 2);
      List<Future<?>> work = new ArrayList<>();
      for (int s = 0; s < SENDERS; s++) {
        Principal who = s % 2 == 0 ? u : a;
        int sender = s;
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < MESSAGES_EACH; i++) {
                    service.send(
                        who,
                        chatId,
                        new ChatService.SendCommand(
                            "m" + sender + "-" + i,
                            null,
                            List.of(),
                            false,
                            "c" + sender + "-" + (i % 20)));
                  }
                }));
      }
      for (Principal reader : List.of(u, a)) {
        work.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 30; i++) {
                    service.markRead(reader, chatId);
                  }
                }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      pool.shutdown();

      Long stored =
          db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM messages WHERE chat_id = ?", chatId));
      assertThat(stored)
          .as("clientMessageId repeats every 20 sends: 20 distinct per sender")
          .isEqualTo((long) SENDERS * 20);
      Long unreadUserMessages =
          db.read(
              c ->
                  Sql.count(
                      c,
                      "SELECT COUNT(*) FROM messages WHERE chat_id = ?"
                          + " AND sender_is_admin = FALSE AND is_read_by_admin = FALSE",
                      chatId));
      Long unreadAdminMessages =
          db.read(
              c ->
                  Sql.count(
                      c,
                      "SELECT COUNT(*) FROM messages WHERE chat_id = ?"
                          + " AND sender_is_admin = TRUE AND is_read_by_user = FALSE",
                      chatId));
      Chat chat = service.access(a, chatId);
      assertThat((long) chat.unreadByAdmin()).isEqualTo(unreadUserMessages);
      assertThat((long) chat.unreadByUser()).isEqualTo(unreadAdminMessages);
    }
  }

  private static User insertUser(JdbcUserRepository users, String email, boolean admin) {
    Instant now = Instant.now();
    User user = new User(Ids.newId(), email, null, email, "not-a-hash", admin, now, now);
    users.insert(user);
    return user;
  }
}
