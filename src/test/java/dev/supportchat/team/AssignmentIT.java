package dev.supportchat.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.TestApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Automatic assignment with capacity and a queue, on SQLite and on PostgreSQL. */
class AssignmentIT {

  @ParameterizedTest
  @EnumSource(Engine.class)
  void chatsGoToTheLeastLoadedOnlineAgentThenWaitInOrderForRoom(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login ann = f.join(admin, "ann@example.org", "agent");
      Login bob = f.join(admin, "bob@example.org", "agent");
      Login cat = f.join(admin, "cat@example.org", "agent");
      // Off by default: a chat waits for someone to press "Assign to me".
      Login early = t.http.newUser("early@example.org");
      f.chatOf(early);
      NodeScript.Running dashboards =
          NodeScript.start(
              "staff-sockets.mjs",
              t.baseUrl(),
              ann.accessToken(),
              bob.accessToken(),
              cat.accessToken());
      TeamFixture.awaitConnected(dashboards, 3);
      t.http.put("/api/v1/team/me/availability", Map.of("status", "away"), cat.accessToken());
      t.app.team().assignNow();
      assertThat(f.assigneeOf(early)).as("auto-assignment is off").isNull();

      f.settings(admin, true, 2);
      TeamFixture.eventually("the early chat is assigned", () -> f.assigneeOf(early) != null);
      List<Login> users = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Login u = t.http.newUser("user" + i + "@example.org");
        f.chatOf(u);
        users.add(u);
      }
      Login waiting = users.get(3);
      // Each chat was assigned in the transaction that created it: no waiting for a pass.
      assertThat(users.subList(0, 3)).allMatch(u -> f.assigneeOf(u) != null);
      Map<String, Integer> load = new HashMap<>();
      for (Login u : List.of(early, users.get(0), users.get(1), users.get(2))) {
        load.merge(f.assigneeOf(u), 1, Integer::sum);
      }
      assertThat(load)
          .as("two each for the online agents, none for the away one")
          .isEqualTo(Map.of(ann.userId(), 2, bob.userId(), 2));
      t.app.team().assignNow();
      assertThat(f.assigneeOf(waiting)).as("nobody has room").isNull();
      JsonNode queue = f.team(admin).get("queue");
      assertThat(queue.get("length").asInt()).isEqualTo(1);
      assertThat(queue.get("oldestWaitMs").asLong()).isGreaterThanOrEqualTo(0);
      assertThat(f.member(admin, ann.userId()).get("load").asInt()).isEqualTo(2);

      // Resolving a chat frees room: the waiting chat goes to that agent at once ...
      Login resolvedUser = users.get(0);
      String freedAgent = f.assigneeOf(resolvedUser);
      String resolvedChat = f.chatOf(resolvedUser, false).get("_id").asText();
      t.http.put(
          "/api/v1/chats/" + resolvedChat + "/status",
          Map.of("status", "resolved"),
          admin.accessToken());
      // ... in the resolve's own transaction: assigned when the resolve's answer arrives.
      assertThat(f.assigneeOf(waiting)).isEqualTo(freedAgent);
      assertThat(f.chatOf(waiting, false).get("status").asText()).isEqualTo("in-progress");

      // Manual assignment wins, even over capacity and to an away agent.
      String waitingChat = f.chatOf(waiting, false).get("_id").asText();
      t.http.post(
          "/api/v1/chats/" + waitingChat + "/assign",
          Map.of("adminId", cat.userId()),
          admin.accessToken());
      t.app.team().assignNow();
      assertThat(f.assigneeOf(waiting)).isEqualTo(cat.userId());

      // Cat comes back online with room: the next new chat goes to cat (fewest chats).
      t.http.put("/api/v1/team/me/availability", Map.of("status", "online"), cat.accessToken());
      Login next = t.http.newUser("next@example.org");
      f.chatOf(next);
      assertThat(f.assigneeOf(next)).as("assigned as it was created").isNotNull();
      assertThat(f.assigneeOf(next)).isEqualTo(cat.userId());
      JsonNode events = dashboards.finish().get("events");
      assertThat(events.toString()).contains("support_chat_assigned");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anAgentOfflineForLongerThanTheGraceGivesTheirChatsBackToTheFrontOfTheQueue(Engine engine)
      throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login ann = f.join(admin, "ann@example.org", "agent");
      Login bob = f.join(admin, "bob@example.org", "agent");
      f.settings(admin, true, 1);
      NodeScript.Running annDashboard =
          NodeScript.start("staff-sockets.mjs", t.baseUrl(), ann.accessToken());
      TeamFixture.awaitConnected(annDashboard, 1);
      Login first = t.http.newUser("first@example.org");
      f.chatOf(first);
      TeamFixture.eventually("ann has the chat", () -> ann.userId().equals(f.assigneeOf(first)));
      Login second = t.http.newUser("second@example.org");
      f.chatOf(second);
      annDashboard.finish(); // ann closes the dashboard
      TeamFixture.eventually(
          "ann is offline",
          () -> f.member(admin, ann.userId()).get("availability").asText().equals("offline"));

