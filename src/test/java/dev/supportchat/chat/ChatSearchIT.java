package dev.supportchat.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.chat.ChatRepository.AdminFilter;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Database;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Migrations;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.TestDatabases;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.User;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The admin list's {@code q} on both engines, through the trigram tables of migration V5:
 * substrings of the subject, the user's name and email, any case, terms shorter than a trigram,
 * characters that mean something to LIKE or to FTS5, and the search table following a renamed user.
 */
class ChatSearchIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void findsChatsBySubjectNameOrEmailSubstring(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      var chats = new JdbcChatRepository(db);
      chat(chats, user(users, "ann@example.com", "Ann Ørsted"), "Payment failed twice");
      chat(chats, user(users, "bob_smith@shop.test", "Bob Smith"), "Refund 100% please");
      chat(chats, user(users, "cleo@example.com", "Cléo \"Q\" Martin"), "Login broken\\again");
      chat(chats, user(users, "dan@example.com", "Dan Ng"), "Payment method update");

      assertThat(search(chats, "payment"))
          .containsExactlyInAnyOrder("Payment failed twice", "Payment method update");
      assertThat(search(chats, "PAYMENT FAILED"))
          .as("case and spaces")
          .containsExactly("Payment failed twice");
      assertThat(search(chats, "ørst"))
          .as("name, non-ASCII")
          .containsExactly("Payment failed twice");
      assertThat(search(chats, "ØRSTED"))
          .as("non-ASCII upper case")
          .containsExactly("Payment failed twice");
      assertThat(search(chats, "shop.test")).as("email").containsExactly("Refund 100% please");
      assertThat(search(chats, "b_s"))
          .as("underscore is literal")
          .containsExactly("Refund 100% please");
      assertThat(search(chats, "0%"))
          .as("percent is literal")
          .containsExactly("Refund 100% please");
      assertThat(search(chats, "%")).containsExactly("Refund 100% please");
      assertThat(search(chats, "\"q\""))
          .as("quotes are literal")
          .containsExactly("Login broken\\again");
      assertThat(search(chats, "n\\a"))
          .as("backslash is literal")
          .containsExactly("Login broken\\again");
      assertThat(search(chats, "ng"))
          .as("two letters, shorter than a trigram: Dan Ng's chat")
          .containsExactly("Payment method update");
      assertThat(search(chats, "é")).as("one letter").containsExactly("Login broken\\again");
      assertThat(search(chats, "payment OR login")).as("no query syntax").isEmpty();
      assertThat(search(chats, "nothing like this")).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void followsRenamedUsersAndSkipsInactiveChats(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      var chats = new JdbcChatRepository(db);
      User eve = user(users, "eve@example.com", "Eve Adams");
      String chatId = chat(chats, eve, "Cannot export");

      db.write(
          c ->
              Sql.update(
                  c,
                  "UPDATE users SET full_name = 'Eve Zimmer', email = 'eve.z@example.org'"
                      + " WHERE id = ?",
                  eve.id()));
      assertThat(search(chats, "adams")).isEmpty();
      assertThat(search(chats, "zimmer")).containsExactly("Cannot export");
      assertThat(search(chats, "example.org")).containsExactly("Cannot export");

      db.write(
          c -> Sql.update(c, "UPDATE chats SET subject = 'Cannot import' WHERE id = ?", chatId));
      assertThat(search(chats, "export")).isEmpty();
      assertThat(search(chats, "import")).containsExactly("Cannot import");

      db.write(c -> Sql.update(c, "UPDATE chats SET is_active = FALSE WHERE id = ?", chatId));
      assertThat(search(chats, "import")).as("inactive chats leave every list").isEmpty();
      assertThat(total(chats, "import", null)).as("and every total, searched alone").isZero();
      assertThat(total(chats, "im", null)).as("a short term too").isZero();
      assertThat(total(chats, "import", ChatStatus.OPEN)).as("or with a filter").isZero();

      db.write(
          c -> Sql.update(c, "UPDATE users SET full_name = 'Eve Young' WHERE id = ?", eve.id()));
      db.write(c -> Sql.update(c, "UPDATE chats SET is_active = TRUE WHERE id = ?", chatId));
      assertThat(search(chats, "young"))
          .as("reactivated, with what changed meanwhile")
          .containsExactly("Cannot import");
      assertThat(total(chats, "import", null)).isEqualTo(1);
      assertThat(total(chats, "im", ChatStatus.OPEN)).isEqualTo(1);
    }
  }

  private static long total(JdbcChatRepository chats, String term, ChatStatus status) {
    return chats.listForAdmin(new AdminFilter(status, null, null, false, term), 0, 50).total();
  }

  private static List<String> search(JdbcChatRepository chats, String term) {
    return chats
        .listForAdmin(new AdminFilter(null, null, null, false, term), 0, 50)
        .chats()
        .stream()
        .map(Chat::subject)
        .toList();
  }

  private static User user(JdbcUserRepository users, String email, String name) {
    Instant now = Instant.now();
    User user = new User(Ids.newId(), email, null, name, "not-a-hash", false, now, now);
    users.insert(user);
    return user;
  }

  private static String chat(JdbcChatRepository chats, User owner, String subject) {
    String id = Ids.newId();
    chats.createChat(id, owner.id(), subject, Priority.MEDIUM, Instant.now()).orElseThrow();
    return id;
  }
}
