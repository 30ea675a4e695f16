package dev.supportchat.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.ServerProcess;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Three server processes on one PostgreSQL database and Redis, agents' dashboards spread over them,
 * chats arriving on all three at once: each node runs assignment passes whenever it likes, and
 * still no agent goes over capacity, loads stay even, and the queue is served first in first out.
 */
class AssignmentScaleOutIT {
  private static final int AGENTS = 4;
  private static final int CAPACITY = 3;
  private static final int CHATS = 20;

  @Test
  void threeNodesAssignEachChatOnceWithinCapacityAndInOrder() throws Exception {
    TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES);
    String prefix = "sc-assign-" + UUID.randomUUID();
    List<ServerProcess> nodes = new ArrayList<>();
    List<NodeScript.Running> dashboards = new ArrayList<>();
    try (Database database = Database.open(db.settings(), 2)) {
      for (int i = 0; i < 3; i++) {
        Map<String, String> env =
            TestApp.serverEnvironment(Files.createTempDirectory("sc-node-"), db.url());
        env.put("REDIS_URL", "redis://127.0.0.1:6379");
        env.put("REDIS_PREFIX", prefix);
        nodes.add(new ServerProcess(env).start());
      }
      List<HttpTestClient> http = nodes.stream().map(n -> new HttpTestClient(n.baseUrl())).toList();
      Login admin = http.get(0).admin();
      // The admin is away: only the agents take chats.
      http.get(0)
          .put("/api/v1/team/me/availability", Map.of("status", "away"), admin.accessToken());
      List<Login> agents = new ArrayList<>();
      for (int i = 0; i < AGENTS; i++) {
        Login agent = join(http.get(i % 3), admin, "agent" + i + "@example.org");
        agents.add(agent);
        NodeScript.Running d =
            NodeScript.start("staff-sockets.mjs", nodes.get(i % 3).baseUrl(), agent.accessToken());
        TeamFixture.awaitConnected(d, 1);
        dashboards.add(d);
      }
      Response on =
          http.get(1)
              .patch(
                  "/api/v1/team/settings",
                  Map.of("autoAssign", true, "defaultCapacity", CAPACITY),
                  admin.accessToken());
      assertThat(on.status()).isEqualTo(200);

      ExecutorService pool = Executors.newFixedThreadPool(6);
      List<Future<Login>> users = new ArrayList<>();
      for (int i = 0; i < CHATS; i++) {
        HttpTestClient node = http.get(i % 3);
        String email = "user" + i + "@example.org";
        users.add(
            pool.submit(
                () -> {
                  Login u = node.newUser(email);
                  node.post("/api/v1/chats/support", Map.of("message", "hello"), u.accessToken());
                  return u;
                }));
      }
      for (Future<Login> f : users) {
        f.get();
      }
      pool.shutdown();
      TeamFixture.eventually(
          "every agent is at capacity", () -> assigned(database) == AGENTS * CAPACITY);
      Thread.sleep(6_000); // more passes on every node (each runs one every 5 s): nothing changes
      Map<String, Integer> loads = loads(database);
      assertThat(loads).hasSize(AGENTS).allSatisfy((id, n) -> assertThat(n).isEqualTo(CAPACITY));
      assertThat(queued(database)).isEqualTo(CHATS - AGENTS * CAPACITY);

      // Each agent resolves one chat on a different node: the oldest waiting chats are next.
      List<String> nextInLine = queueInOrder(database).subList(0, AGENTS);
      for (int i = 0; i < AGENTS; i++) {
        String chatId = chatsOf(database, agents.get(i).userId()).get(0);
        Response r =
            http.get((i + 1) % 3)
                .put(
                    "/api/v1/chats/" + chatId + "/status",
                    Map.of("status", "resolved"),
                    admin.accessToken());
        assertThat(r.status()).isEqualTo(200);
      }
      TeamFixture.eventually(
          "the four oldest waiting chats are assigned",
          () -> nextInLine.stream().allMatch(id -> !queueInOrder(database).contains(id)));
      Thread.sleep(6_000);
      assertThat(loads(database).values()).allSatisfy(n -> assertThat(n).isEqualTo(CAPACITY));
      assertThat(queued(database)).isEqualTo(CHATS - AGENTS * CAPACITY - AGENTS);
    } finally {
      for (NodeScript.Running d : dashboards) {
        d.finish();
      }
      for (ServerProcess n : nodes) {
        n.close();
      }
      db.close();
    }
  }

  private static Login join(HttpTestClient http, Login admin, String email) {
    JsonNode invite =
        http.post("/api/v1/team/invites", Map.of("email", email), admin.accessToken()).data();
    JsonNode d =
        http.post(
                "/api/v1/team/invites/accept",
                Map.of(
                    "token",
                    invite.get("token").asText(),
                    "fullName",
                    email,
                    "password",
                    TeamFixture.PASSWORD),
                null)
            .data();
    return new Login(
        d.path("user").path("_id").asText(),
        d.path("accessToken").asText(),
        d.path("refreshToken").asText(),
        true);
  }

  private static long assigned(Database db) {
    return db.read(
        c ->
            Sql.count(
                c,
                "SELECT COUNT(*) FROM chats WHERE admin_id IS NOT NULL"
                    + " AND status IN ('OPEN', 'IN_PROGRESS')"));
  }

  private static long queued(Database db) {
    return db.read(
        c -> Sql.count(c, "SELECT COUNT(*) FROM chats WHERE admin_id IS NULL AND status = 'OPEN'"));
  }

  private static Map<String, Integer> loads(Database db) {
    Map<String, Integer> out = new HashMap<>();
    db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT admin_id, COUNT(*) FROM chats WHERE admin_id IS NOT NULL"
                        + " AND status IN ('OPEN', 'IN_PROGRESS') GROUP BY admin_id",
                    rs -> new Object[] {rs.getString(1), rs.getInt(2)}))
        .forEach(row -> out.put((String) row[0], (Integer) row[1]));
    return out;
  }

  private static List<String> queueInOrder(Database db) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT id FROM chats WHERE admin_id IS NULL AND status = 'OPEN'"
                    + " ORDER BY COALESCE(queued_at, created_at), id",
                rs -> rs.getString(1)));
  }

  private static List<String> chatsOf(Database db, String agentId) {
    return db.read(
        c ->
            Sql.list(
                c,
                "SELECT id FROM chats WHERE admin_id = ? AND status IN ('OPEN', 'IN_PROGRESS')",
                rs -> rs.getString(1),
                agentId));
  }
}
