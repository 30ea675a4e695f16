package dev.supportchat.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.StatementCounter;
import dev.supportchat.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pipelined statements answer as if run one by one, in fewer round trips on PostgreSQL. */
class PipelineIT {
  private static final String INSERT =
      "INSERT INTO items (id, n, note) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING";

  @ParameterizedTest
  @EnumSource(Engine.class)
  void stepsSentTogetherAnswerInOrderInOneRoundTrip(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      db.write(c -> Sql.update(c, INSERT, "a", 1L, "first"));

      int roundTrips =
          roundTrips(
              db,
              (c, p) -> {
                Pipeline.Result<int[]> inserted =
                    p.batch(
                        INSERT,
                        List.of(
                            new Object[] {"a", 10L, "again"},
                            new Object[] {"b", 2L, null},
                            new Object[] {"c", 3L, "third"}));
                Pipeline.Result<List<String>> notes =
                    p.query(
                        "SELECT id || ':' || n || ':' || COALESCE(note, '-') FROM items"
                            + " WHERE n < ? ORDER BY id",
                        rs -> rs.getString(1),
                        10L);
                Pipeline.Result<int[]> updated =
                    p.batch(
                        "UPDATE items SET n = n * 2 WHERE id = ?",
                        List.of(new Object[] {"c"}, new Object[] {"none"}));
                Pipeline.Result<List<Long>> after =
                    p.query("SELECT n FROM items WHERE id = ?", rs -> rs.getLong(1), "c");
                Pipeline.Result<int[]> nothing = p.batch("DELETE FROM items", List.of());
                assertThatThrownBy(notes::get).isInstanceOf(IllegalStateException.class);

                p.send(c);

                assertThat(inserted.get())
                    .as("the existing row is left alone")
                    .containsExactly(0, 1, 1);
                assertThat(notes.get()).containsExactly("a:1:first", "b:2:-", "c:3:third");
                assertThat(updated.get()).containsExactly(1, 0);
                assertThat(after.get())
                    .as("each statement sees those before it")
                    .containsExactly(6L);
                assertThat(nothing.get()).isEmpty();
              });
      if (engine == Engine.POSTGRES) {
        assertThat(roundTrips).isEqualTo(1);
      }
      long items = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM items"));
      assertThat(items).as("an empty batch sends nothing").isEqualTo(3);
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aLongStepGoesOnItsOwnAndTheShortOnesAroundItTogether(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      List<Object[]> many = aTripOfRows("i");
      String count = "SELECT COUNT(*) FROM items";

      int roundTrips =
          roundTrips(
              db,
              (c, p) -> {
                Pipeline.Result<List<Long>> before = p.query(count, rs -> rs.getLong(1));
                Pipeline.Result<int[]> inserted = p.batch(INSERT, many);
                Pipeline.Result<List<Long>> after = p.query(count, rs -> rs.getLong(1));
                Pipeline.Result<int[]> one =
                    p.batch(INSERT, List.<Object[]>of(new Object[] {"last", 0L, null}));
                p.send(c);
                assertThat(before.get()).containsExactly(0L);
                assertThat(inserted.get()).hasSize(many.size()).containsOnly(1);
                assertThat(after.get()).containsExactly((long) many.size());
                assertThat(one.get()).containsExactly(1);
              });
      if (engine == Engine.POSTGRES) {
        assertThat(roundTrips).as("the first query, the batch, the last two").isEqualTo(3);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void theCommitTravelsWithTheLastStepsAndAFailureAmongThemStoresNothing(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      int roundTrips =
          writeWithCommit(db, List.of(new Object[] {"a", 1L, null}, new Object[] {"b", 2L, null}));
      if (engine == Engine.POSTGRES) {
        assertThat(roundTrips)
            .as("the inserts with the COMMIT; the commit of Database.write sends nothing more")
            .isEqualTo(1);
      }

      assertThatThrownBy(
              () ->
                  db.write(
                      c -> {
                        // A row written in an earlier trip of the same transaction: the COMMIT
                        // must come after the failing statement, never before it.
                        Sql.update(c, INSERT, "c", 3L, null);
                        Pipeline p = new Pipeline(db.dialect());
                        p.batch(INSERT, List.<Object[]>of(new Object[] {"d", 4L, null}));
                        p.batch(
                            "INSERT INTO items (id, n) VALUES (?, ?)",
                            List.<Object[]>of(new Object[] {"a", 9L}));
                        p.sendWithCommit(c);
                        return null;
                      }))
          .as("a duplicate key among the last statements")
          .isInstanceOf(RuntimeException.class);
      assertThat(ids(db))
          .as("nothing of the failed write, however early")
          .containsExactly("a", "b");

      for (int i = 0; i < 3; i++) {
        // The pool hands the failed connection out again: it commits as before.
        writeWithCommit(db, List.<Object[]>of(new Object[] {"e" + i, 5L, null}));
      }
      assertThat(ids(db)).containsExactly("a", "b", "e0", "e1", "e2");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void aCommitThatDoesNotFitTheLastTripGoesAloneAndCommitsOnce(Engine engine) {
    try (TestDatabases.Fresh fresh = TestDatabases.create(engine);
        Database db = Database.open(fresh.settings(), 2)) {
      createItems(db);
      List<Object[]> full = aTripOfRows("f");
      int roundTrips = writeWithCommit(db, full);
      if (engine == Engine.POSTGRES) {
        assertThat(roundTrips).as("the full trip, then the COMMIT alone").isEqualTo(2);
      }
      assertThat(ids(db)).hasSize(full.size());
    }
  }

  /**
   * Inserts the rows as the last steps of a write; the round trips of the whole write, its own
   * commit included (PostgreSQL).
   */
  private static int writeWithCommit(Database db, List<Object[]> rows) {
    try (StatementCounter counter = new StatementCounter()) {
      db.write(
          c -> {
            Pipeline p = new Pipeline(db.dialect());
            p.batch(INSERT, rows);
            p.sendWithCommit(c);
            return null;
          });
      return counter.roundTrips();
    }
  }

  /** As many rows as fill one round trip, with ids from {@code prefix}. */
  private static List<Object[]> aTripOfRows(String prefix) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < Pipeline.MAX_STATEMENTS_IN_ONE_TRIP; i++) {
      rows.add(new Object[] {prefix + i, (long) i, null});
    }
    return rows;
  }

  private static List<String> ids(Database db) {
    return db.read(c -> Sql.list(c, "SELECT id FROM items ORDER BY id", rs -> rs.getString(1)));
  }

  @FunctionalInterface
  private interface PipelineWork {
    void run(Connection c, Pipeline p) throws SQLException;
  }

  /** Runs the work on a new pipeline in a transaction; the round trips it took (PostgreSQL). */
  private static int roundTrips(Database db, PipelineWork work) {
    return db.write(
        c -> {
          try (StatementCounter counter = new StatementCounter()) {
            work.run(c, new Pipeline(db.dialect()));
            return counter.roundTrips();
          }
        });
  }

  private static void createItems(Database db) {
    db.write(
        c ->
            Sql.update(
                c, "CREATE TABLE items (id TEXT PRIMARY KEY, n BIGINT NOT NULL, note TEXT)"));
  }
}
