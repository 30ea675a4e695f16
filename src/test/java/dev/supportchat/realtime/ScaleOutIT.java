package dev.supportchat.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Database;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.MutableClock;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.ServerProcess;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Several server nodes on different ports sharing one fresh PostgreSQL database and Redis: every
 * event reaches the right sockets exactly once whichever node they are on, and a stopped node loses
 * nothing for its clients. The nodes are server processes of their own where it matters (the full
 * conversation, a node killed), else servers in this JVM, which start faster and let a test reach
 * into them.
 */
class ScaleOutIT {

  /** Server nodes sharing one fresh PostgreSQL database and a Redis channel of their own. */
  private static final class Cluster implements AutoCloseable {
    final TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES);
    final MutableClock clock = new MutableClock();
    final Map<String, String> env =
        Map.of(
            "REDIS_URL", "redis://127.0.0.1:6379", "REDIS_PREFIX", "sc-test-" + UUID.randomUUID());
    final List<TestApp> nodes = new ArrayList<>();

    TestApp startNode() {
      TestApp node = TestApp.start(db, clock, env, false);
      nodes.add(node);
      return node;
    }

    /**
     * The environment of a node started as a separate process ({@link ServerProcess}) in this
     * cluster.
     */
    Map<String, String> processEnv() throws IOException {
      Map<String, String> processEnv =
          TestApp.serverEnvironment(Files.createTempDirectory("sc-node-"), db.url());
      processEnv.putAll(env);
      return processEnv;
    }

