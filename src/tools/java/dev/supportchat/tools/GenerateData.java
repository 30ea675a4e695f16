package dev.supportchat.tools;

import dev.supportchat.config.DatabaseSettings;
import dev.supportchat.store.Database;
import dev.supportchat.store.Dialect;
import dev.supportchat.store.Ids;
import dev.supportchat.store.Migrations;
import dev.supportchat.store.Sql;
import dev.supportchat.user.PasswordHasher;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Fills an empty database with a realistic helpdesk history (issue 4, "Scale of data"): one user
 * per chat plus the admins, chats over the last N days, and their messages, with every denormalised
 * chat column and message counter as the live server would have written them. Rows go in with
 * batched inserts, a thousand chats per transaction.
 *
 * <pre>
 * java -cp target/support-chat.jar:target/support-chat-tools.jar dev.supportchat.tools.GenerateData \
 *     --database-url jdbc:sqlite:data/bench.db \
 *     --chats 100000 --messages 1000000 --days 90 --admins 10 [--seed 42]</pre>
 */
public final class GenerateData {
  /**
   * Every generated account (admins too) logs in with this password, so the dashboard can be tried
   * on the data.
   */
  static final String PASSWORD = "generated-password";

  private static final int CHATS_PER_TRANSACTION = 1_000;
  private static final int BCRYPT_COST = 10;
  private static final Set<String> OPTIONS =
      Set.of("database-url", "chats", "messages", "days", "admins", "seed");

  private GenerateData() {}

  public static void main(String[] args) {
    ToolArgs a = ToolArgs.parseOrExit("GenerateData", args, OPTIONS);
    DatabaseSettings settings = a.database();
    int chats = a.positiveInt("chats", 100_000);
    int messages = a.positiveInt("messages", 1_000_000);
    int days = a.positiveInt("days", 90);
    int admins = a.positiveInt("admins", 10);
    long seed = a.longValue("seed", 42);
    try (Database db = Database.open(forBulkLoad(settings), 2)) {
      Migrations.apply(db);
      if (db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM chats")) > 0) {
        System.err.println(
            "GenerateData: "
                + settings.describe()
                + " already has chats; give it an empty database.");
        System.exit(1);
      }
      new GenerateData().run(db, chats, messages, days, admins, seed);
    }
  }

  /**
   * On PostgreSQL the driver is told to send each batch as multi-row INSERTs, several times faster
   * than one statement per row; on SQLite a batch already runs without round trips. The server's 30
   * s socket timeout is lifted: at millions of messages the final recount and VACUUM take longer.
   */
  static DatabaseSettings forBulkLoad(DatabaseSettings s) {
    if (s.engine() != DatabaseSettings.Engine.POSTGRES
        || s.jdbcUrl().contains("reWriteBatchedInserts")) {
      return s;
    }
    String url =
        s.jdbcUrl()
            + (s.jdbcUrl().contains("?") ? "&" : "?")
            + "reWriteBatchedInserts=true&socketTimeout=0";
    return new DatabaseSettings(s.engine(), url, s.user(), s.password());
  }

  private void run(Database db, int chats, int messages, int days, int admins, long seed) {
    long started = System.nanoTime();
    long now = System.currentTimeMillis();
    Random random = new Random(seed);
    String hash = new PasswordHasher(BCRYPT_COST).hash(PASSWORD);

    List<Rows.UserRow> adminRows = adminRows(admins, now - (days + 30L) * HelpdeskMix.DAY_MS);
    db.write(
        c -> {
          new BulkWriter(c, hash).users(adminRows);
          return null;
        });
    List<ChatPlan> plans = new HelpdeskMix(random, now, days, admins).plan(chats, messages);
    System.out.printf(
        Locale.ROOT,
        "Planned %,d chats and %,d messages over %d days in %.1f s%n",
        chats,
        messages,
        days,
        seconds(started));

    ChatGenerator generator = new ChatGenerator(random, adminRows, now);
    long inserting = System.nanoTime();
    for (int from = 0; from < plans.size(); from += CHATS_PER_TRANSACTION) {
      insertChunk(
          db, generator, plans, from, Math.min(plans.size(), from + CHATS_PER_TRANSACTION), hash);
      if ((from / CHATS_PER_TRANSACTION) % 10 == 9) {
        System.out.printf(
            Locale.ROOT,
            "  %,d chats inserted (%.0f s)%n",
            from + CHATS_PER_TRANSACTION,
            seconds(inserting));
      }
    }
    double insertSeconds = seconds(inserting);
    long finishing = System.nanoTime();
    countMessagesPerSender(db);
    refreshPlannerStatistics(db);
    System.out.printf(
        Locale.ROOT,
        "Inserted in %.1f s, counters and planner statistics in %.1f s; total %.1f s.%n",
        insertSeconds,
        seconds(finishing),
        seconds(started));
    printSummary(db);
  }