      t.clock.advance(Duration.ofMinutes(9));
      t.app.team().assignNow();
      assertThat(f.assigneeOf(first)).as("within the grace ann keeps it").isEqualTo(ann.userId());

      t.clock.advance(Duration.ofMinutes(2));
      Login adminNow = t.http.admin(); // the first token expired meanwhile
      NodeScript.Running bobDashboard =
          NodeScript.start(
              "staff-sockets.mjs",
              t.baseUrl(),
              t.http.login("bob@example.org", TeamFixture.PASSWORD).accessToken());
      TeamFixture.awaitConnected(bobDashboard, 1);
      TeamFixture.eventually(
          "ann's chat went back to the queue and, ahead of the newer one, to bob",
          () -> bob.userId().equals(f.assigneeOf(first)));
      assertThat(f.assigneeOf(second)).as("bob's capacity is 1: the newer chat waits").isNull();
      assertThat(f.team(adminNow).get("queue").get("length").asInt()).isEqualTo(1);
      bobDashboard.finish();
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theTimelineSaysWhoTookResolvedReopenedAndGaveBackEachChat(Engine engine) throws Exception {
    try (TestApp t = TestApp.start(engine)) {
      TeamFixture f = new TeamFixture(t);
      Login admin = t.http.admin();
      Login ann = f.join(admin, "ann@example.org", "agent");
      f.settings(admin, true, 2);
      NodeScript.Running dashboard =
          NodeScript.start("staff-sockets.mjs", t.baseUrl(), ann.accessToken());
      TeamFixture.awaitConnected(dashboard, 1);
      Login user = t.http.newUser("timeline@example.org");
      String chatId = f.chatOf(user);
      TeamFixture.eventually("ann has the chat", () -> ann.userId().equals(f.assigneeOf(user)));
      t.http.put(
          "/api/v1/chats/" + chatId + "/status", Map.of("status", "resolved"), ann.accessToken());
      t.http.post(
          "/api/v1/chats/" + chatId + "/messages",
          Map.of("content", "one more thing"),
          user.accessToken());
      assertThat(f.assigneeOf(user)).as("reopened, still ann's").isEqualTo(ann.userId());
      f.settings(admin, false, 2);
      var back =
          t.http.post("/api/v1/chats/" + chatId + "/unassign", Map.of(), admin.accessToken());
      assertThat(back.status()).as(back.raw()).isEqualTo(200);
      assertThat(back.data().get("status").asText()).isEqualTo("open");
      assertThat(back.data().get("admin").isNull()).isTrue();
      var again =
          t.http.post("/api/v1/chats/" + chatId + "/unassign", Map.of(), admin.accessToken());
      assertThat(again.status()).as("nobody on it: answered as it is").isEqualTo(200);

      var events = t.http.get("/api/v1/chats/" + chatId + "/events", admin.accessToken());
      assertThat(events.status()).as(events.raw()).isEqualTo(200);
      List<String> lines = new ArrayList<>();
      for (JsonNode e : events.data()) {
        String actor = e.get("actor").isNull() ? "server" : e.get("actor").get("_id").asText();
        String from =
            e.get("from").isObject() ? e.get("from").get("_id").asText() : e.get("from").asText();
        String to = e.get("to").isObject() ? e.get("to").get("_id").asText() : e.get("to").asText();
        lines.add(e.get("type").asText() + " " + actor + " " + from + ">" + to);
      }
      assertThat(lines)
          .containsExactly(
              "assigned server null>" + ann.userId(),
              "status " + ann.userId() + " in-progress>resolved",
              // reopened by its user: still ann's (open, someone on it)
              "status " + user.userId() + " resolved>open",
              "assigned " + admin.userId() + " " + ann.userId() + ">null");
      assertThat(t.http.get("/api/v1/chats/" + chatId + "/events", user.accessToken()).status())
          .as("people who chat never see the timeline")
          .isEqualTo(403);
      assertThat(
              t.http
                  .post("/api/v1/chats/" + chatId + "/unassign", Map.of(), user.accessToken())
                  .status())
          .isEqualTo(403);
      dashboard.finish();
    }
  }
}