    @Override
    public void close() {
      nodes.forEach(TestApp::close);
      db.close();
    }
  }

  @Test
  void threeServerProcessesHoldOneConversationThroughRedis() throws Exception {
    try (Cluster cluster = new Cluster();
        ServerProcess a = new ServerProcess(cluster.processEnv()).start();
        ServerProcess b = new ServerProcess(cluster.processEnv()).start();
        ServerProcess c = new ServerProcess(cluster.processEnv()).start();
        Database database = Database.open(cluster.db.settings(), 1)) {
      TestApp.createAdmin(database, Instant.now(), "second-admin@example.com", "second-admin-pw");
      JsonNode report =
          NodeScript.run(
              "conversation.mjs",
              "websocket",
              TestApp.ADMIN_EMAIL,
              TestApp.ADMIN_PASSWORD,
              "second-admin@example.com",
              "second-admin-pw",
              a.baseUrl(),
              b.baseUrl(),
              c.baseUrl());
      SupportChatCompatibilityIT.assertConversation(report.get("steps"));
    }
  }

  @Test
  void usersOnOneNodeSeeAdminsOfAnotherNodeOnline() throws Exception {
    try (Cluster cluster = new Cluster()) {
      TestApp a = cluster.startNode();
      TestApp b = cluster.startNode();
      Login user = a.http.newUser("ann@example.com");
      Login admin = a.http.admin();
      String chatId =
          a.http
              .post("/api/v1/chats/support", Map.of(), user.accessToken())
              .data()
              .get("_id")
              .asText();
      JsonNode r =
          NodeScript.run(
              "realtime-edges.mjs",
              "presence-cluster",
              a.baseUrl(),
              user.accessToken(),
              admin.accessToken(),
              chatId,
              b.baseUrl());
      assertThat(r.get("seen")).extracting(JsonNode::asBoolean).containsExactly(false, true, false);
    }
  }

  @Test
  void anAdminStaysOnlineWhileADashboardIsOpenOnAnyNode() throws Exception {
    try (Cluster cluster = new Cluster()) {
      TestApp a = cluster.startNode();
      TestApp b = cluster.startNode();
      TestApp c = cluster.startNode();
      Login admin = a.http.admin();
      a.createAdmin("observer@example.com", "observer-admin-pw");
      Login observer = a.http.login("observer@example.com", "observer-admin-pw");
      JsonNode r =
          NodeScript.run(
              "admin-presence.mjs",
              a.baseUrl(),
              b.baseUrl(),
              c.baseUrl(),
              admin.accessToken(),
              admin.userId(),
              observer.accessToken());
      assertThat(r.get("beforeClosing"))
          .as("announced online")
          .isNotEmpty()
          .allSatisfy(online -> assertThat(online.asBoolean()).isTrue());
      assertThat(r.get("afterClosingOne")).as("still open on node A: not offline").isEmpty();
      assertThat(r.get("afterClosingBoth")).extracting(JsonNode::asBoolean).containsExactly(false);
    }
  }

  @Test
  void anAdminWhoseOnlyNodeIsKilledIsAnnouncedOfflineOnceByANodeLeft() throws Exception {
    try (Cluster cluster = new Cluster()) {
      TestApp a = cluster.startNode();
      TestApp c = cluster.startNode();
      // Node B is a process of its own, so it can die without closing its sockets or saying
      // anything.
      try (ServerProcess b = new ServerProcess(cluster.processEnv()).start()) {
        Login admin = a.http.admin();
        a.createAdmin("observer@example.com", "observer-admin-pw");
        Login observer = a.http.login("observer@example.com", "observer-admin-pw");
        NodeScript.Running script =
            NodeScript.start(
                "presence-after-node-stops.mjs",
                b.baseUrl(),
                c.baseUrl(),
                admin.accessToken(),
                admin.userId(),
                observer.accessToken());
        assertThat(script.nextLine().get("ready").asBoolean()).isTrue();
        b.kill9();
        JsonNode r = script.finish();
        assertThat(r.get("beforeStop"))
            .as("announced online")
            .isNotEmpty()
            .allSatisfy(online -> assertThat(online.asBoolean()).isTrue());
        assertThat(r.get("afterStop"))
            .as("told offline once, by node A or C")
            .extracting(JsonNode::asBoolean)
            .containsExactly(false);
      }
    }
  }

  @Test
  void anAdminOnLongPollingWhoseNodeStopsIsAnnouncedOfflineOnce() throws Exception {
    try (Cluster cluster = new Cluster()) {
      TestApp a = cluster.startNode();
      TestApp b = cluster.startNode();
      Login admin = a.http.admin();
      a.createAdmin("observer@example.com", "observer-admin-pw");
      Login observer = a.http.login("observer@example.com", "observer-admin-pw");
      NodeScript.Running script =
          NodeScript.start(
              "presence-after-node-stops.mjs",
              b.baseUrl(),
              a.baseUrl(),
              admin.accessToken(),
              admin.userId(),
              observer.accessToken(),
              "polling");
      assertThat(script.nextLine().get("ready").asBoolean()).isTrue();
      b.close();
      cluster.nodes.remove(b);
      JsonNode r = script.finish();
      assertThat(r.get("afterStop"))
          .as("told by the stopping node, once")
          .extracting(JsonNode::asBoolean)
          .containsExactly(false);
      assertThat(r.get("waitedMs").asLong())
          .as("at once, not when a report goes stale")
          .isLessThan(8_000);
    }
  }

  @Test
  void anAdminWhoseNodeStopsReconnectsElsewhereAndLosesNothing() throws Exception {
    try (Cluster cluster = new Cluster()) {
      TestApp a = cluster.startNode();
      TestApp b = cluster.startNode();
      TestApp c = cluster.startNode();
      HttpTestClient http = a.http;
      Login user = http.newUser("ann@example.com");
      Login admin = http.admin();
      String chatId =
          http.post("/api/v1/chats/support", Map.of(), user.accessToken())
              .data()
              .get("_id")
              .asText();

      JsonNode before =
          NodeScript.run(
              "cross-node.mjs",
              a.baseUrl(),
              b.baseUrl(),
              user.accessToken(),
              admin.accessToken(),
              chatId,
              "m1");
      assertThat(before.get("adminGot").asBoolean()).isTrue();
      assertThat(before.get("userGot").asBoolean()).isTrue();
      assertThat(before.get("adminCopies").asInt()).as("exactly once").isEqualTo(2);

      b.close();
      cluster.nodes.remove(b);
      http.post(
          "/api/v1/chats/" + chatId + "/messages",
          Map.of("content", "m2 while support was away"),
          user.accessToken());

      JsonNode after =
          NodeScript.run(
              "cross-node.mjs",
              a.baseUrl(),
              c.baseUrl(),
              user.accessToken(),
              admin.accessToken(),
              chatId,
              "m3");
      assertThat(after.get("adminGot").asBoolean()).isTrue();
      assertThat(after.get("userGot").asBoolean()).isTrue();
      assertThat(after.get("history"))
          .extracting(JsonNode::asText)
          .containsExactly("m1", "re: m1", "m2 while support was away", "m3", "re: m3");
    }
  }
}