  private static void insertChunk(
      Database db, ChatGenerator generator, List<ChatPlan> plans, int from, int to, String hash) {
    List<Rows.UserRow> users = new ArrayList<>();
    List<Rows.ChatRow> chats = new ArrayList<>();
    List<Rows.MessageRow> messages = new ArrayList<>();
    for (int i = from; i < to; i++) {
      ChatGenerator.Generated g = generator.generate(plans.get(i), i + 1);
      users.add(g.user());
      chats.add(g.chat());
      messages.addAll(g.messages());
    }
    db.write(
        c -> {
          BulkWriter w = new BulkWriter(c, hash);
          w.users(users);
          w.chats(chats);
          w.messages(messages);
          return null;
        });
  }

  private static List<Rows.UserRow> adminRows(int admins, long createdAt) {
    List<Rows.UserRow> rows = new ArrayList<>();
    for (int k = 0; k < admins; k++) {
      // Offset into the name lists so admins do not share names with the first users.
      String first = SampleText.firstName(k * 3 + 1);
      String last = SampleText.lastName(k * 11 + 5);
      String email =
          (first + "." + last + ".admin" + (k + 1) + "@support.example.com")
              .toLowerCase(Locale.ROOT);
      rows.add(
          new Rows.UserRow(
              Ids.newId(createdAt + k), email, first + " " + last, true, createdAt + k));
    }
    return rows;
  }

  /**
   * Fills the per-sender message counters that the server keeps on every send (V4), with the same
   * recount as V4's backfill: one aggregate over the inserted messages is faster and more obviously
   * exact than counting in batches.
   */
  private static void countMessagesPerSender(Database db) {
    db.write(
        c ->
            Sql.update(
                c,
                "INSERT INTO sender_message_counts (sender_id, messages, public_replies)"
                    + " SELECT sender_id, COUNT(*), SUM(CASE WHEN sender_is_admin = TRUE AND is_internal_note = FALSE THEN 1"
                    + " ELSE 0 END) FROM messages GROUP BY sender_id"));
  }

  /**
   * PostgreSQL: what autovacuum would do soon after such a load anyway (statistics for the planner,
   * and the visibility map that lets COUNT(*) use index-only scans). SQLite: nothing, because the
   * server never runs ANALYZE, so the benchmark sees the plans a real installation gets; only the
   * write-ahead log is folded into the file.
   */
  private static void refreshPlannerStatistics(Database db) {
    db.read(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute(
                db.dialect() == Dialect.POSTGRES
                    ? "VACUUM ANALYZE"
                    : "PRAGMA wal_checkpoint(TRUNCATE)");
          }
          return null;
        });
  }

  private static void printSummary(Database db) {
    db.read(
        c -> {
          System.out.printf(
              Locale.ROOT,
              "users %,d, chats %,d, messages %,d%n",
              Sql.count(c, "SELECT COUNT(*) FROM users"),
              Sql.count(c, "SELECT COUNT(*) FROM chats"),
              Sql.count(c, "SELECT COUNT(*) FROM messages"));
          Sql.list(
              c,
              "SELECT status, COUNT(*) FROM chats GROUP BY status ORDER BY status",
              rs -> {
                System.out.printf(Locale.ROOT, "  %-12s %,d%n", rs.getString(1), rs.getLong(2));
                return null;
              });
          return null;
        });
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }
}
