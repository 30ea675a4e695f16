package dev.supportchat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.TestDatabases;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * SQLite statements compiled once per connection answer exactly as new ones would: with their own
 * parameters, after a failure, nested, after a schema change, and within a bounded number.
 */
class SqliteStatementsIT {
  private static final String INSERT = "INSERT INTO items (id, n) VALUES (?, ?)";
  private static final String BY_ID = "SELECT n FROM items WHERE id = ?";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void helpersAnswerWithEachCallsOwnParameters(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      db.write(
          c -> {
            for (int i = 0; i < 5; i++) {
              Sql.update(c, INSERT, "i" + i, (long) i);
            }
            Sql.batch(c, INSERT, List.of(new Object[] {"b1", 10L}, new Object[] {"b2", 20L}));
            return null;
          });
      db.read(
          c -> {
            for (int i = 0; i < 5; i++) {
              assertThat(Sql.one(c, BY_ID, rs -> rs.getLong(1), "i" + i)).contains((long) i);
            }
            assertThat(Sql.one(c, BY_ID, rs -> rs.getLong(1), "none")).isEmpty();
            assertThat(
                    Sql.list(
                        c,
                        "SELECT id FROM items WHERE n >= ? ORDER BY id",
                        rs -> rs.getString(1),
                        10L))
                .containsExactly("b1", "b2");
            assertThat(Sql.count(c, "SELECT COUNT(*) FROM items WHERE n < ?", 3L)).isEqualTo(3);
            if (engine == Engine.SQLITE) {
              assertThat(SqliteStatements.cached(c))
                  .as("one compiled statement per SQL text this connection ran")
                  .isGreaterThanOrEqualTo(3);
            } else {
              assertThat(SqliteStatements.take(c, BY_ID))
                  .as("PostgreSQL's driver caches its plans itself")
                  .isNull();
            }
            return null;
          });
    }
  }

  @Test
  void aStatementGivenBackIsTheOneTakenNextAndOneThatFailedIsClosed() {
    try (TestDatabases.Fresh fresh = TestDatabases.create(Engine.SQLITE);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      db.write(
          c -> {
            PreparedStatement first = SqliteStatements.take(c, BY_ID);
            SqliteStatements.giveBack(c, BY_ID, first, false);
            assertThat(SqliteStatements.take(c, BY_ID)).isSameAs(first);
            SqliteStatements.giveBack(c, BY_ID, first, true);
            assertThat(first.isClosed()).isTrue();
            assertThat(SqliteStatements.take(c, BY_ID)).isNotSameAs(first);

            Sql.update(c, INSERT, "a", 1L);
            assertThatThrownBy(
                    () ->
                        Sql.batch(
                            c, INSERT, List.of(new Object[] {"b", 2L}, new Object[] {"a", 3L})))
                .isInstanceOf(java.sql.SQLException.class);
            Sql.batch(c, INSERT, List.<Object[]>of(new Object[] {"c", 4L}));
            return null;
          });
      List<String> rows =
          db.read(c -> Sql.list(c, "SELECT id || n FROM items ORDER BY id", rs -> rs.getString(1)));
      assertThat(rows)
          .as("the failed batch's rows neither stay bound nor run again")
          .containsExactly("a1", "b2", "c4");
    }
  }

  @Test
  void aStatementKeptAfterReadingPartOfItsRowsHoldsNoOldSnapshot() {
    try (TestDatabases.Fresh fresh = TestDatabases.create(Engine.SQLITE);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      db.write(c -> Sql.batch(c, INSERT, List.of(new Object[] {"a", 1L}, new Object[] {"b", 2L})));
      String firstOfAll = "SELECT n FROM items ORDER BY id";
      db.read(
          c -> {
            // one row of two read: a statement left mid-way would keep this connection's read
            // transaction, and with it the database as it is now
            assertThat(Sql.one(c, firstOfAll, rs -> rs.getLong(1))).contains(1L);
            db.write(w -> Sql.update(w, "UPDATE items SET n = 5 WHERE id = ?", "a"));
            assertThat(Sql.one(c, firstOfAll, rs -> rs.getLong(1))).contains(5L);
            assertThat(Sql.one(c, BY_ID, rs -> rs.getLong(1), "a")).contains(5L);
            return null;
          });
    }
  }

  @Test
  void aKeptInsertLeavesNothingOpenThatWouldKeepOldDataOrAnInterrupt() {
    try (TestDatabases.Fresh fresh = TestDatabases.create(Engine.SQLITE);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      db.read(
          c -> {
            Sql.update(c, INSERT, "a", 1L); // auto-commit: kept compiled afterwards
            assertThat(SqliteStatements.cached(c)).isPositive();
            db.write(w -> Sql.update(w, "UPDATE items SET n = 7 WHERE id = ?", "a"));
            assertThat(Sql.one(c, BY_ID, rs -> rs.getLong(1), "a"))
                .as("no read transaction left open by the insert")
                .contains(7L);
            // A search stopped by its time limit interrupts its connection; with no statement
            // left running, the interrupt ends with it and the next statement runs.
            c.unwrap(org.sqlite.SQLiteConnection.class).getDatabase().interrupt();
            assertThat(Sql.one(c, BY_ID, rs -> rs.getLong(1), "a")).contains(7L);
            return null;
          });
    }
  }

  @Test
  void aConnectionWhoseDriverOpensGeneratedKeysKeepsNoStatements() throws Exception {
    try (TestDatabases.Fresh fresh = TestDatabases.create(Engine.SQLITE);
        java.sql.Connection plain =
            java.sql.DriverManager.getConnection(fresh.settings().jdbcUrl())) {
      assertThat(SqliteStatements.take(plain, BY_ID)).isNull();
    }
  }

  @Test
  void theSameStatementRunNestedAnswersBothCalls() {
    try (TestDatabases.Fresh fresh = TestDatabases.create(Engine.SQLITE);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      db.write(c -> Sql.batch(c, INSERT, List.of(new Object[] {"a", 1L}, new Object[] {"b", 2L})));
      String byFloor = "SELECT id FROM items WHERE n >= ? ORDER BY id";
      List<String> pairs =
          db.read(
              c -> {
                Sql.list(c, byFloor, r -> r.getString(1), 0L); // compiled and kept
                return Sql.list(
                    c,
                    byFloor,
                    rs -> {
                      String id = rs.getString(1);
                      // the same SQL while the outer rows are read: its own statement
                      List<String> inner = Sql.list(c, byFloor, r -> r.getString(1), 2L);
                      return id + inner;
                    },
                    1L);
              });
      assertThat(pairs).containsExactly("a[b]", "b[b]");
    }
  }

  @Test
  void aCachedStatementSeesASchemaChange() {
    try (TestDatabases.Fresh fresh = TestDatabases.create(Engine.SQLITE);
        Database db = Database.open(fresh.settings(), 1)) {
      createItems(db);
      String all = "SELECT * FROM items WHERE id = ?";
      db.write(
          c -> {
            Sql.update(c, INSERT, "a", 1L);
            assertThat(Sql.one(c, all, rs -> rs.getMetaData().getColumnCount(), "a")).contains(2);
            Sql.update(c, "ALTER TABLE items ADD COLUMN note TEXT DEFAULT 'x'");
            assertThat(Sql.one(c, all, rs -> rs.getMetaData().getColumnCount(), "a")).contains(3);
            assertThat(Sql.one(c, all, rs -> rs.getString("note"), "a")).contains("x");
            return null;
          });
    }
  }

  @Test
  void aConnectionKeepsAtMostItsShareAndClosesTheLeastRecentlyUsed() {
    try (TestDatabases.Fresh fresh = TestDatabases.create(Engine.SQLITE);
        Database db = Database.open(fresh.settings(), 1)) {
      db.read(
          c -> {
            Sql.one(c, "SELECT 0", rs -> rs.getInt(1));
            PreparedStatement oldest = SqliteStatements.take(c, "SELECT 0");
            SqliteStatements.giveBack(c, "SELECT 0", oldest, false);
            List<Integer> answers = new ArrayList<>();
            for (int i = 1; i <= SqliteStatements.PER_CONNECTION + 6; i++) {
              answers.add(Sql.one(c, "SELECT " + i, rs -> rs.getInt(1)).orElseThrow());
            }
            assertThat(answers).hasSize(SqliteStatements.PER_CONNECTION + 6).endsWith(70);
            assertThat(SqliteStatements.cached(c)).isEqualTo(SqliteStatements.PER_CONNECTION);
            assertThat(oldest.isClosed()).as("the least recently used is closed").isTrue();
            return null;
          });
    }
  }

  @Test
  void aClosedConnectionsStatementsAreLetGoWhenTheNextConnectionArrives() throws Exception {
    try (TestDatabases.Fresh fresh = TestDatabases.create(Engine.SQLITE)) {
      String url = fresh.settings().jdbcUrl();
      java.sql.Connection retired = java.sql.DriverManager.getConnection(url);
      Sql.one(retired, "SELECT 1", rs -> rs.getInt(1));
      int withRetired = SqliteStatements.connections();
      retired.close(); // as the pool retires a connection (its maximum lifetime)
      try (java.sql.Connection next = java.sql.DriverManager.getConnection(url)) {
        assertThat(Sql.one(next, "SELECT 1", rs -> rs.getInt(1))).contains(1);
        assertThat(SqliteStatements.connections())
            .as("the retired connection's entry went when the next one arrived")
            .isLessThanOrEqualTo(withRetired);
      }
    }
  }

  private static void createItems(Database db) {
    db.write(c -> Sql.update(c, "CREATE TABLE items (id TEXT PRIMARY KEY, n BIGINT NOT NULL)"));
  }
}
