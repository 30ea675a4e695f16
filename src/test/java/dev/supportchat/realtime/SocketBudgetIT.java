package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Limits that must not refuse normal clients (issue 20), with default settings: an agent whose
 * dashboard joins its 500 chats at connect, then types, is answered every time; its sends are on a
 * budget of their own, which still stops a flood. Both engines (joins read the chat).
 */
class SocketBudgetIT {
  private static final int CHATS = 500;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anAgentJoiningFiveHundredChatsAtConnectIsNeverRefusedButASendFloodIs(Engine engine)
      throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      Login user = t.http.newUser("ann@example.com");
      Login admin = t.http.admin();
      // 500 open chats of 500 users (one active chat each), written straight to the database: the
      // API would need 500 registrations.
      List<String> ids = new ArrayList<>();
      ids.add(
          t.http
              .post("/api/v1/chats/support", java.util.Map.of(), user.accessToken())
              .data()
              .get("_id")
              .asText());
      long now = t.clock.millis();
      t.app
          .database()
          .write(
              c -> {
                for (int i = 1; i < CHATS; i++) {
                  String userId = Ids.newId(now);
                  Sql.update(
                      c,
                      "INSERT INTO users (id, email, full_name, password_hash, is_admin,"
                          + " created_at, updated_at) VALUES (?, ?, ?, 'x', FALSE, ?, ?)",
                      userId,
                      "user" + i + "@example.com",
                      "User " + i,
                      now,
                      now);
                  String id = Ids.newId(now);
                  ids.add(id);
                  Sql.update(
                      c,
                      "INSERT INTO chats (id, user_id, subject, priority, priority_rank, status,"
                          + " is_active, last_activity_at, created_at, updated_at)"
                          + " VALUES (?, ?, '', 'medium', 2, 'open', TRUE, ?, ?, ?)",
                      id,
                      userId,
                      now,
                      now,
                      now);
                }
                return null;
              });
      Path file = Files.createTempFile("chat-ids-", ".json");
      file.toFile().deleteOnExit();
      HttpTestClient.JSON.writeValue(file.toFile(), ids);

      JsonNode r =
          NodeScript.run("join-budget.mjs", t.baseUrl(), admin.accessToken(), file.toString());
      System.out.println("SOCKET BUDGET " + engine + ": " + r);
      assertThat(r.path("joins").path("ok").asInt()).isEqualTo(CHATS);
      assertThat(r.path("joins").size()).isEqualTo(1); // nothing but ok
      assertThat(r.path("typing").path("ok").asInt()).isEqualTo(40);
      assertThat(r.path("firstSend").asBoolean()).isTrue();
      // The default send budget (20 a second, bursts of 40) still stops a loop of 200 sends.
      assertThat(r.path("flood").path("rate_limited").asInt()).isGreaterThan(100);
      assertThat(r.path("flood").path("ok").asInt()).isBetween(30, 99);
    }
  }
}
