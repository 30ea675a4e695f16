package dev.supportchat.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.MutableClock;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Databases made by the jar of main before Flyway (commit ba8521a, its own runner and {@code
 * schema_version} at 7) upgrade in place: the server starts on them, baselines at 7, applies only
 * later versions, and the accounts, chats, messages and search are all there; several nodes
 * upgrading or creating a database at once apply each migration exactly once.
 *
 * <p>The fixtures in {@code src/test/resources/upgrade/} were made by that jar: started on an empty
 * database, filled through its REST API by {@code populate.sh}, then copied ({@code sqlite3 …
 * "VACUUM INTO …"}) or dumped ({@code pg_dump --inserts --no-owner --no-acl}, psql's {@code
 * \restrict} lines removed).
 */
class FlywayUpgradeIT {
  private static final int NODES = 4;

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aDatabaseOfTheRunnerBeforeFlywayUpgradesInPlace(Engine engine) throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(engine)) {
      loadFixture(db);
      MutableClock clock = new MutableClock();
      try (TestApp t = TestApp.start(db, clock, Map.of(), false)) {
        assertThat(history(t.app.database())).startsWith("7 BASELINE true");
        assertLaterVersionsAppliedOnce(t.app.database());

        Login ann = t.http.login("ann@example.com", "password-123");
        JsonNode chat = t.http.get("/api/v1/chats/support", ann.accessToken()).data();
        assertThat(chat.get("subject").asText()).isEqualTo("Invoice question");
        JsonNode messages =
            t.http
                .get("/api/v1/chats/" + chat.get("_id").asText() + "/messages", ann.accessToken())
                .data()
                .get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(2).get("content").asText()).isEqualTo("hello from before Flyway");
        Login boss = t.http.login("boss@example.com", "boss-password-1");
        JsonNode found =
            t.http.get("/api/v1/chats/admin/all?q=nvoice", boss.accessToken()).data().get("chats");
        assertThat(found).as("the search index of V5/V6 still answers").hasSize(1);
        // New writes work on the upgraded schema.
        assertThat(
                t.http
                    .post(
                        "/api/v1/chats/" + chat.get("_id").asText() + "/messages",
                        Map.of("content", "after Flyway"),
                        ann.accessToken())
                    .status())
            .isEqualTo(201);
      }
      try (TestApp again = TestApp.start(db, clock, Map.of(), false)) {
        assertThat(history(again.app.database()))
            .as("a restart changes nothing")
            .startsWith("7 BASELINE true");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void nodesStartingTogetherOnAnOldDatabaseBaselineOnce(Engine engine) throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(engine)) {
      loadFixture(db);
      migrateFromNodesAtOnce(db);
      try (Database check = Database.open(db.settings(), 2)) {
        Long baselines =
            check.read(
                c ->
                    Sql.count(
                        c, "SELECT COUNT(*) FROM flyway_schema_history WHERE type = 'BASELINE'"));
        assertThat(baselines).isEqualTo(1);
        assertLaterVersionsAppliedOnce(check);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void nodesStartingTogetherOnAnEmptyDatabaseApplyEachMigrationOnce(Engine engine)
      throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(engine)) {
      migrateFromNodesAtOnce(db);
      try (Database check = Database.open(db.settings(), 2)) {
        List<String> rows =
            check.read(
                c ->
                    Sql.list(
                        c,
                        "SELECT version FROM flyway_schema_history WHERE success = TRUE ORDER BY installed_rank",
                        rs -> rs.getString(1)));
        assertThat(rows)
            .containsExactlyElementsOf(
                Migrations.FILES.stream()
                    .map(f -> f.substring(1, f.indexOf("__")))
                    .collect(Collectors.toList()));
      }
    }
  }

  /** Each of {@link #NODES} threads opens its own pool and migrates, all at once. */
  private static void migrateFromNodesAtOnce(TestDatabases.Fresh db) throws Exception {
    ExecutorService nodes = Executors.newFixedThreadPool(NODES);
    try {
      List<Callable<Void>> starts = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        starts.add(
            () -> {
              try (Database node = Database.open(db.settings(), 2)) {
                Migrations.apply(node);
              }
              return null;
            });
      }
      for (Future<Void> start : nodes.invokeAll(starts)) {
        start.get();
      }
    } finally {
      nodes.shutdownNow();
    }
  }

  /** Every listed version after the baseline, applied exactly once. */
  private static void assertLaterVersionsAppliedOnce(Database db) {
    for (String file : Migrations.FILES) {
      int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
      if (version > 7) {
        Long applied =
            db.read(
                c ->
                    Sql.count(
                        c,
                        "SELECT COUNT(*) FROM flyway_schema_history WHERE version = ? AND success = TRUE",
                        String.valueOf(version)));
        assertThat(applied).as("version %d", version).isEqualTo(1);
      }
    }
  }

  private static String history(Database db) {
    return db
        .read(
            c ->
                Sql.list(
                    c,
                    "SELECT version, type, success FROM flyway_schema_history ORDER BY installed_rank",
                    rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3)))
        .stream()
        .collect(Collectors.joining(", "));
  }

  private static void loadFixture(TestDatabases.Fresh db) throws Exception {
    if (db.engine() == Engine.SQLITE) {
      Path file = Path.of(db.url().substring("jdbc:sqlite:".length()));
      try (InputStream in = resource("ba8521a.sqlite.db")) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return;
    }
    String dump;
    try (InputStream in = resource("ba8521a.postgres.sql")) {
      dump = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = DriverManager.getConnection(db.url());
        Statement s = c.createStatement()) {
      s.execute(dump);
    }
  }

  private static InputStream resource(String name) {
    return FlywayUpgradeIT.class.getResourceAsStream("/upgrade/" + name);
  }
}
