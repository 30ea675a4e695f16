package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.chat.ChatRepository.Appended;
import dev.supportchat.chat.ChatRepository.NewMessage;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Migrations;
import dev.supportchat.store.Pipeline;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.TestDatabases;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The set-wise group commit (MessageBatch) with many messages released at once, so they share
 * batches: what each sender is told and what is stored must be what one transaction per message
 * would have given.
 */
class MessageBatchIT {
  private static final int THREADS = 24;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void concurrentSendsStoreEachMessageOnceAndKeepEveryChatExact(Engine engine) throws Exception {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 8);
        JdbcChatRepository chats = new JdbcChatRepository(db)) {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      User admin = user(users, "admin@example.com", true);
      List<User> owners = new ArrayList<>();
      List<String> chatIds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        owners.add(user(users, "u" + i + "@example.com", false));
        chatIds.add(Ids.newId());
        chats
            .createChat(
                chatIds.get(i), owners.get(i).id(), "chat " + i, Priority.MEDIUM, Instant.now())
            .orElseThrow();
      }
      chats.updateStatus(chatIds.get(0), ChatStatus.RESOLVED, null, admin.id(), Instant.now());

      List<Supplier<Optional<Appended>>> sends = new ArrayList<>();
      for (int round = 0; round < 10; round++) {
        for (int i = 0; i < 4; i++) {
          String chatId = chatIds.get(i);
          User owner = owners.get(i);
          String retried = "same-" + i + "-" + (round % 5);
          sends.add(() -> chats.append(message(chatId, owner, false, false, retried)));
          sends.add(() -> chats.append(message(chatId, admin, true, false, null)));
          sends.add(() -> chats.append(message(chatId, admin, true, true, null)));
        }
      }
      String missingChat = Ids.newId();
      sends.add(() -> chats.append(message(missingChat, owners.get(0), false, false, null)));

      List<Object> results = releaseTogether(sends);

      assertThat(results.get(results.size() - 1))
          .as("a message to an unknown chat is refused alone")
          .isInstanceOf(AppException.class);
      long reopenedCount =
          results.stream()
              .filter(
                  r ->
                      r instanceof Optional<?> o
                          && o.isPresent()
                          && ((Appended) o.get()).reopened())
              .count();
      assertThat(reopenedCount)
          .as("only the first user message reopens the resolved chat")
          .isEqualTo(1);
      long duplicates =
          results.stream().filter(r -> r instanceof Optional<?> o && o.isEmpty()).count();
      assertThat(duplicates).as("each clientMessageId is sent twice, stored once").isEqualTo(4 * 5);

      for (String chatId : chatIds) {
        long userMessages =
            db.read(
                c ->
                    Sql.count(
                        c,
                        "SELECT COUNT(*) FROM messages WHERE chat_id = ?"
                            + " AND sender_is_admin = FALSE",
                        chatId));
        assertThat(userMessages).isEqualTo(5);
        Chat chat = chats.findChat(chatId).orElseThrow();
        assertThat(chat.unreadByAdmin()).isEqualTo(5);
        assertThat(chat.unreadByUser()).as("admin replies, notes excluded").isEqualTo(10);
        String newest =
            db.read(
                    c ->
                        Sql.one(
                            c,
                            "SELECT id FROM messages WHERE chat_id = ?"
                                + " ORDER BY created_at DESC, id DESC LIMIT 1",
                            rs -> rs.getString(1),
                            chatId))
                .orElseThrow();
        String newestPublic =
            db.read(
                    c ->
                        Sql.one(
                            c,
                            "SELECT id FROM messages WHERE chat_id = ?"
                                + " AND is_internal_note = FALSE ORDER BY created_at DESC, id DESC LIMIT 1",
                            rs -> rs.getString(1),
                            chatId))
                .orElseThrow();
        assertThat(chat.lastMessage().id()).isEqualTo(newest);
        assertThat(chat.lastPublicMessage().id()).isEqualTo(newestPublic);
        Long firstResponse =
            db.read(
                    c ->
                        Sql.one(
                            c,
                            "SELECT first_response_ms FROM chats WHERE id = ?",
                            rs -> Sql.nullableLong(rs, "first_response_ms"),
                            chatId))
                .orElse(null);
        assertThat(firstResponse)
            .as("set by the first public reply after a user message")
            .isNotNull();
        List<Chat> reported =
            results.stream()
                .filter(r -> r instanceof Optional<?> o && o.isPresent())
                .map(r -> ((Appended) ((Optional<?>) r).get()).chat())
                .filter(ch -> ch.id().equals(chatId))
                .toList();
        assertThat(reported)
            .as("the chat the last batch reported (derived, not read back) is the stored one")
            .contains(chat);
      }
      assertThat(chats.findChat(chatIds.get(0)).orElseThrow().status()).isEqualTo(ChatStatus.OPEN);
      long counted = db.read(c -> Sql.count(c, "SELECT SUM(messages) FROM sender_message_counts"));
      long stored = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM messages"));
      assertThat(counted).as("statistics counters").isEqualTo(stored).isEqualTo(4 * (5 + 10 + 10));
      assertThatThrownBy(() -> chats.append(message(missingChat, admin, true, false, null)))
          .isInstanceOf(AppException.class);
    }
  }

  /**
   * Starts every send at the same moment from a pool, so the writer finds many of them queued at
   * once.
   */
  private static List<Object> releaseTogether(List<Supplier<Optional<Appended>>> sends)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> futures = new ArrayList<>();
    for (Supplier<Optional<Appended>> send : sends) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                try {
                  return send.get();
                } catch (AppException refused) {
                  return refused;
                }
              }));
    }
    start.countDown();
    List<Object> results = new ArrayList<>();
    for (Future<Object> f : futures) {
      results.add(f.get());
    }
    pool.shutdown();
    return results;
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theAutomaticReplyCommitsInTheUsersMessageTransactionOncePerKey(Engine engine)
      throws Exception {
    List<List<String>> transactions = new ArrayList<>();
    ChatSideEffects recording =
        new ChatSideEffects() {
          @Override
          public void messagesStored(Pipeline writes, List<Appended> stored) {
            transactions.add(stored.stream().map(a -> a.message().sender().id()).toList());
          }
        };
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 8);
        JdbcChatRepository chats = new JdbcChatRepository(db, recording)) {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      User admin = user(users, "admin@example.com", true);
      User owner = user(users, "owner@example.com", false);
      String chatId = Ids.newId();
      chats
          .createChat(chatId, owner.id(), "at night", Priority.MEDIUM, Instant.now())
          .orElseThrow();
      String[] key = {"closed-until-monday"};
      chats.replyAutomaticallyWith(
          (c, chat, at) ->
              Optional.of(new AutomaticReplies.Reply(key[0], "We are back on Monday at 9:00.")));

      Appended first = chats.append(message(chatId, owner, false, false, "q1")).orElseThrow();
      assertThat(first.automaticReply()).as("stored with the user's message").isNotNull();
      assertThat(first.automaticReply().message().sender().id())
          .isEqualTo(AutomaticReply.SENDER_ID);
      assertThat(first.automaticReply().message().content())
          .isEqualTo("We are back on Monday at 9:00.");
      assertThat(transactions)
          .as("one transaction holds the user's message and the reply, in that order")
          .containsExactly(List.of(owner.id(), AutomaticReply.SENDER_ID));
      assertThat(first.automaticReply().chat().lastMessage().id())
          .isEqualTo(first.automaticReply().message().id());

      Appended second = chats.append(message(chatId, owner, false, false, "q2")).orElseThrow();
      assertThat(second.automaticReply()).as("one reply per key").isNull();
      Appended staff = chats.append(message(chatId, admin, true, false, null)).orElseThrow();
      assertThat(staff.automaticReply()).as("staff messages are not answered").isNull();

      key[0] = "closed-until-tuesday";
      chats.replyAutomaticallyWith(
          (c, chat, at) -> {
            throw new IllegalStateException("the rule failed");
          });
      Appended kept = chats.append(message(chatId, owner, false, false, "q3")).orElseThrow();
      assertThat(kept.automaticReply()).as("a failing rule costs the reply only").isNull();
      assertThat(chats.messages(chatId, true, 50, null).messages())
          .extracting(m -> m.sender().id())
          .containsExactly(
              owner.id(), admin.id(), owner.id(), AutomaticReply.SENDER_ID, owner.id());
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aFailureAmongTheLastStatementsStoresNothingOfTheMessage(Engine engine) throws Exception {
    boolean[] failing = {true};
    // A feature whose row cannot be written: its statement travels with the chat's update, the
    // counters and (PostgreSQL) the COMMIT, all of which must then be undone.
    ChatSideEffects broken =
        new ChatSideEffects() {
          @Override
          public void messagesStored(Pipeline writes, List<Appended> stored) {
            if (failing[0]) {
              writes.batch(
                  "INSERT INTO sender_message_counts (sender_id, messages, public_replies)"
                      + " VALUES (?, NULL, 0)",
                  List.<Object[]>of(new Object[] {"nobody"}));
            }
          }
        };
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 8);
        JdbcChatRepository chats = new JdbcChatRepository(db, broken)) {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      User owner = user(users, "owner@example.com", false);
      String chatId = Ids.newId();
      chats.createChat(chatId, owner.id(), "s", Priority.MEDIUM, Instant.now()).orElseThrow();

      assertThatThrownBy(() -> chats.append(message(chatId, owner, false, false, "once")))
          .isInstanceOf(RuntimeException.class);
      assertThat(count(db, "SELECT COUNT(*) FROM messages")).isZero();
      assertThat(count(db, "SELECT COUNT(*) FROM sender_message_counts")).isZero();
      assertThat(chats.findChat(chatId).orElseThrow().unreadByAdmin()).isZero();

      failing[0] = false;
      Appended retried = chats.append(message(chatId, owner, false, false, "once")).orElseThrow();
      assertThat(retried.chat().unreadByAdmin()).as("the retry, stored once").isEqualTo(1);
      assertThat(count(db, "SELECT COUNT(*) FROM messages")).isEqualTo(1);
      assertThat(count(db, "SELECT messages FROM sender_message_counts")).isEqualTo(1);
    }
  }

  private static long count(Database db, String sql) {
    return db.read(c -> Sql.count(c, sql));
  }

  static NewMessage message(
      String chatId, User sender, boolean admin, boolean note, String clientId) {
    Instant now = Instant.now();
    return new NewMessage(
        Ids.newId(now.toEpochMilli()),
        chatId,
        sender.id(),
        admin,
        "hello",
        MessageType.TEXT,
        List.of(),
        note,
        clientId,
        now);
  }

  private static User user(JdbcUserRepository users, String email, boolean admin) {
    Instant now = Instant.now();
    User user = new User(Ids.newId(), email, null, email, "not-a-hash", admin, now, now);
    users.insert(user);
    return user;
  }
}
