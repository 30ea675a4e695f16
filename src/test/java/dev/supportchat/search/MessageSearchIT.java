package dev.supportchat.search;

import static dev.supportchat.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.TestApp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Searching what was said, over real HTTP on both engines. */
class MessageSearchIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void staffFindMessagesAndNotesNewestFirstAndEditsAreSearchedAsEdited(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login admin = t.http.admin();
      Login ann = t.http.newUser("ann@example.com");
      Login bob = t.http.newUser("bob@example.com");
      String annChat = t.http.openChat(ann, "Billing", "My card was charged twice for order 4711");
      String bobChat =
          t.http.openChat(bob, "Delivery", "Where is my parcel? Order 5812 never arrived");
      t.http.send(admin, annChat, "I can see both charges; refunding one now.", false);
      t.http.send(admin, annChat, "Refund approved by finance, ticket FIN-88", true);
      t.http.send(admin, bobChat, "The parcel is at the depot.", false);

      JsonNode order = search(t, admin, "order").data();
      assertThat(contents(order))
          .as("newest first")
          .containsExactly(
              "Where is my parcel? Order 5812 never arrived",
              "My card was charged twice for order 4711");
      JsonNode first = order.path("results").get(0);
      assertThat(first.path("chatId").asText()).isEqualTo(bobChat);
      assertThat(first.path("chat").path("subject").asText()).isEqualTo("Delivery");
      assertThat(first.path("chat").path("status").asText()).isEqualTo("open");
      assertThat(first.path("chat").path("user").path("email").asText())
          .isEqualTo("bob@example.com");
      assertThat(first.path("sender").path("isAdmin").asBoolean()).isFalse();
      JsonNode text = first.path("snippet").path("text");
      JsonNode range = first.path("snippet").path("highlights").get(0);
      assertThat(text.asText().substring(range.get(0).asInt(), range.get(1).asInt()))
          .isEqualTo("Order");
      assertThat(order.path("more").asBoolean()).isFalse();

      assertThat(contents(search(t, admin, "REFUND").data()))
          .as("the last word is a prefix; notes are found too")
          .containsExactly(
              "Refund approved by finance, ticket FIN-88",
              "I can see both charges; refunding one now.");
      JsonNode note = search(t, admin, "finance").data().path("results").get(0);
      assertThat(note.path("isInternalNote").asBoolean()).isTrue();
      assertThat(contents(search(t, admin, "order 4711").data()))
          .as("every word must occur")
          .containsExactly("My card was charged twice for order 4711");
      assertThat(contents(search(t, admin, "fin-88").data())).hasSize(1);
      assertThat(contents(search(t, admin, "nothing matches this").data())).isEmpty();

      String messageId =
          search(t, admin, "depot").data().path("results").get(0).path("_id").asText();
      Response edited =
          t.http.patch(
              "/api/v1/chats/" + bobChat + "/messages/" + messageId,
              Map.of("content", "The parcel is at the warehouse."),
              admin.accessToken());
      assertThat(edited.status()).as(edited.raw()).isEqualTo(200);
      assertThat(contents(search(t, admin, "depot").data())).as("the old words").isEmpty();
      assertThat(contents(search(t, admin, "warehouse").data())).hasSize(1);

      JsonNode limited = search(t, admin, "parcel&limit=1").data();
      assertThat(limited.path("results")).hasSize(1);
      assertThat(limited.path("more").asBoolean()).isTrue();

      // A chat taken out of the lists (an operator's soft delete) is not searched either.
      t.app
          .database()
          .write(c -> Sql.update(c, "UPDATE chats SET is_active = FALSE WHERE id = ?", bobChat));
      assertThat(contents(search(t, admin, "parcel").data())).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void usersCannotSearchAndBadQueriesAreRefusedWithASentence(Engine engine) {
    try (TestApp t = TestApp.start(engine)) {
      Login admin = t.http.admin();
      Login ann = t.http.newUser("ann@example.com");
      t.http.openChat(ann, "Billing", "secret words of ann");

      assertError(search(t, ann, "secret"), 403, "forbidden");
      assertError(
          t.http.get("/api/v1/chats/admin/messages/search?q=secret", null), 401, "unauthorized");
      assertError(search(t, admin, ""), 400, "invalid", "Type a word");
      assertError(search(t, admin, "a ! ?"), 400, "invalid", "at least 2");
      assertError(search(t, admin, "x".repeat(201)), 400, "invalid", "at most 200");
      assertError(search(t, admin, "secret&limit=51"), 400, "invalid", "limit");
      assertError(search(t, admin, "secret&limit=ten"), 400, "invalid", "whole number");
      // Either engine's query syntax is only a separator: no error, no other results.
      for (String hostile :
          List.of("\"secret", "secret*", "NEAR(secret ann)", "secret:* | !x", "secret' OR '1")) {
        Response r = search(t, admin, hostile);
        assertThat(r.status()).as(hostile + ": " + r.raw()).isEqualTo(200);
      }
      assertThat(contents(search(t, admin, "secret").data())).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aSearchPastItsTimeLimitIsStoppedAndOthersGoOn(Engine engine) {
    try (TestApp t = TestApp.start(engine, Map.of("MESSAGE_SEARCH_TIMEOUT", "100ms"))) {
      Login admin = t.http.admin();
      Login ann = t.http.newUser("ann@example.com");
      t.http.openChat(ann, "Billing", "hello");
      Login bob = t.http.newUser("bob@example.com");
      String old = t.http.openChat(bob, "Old", "first");
      // Old messages that match all eight words. SQLite reads matches newest first and stops after
      // a page, so there the chat is taken out of the lists (an operator's soft delete): it finds
      // every match and drops it (600,000: 310 ms on a fast machine, where 200,000 and five words
      // took 87 ms). On PostgreSQL 2,500 newer messages that do not match follow: it finds no match
      // among the newest messages and then sorts all 200,000 (0.7 s). Both take well over
      // the 100 ms limit.
      int matches = engine == Engine.SQLITE ? 600_000 : 200_000;
      String haystack = "hay straw barn field fence gate cart";
      t.app
          .database()
          .write(
              c -> {
                List<Object[]> rows = new ArrayList<>();
                int newer = engine == Engine.POSTGRES ? 2_500 : 0;
                for (int i = 0; i < matches + newer; i++) {
                  boolean match = i < matches;
                  rows.add(
                      new Object[] {
                        String.format("%024x", i + 1),
                        old,
                        bob.userId(),
                        match ? "needle " + i + " " + haystack : "newer " + i,
                        match ? 0L : 1L
                      });
                }
                Sql.batch(
                    c,
                    "INSERT INTO messages (id, chat_id, sender_id, sender_is_admin, content,"
                        + " message_type, is_read_by_admin, is_read_by_user, is_internal_note,"
                        + " created_at, updated_at)"
                        + " VALUES (?, ?, ?, FALSE, ?, 'text', TRUE, TRUE, FALSE, ?, 0)",
                    rows);
                return engine == Engine.SQLITE
                    ? Sql.update(c, "UPDATE chats SET is_active = FALSE WHERE id = ?", old)
                    : 0;
              });
      Response slow = search(t, admin, "needle " + haystack);
      assertError(slow, 503, "unavailable", "add a word");
      Response after = search(t, admin, "hello");
      assertThat(after.status()).as(after.raw()).isEqualTo(200);
      assertThat(t.http.get("/health", null).status()).isEqualTo(200);
    }
  }

  private static Response search(TestApp t, Login caller, String q) {
    String[] parts = q.split("&", 2);
    String query = "q=" + URLEncoder.encode(parts[0], StandardCharsets.UTF_8);
    if (parts.length > 1) {
      query += "&" + parts[1];
    }
    return t.http.get("/api/v1/chats/admin/messages/search?" + query, caller.accessToken());
  }

  private static List<String> contents(JsonNode data) {
    List<String> found = new ArrayList<>();
    data.path("results")
        .forEach(
            r -> {
              // The snippet is the whole message when it is short.
              found.add(r.path("snippet").path("text").asText());
            });
    return found;
  }
}
