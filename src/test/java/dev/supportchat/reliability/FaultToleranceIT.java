package dev.supportchat.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.NodeScript;
import dev.supportchat.testing.ServerProcess;
import dev.supportchat.testing.TcpProxy;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults injected into real server processes while a real Socket.IO client sends continuously
 * (node-tests/fault-load.mjs): SIGKILL and restart, the database link cut, Redis cut between two
 * nodes, the client's network cut. After each: every acknowledged message is stored exactly once
 * and reached the admin.
 */
class FaultToleranceIT {
  private static final String INTERVAL_MS = "20";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static Map<String, String> env(TestDatabases.Fresh db, String databaseUrl)
      throws Exception {
    Path dataDir = db.dir() != null ? db.dir() : Files.createTempDirectory("sc-fault-");
    Map<String, String> env = TestApp.serverEnvironment(dataDir, databaseUrl);
    env.put("SOCKET_MESSAGES_PER_SECOND", "1000");
    return env;
  }

  private static NodeScript.Running load(String userUrl, String adminUrl) throws Exception {
    NodeScript.Running script =
        NodeScript.start(
            "fault-load.mjs",
            userUrl,
            adminUrl,
            TestApp.ADMIN_EMAIL,
            TestApp.ADMIN_PASSWORD,
            INTERVAL_MS);
    assertThat(script.nextLine().get("ready").asBoolean()).isTrue();
    return script;
  }

  private static void assertNothingLost(String fault, JsonNode r) {
    System.out.println("FAULT " + fault + " " + r);
    assertThat(r.get("unacknowledgedAtEnd").asInt())
        .as("every message was acknowledged in the end")
        .isZero();
    assertThat(r.get("lost").asInt()).as("acknowledged but not stored").isZero();
    assertThat(r.get("duplicated").asInt()).as("stored twice").isZero();
    assertThat(r.get("notDelivered").asInt())
        .as("acknowledged but never reached the admin")
        .isZero();
    assertThat(r.get("stored").asInt()).isEqualTo(r.get("acknowledged").asInt());
    assertThat(r.get("acknowledged").asInt()).isGreaterThan(50);
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void killingTheServerMidStreamLosesNothing(Engine engine) throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(engine);
        ServerProcess server = new ServerProcess(env(db, db.url())).start()) {
      NodeScript.Running script = load(server.baseUrl(), server.baseUrl());
      Thread.sleep(1_000);
      server.kill9();
      Thread.sleep(1_000);
      server.start();
      Thread.sleep(2_000);
      assertNothingLost("kill -9 (" + engine + ")", script.finish());
    }
  }

  @Test
  void aDatabaseOutageAnswers503AndRecoversByItself() throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES);
        TcpProxy link = new TcpProxy(5432)) {
      String viaProxy = db.url().replace("127.0.0.1:5432/", "127.0.0.1:" + link.port() + "/");
      try (ServerProcess server = new ServerProcess(env(db, viaProxy)).start()) {
        NodeScript.Running script = load(server.baseUrl(), server.baseUrl());
        link.cut();
        assertThat(healthDuringOutage(server)).isEqualTo(503);
        // Longer than the pool waits for a connection (3 s): a send queued in the outage is then
        // answered with an error, not held until the link is back. (At 2 s whether any send got
        // an error depended on a batch being in flight at the cut: CI once saw none.)
        Thread.sleep(4_500);
        link.restore();
        assertThat(healthAfterOutage(server)).as("healthy again by itself").isEqualTo(200);
        JsonNode r = script.finish();
        assertThat(r.get("errorAcks").asInt())
            .as("sends during the outage got error acks, not silence")
            .isPositive();
        assertNothingLost("database link cut", r);
        assertThat(server.isAlive()).isTrue();
      }
    }
  }

  @Test
  void aRedisOutageBetweenTwoNodesLosesNothing() throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(Engine.POSTGRES);
        TcpProxy redis = new TcpProxy(6379)) {
      Map<String, String> env = env(db, db.url());
      env.put("REDIS_URL", "redis://127.0.0.1:" + redis.port());
      env.put("REDIS_PREFIX", "sc-fault-" + UUID.randomUUID());
      try (ServerProcess a = new ServerProcess(env).start();
          ServerProcess b = new ServerProcess(env).start()) {
        NodeScript.Running script = load(a.baseUrl(), b.baseUrl());
        redis.cut();
        Thread.sleep(3_000);
        redis.restore();
        // Both nodes back on Redis (each retries every second) before the client stops sending.
        for (ServerProcess node : List.of(a, b)) {
          assertThat(awaitLog(node, "Redis is reachable again"))
              .contains("Redis is unreachable")
              .contains("Redis is reachable again");
        }
        assertNothingLost("Redis cut between two nodes", script.finish());
      }
    }
  }

  @Test
  void aClientWhoseNetworkDropsMidSendResendsOnce() throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(Engine.SQLITE);
        ServerProcess server = new ServerProcess(env(db, db.url())).start();
        TcpProxy userNetwork = new TcpProxy(server.port())) {
      NodeScript.Running script = load("http://127.0.0.1:" + userNetwork.port(), server.baseUrl());
      Thread.sleep(500);
      userNetwork.cut();
      Thread.sleep(2_000);
      userNetwork.restore();
      Thread.sleep(2_000);
      assertNothingLost("client network cut", script.finish());
    }
  }

  private static int health(ServerProcess server) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/health")).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  /**
   * The first 200 answer of /health within 3 s of the repair (the time the test used to wait before
   * one look), else the last answer.
   */
  private static int healthAfterOutage(ServerProcess server) throws Exception {
    long deadline = System.nanoTime() + 3_000_000_000L;
    int status = health(server);
    while (status != 200 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      status = health(server);
    }
    return status;
  }

  /** The server's log once it holds {@code line}, or as it is after 10 s. */
  private static String awaitLog(ServerProcess server, String line) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    String log = Files.readString(server.log());
    while (!log.contains(line) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      log = Files.readString(server.log());
    }
    return log;
  }

  /** The first non-200 answer of /health within 10 s of the cut. */
  private static int healthDuringOutage(ServerProcess server) throws Exception {
    long deadline = System.nanoTime() + 10_000_000_000L;
    int status = 200;
    while (status == 200 && System.nanoTime() < deadline) {
      status = health(server);
      if (status == 200) {
        Thread.sleep(200);
      }
    }
    return status;
  }
}
