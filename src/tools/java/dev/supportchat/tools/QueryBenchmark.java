package dev.supportchat.tools;

import dev.supportchat.chat.ChatModule;
import dev.supportchat.chat.ChatRepository;
import dev.supportchat.chat.ChatRepository.AdminFilter;
import dev.supportchat.chat.ChatStatistics;
import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.Priority;
import dev.supportchat.config.DatabaseSettings;
import dev.supportchat.hours.BusinessHours;
import dev.supportchat.search.MessageSearch;
import dev.supportchat.search.SearchModule;
import dev.supportchat.store.Database;
import dev.supportchat.store.Dialect;
import dev.supportchat.store.Migrations;
import dev.supportchat.store.Sql;
import dev.supportchat.user.Principal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Times the queries that must stay fast at scale (issue 4), through the server's own repository and
 * statistics classes: the admin list with each filter, a search, a deep page, message pages, and
 * the full statistics. Prints a Markdown table and writes the numbers as JSON into {@code
 * bench/results/}.
 *
 * <pre>
 * java -cp target/support-chat.jar:target/support-chat-tools.jar dev.supportchat.tools.QueryBenchmark \
 *     --database-url jdbc:sqlite:data/bench.db \
 *     [--warmup 10] [--repetitions 50] [--seed 7] [--out bench/results]</pre>
 */
public final class QueryBenchmark {
  static final double LIST_TARGET_MS = 50;
  static final double PAGE_TARGET_MS = 50;
  static final double STATS_TARGET_MS = 300;
  static final double SEARCH_TARGET_MS = 100;
  private static final int SEARCH_LIMIT = 20;
  private static final Duration SEARCH_TIME_LIMIT = Duration.ofSeconds(10);

  /** The dashboard's default page size. */
  private static final int LIST_LIMIT = 20;

  private static final int DEEP_PAGE = 50;
  private static final int MESSAGE_PAGE_LIMIT = 50;

  /** A word in several common subjects ("Payment failed", "Update payment method", …). */
  private static final String COMMON_TERM = "payment";

  private static final Set<String> OPTIONS =
      Set.of("database-url", "warmup", "repetitions", "seed", "out");

  private final Database db;
  private final ChatRepository repo;
  private final int warmup;
  private final int repetitions;
  private final List<Timing> timings = new ArrayList<>();

  private QueryBenchmark(Database db, int warmup, int repetitions) {
    this.db = db;
    this.repo = ChatModule.repository(db);
    this.warmup = warmup;
    this.repetitions = repetitions;
  }

  public static void main(String[] args) throws Exception {
    ToolArgs a = ToolArgs.parseOrExit("QueryBenchmark", args, OPTIONS);
    DatabaseSettings settings = a.database();
    int warmup = a.positiveInt("warmup", 10);
    int repetitions = a.positiveInt("repetitions", 50);
    Random random = new Random(a.longValue("seed", 7));
    Path out = Path.of(a.string("out", "bench/results"));
    try (Database db = Database.open(settings, 2)) {
      // The server applies pending migrations at start; so does the benchmark, to measure the
      // schema it would run.
      Migrations.apply(db);
      QueryBenchmark bench = new QueryBenchmark(db, warmup, repetitions);
      BenchmarkFixtures fixtures = BenchmarkFixtures.load(db, bench.repo, random);
      bench.run(fixtures);
      BenchmarkReport report = new BenchmarkReport(bench.context(settings), bench.timings);
      System.out.println();
      System.out.print(report.markdown());
      String engine = db.dialect() == Dialect.SQLITE ? "sqlite" : "postgres";
      System.out.println("\nWrote " + report.writeJson(out, engine, Instant.now()));
    }
  }

  private void run(BenchmarkFixtures f) throws Exception {
    list("list: no filter", new AdminFilter(null, null, null, false, null), 1);
    for (ChatStatus s : ChatStatus.values()) {
      list("list: status=" + s.wire(), new AdminFilter(s, null, null, false, null), 1);
    }
    for (Priority p : Priority.values()) {
      list("list: priority=" + p.wire(), new AdminFilter(null, p, null, false, null), 1);
    }
    list("list: assigned=none", new AdminFilter(null, null, null, true, null), 1);
    list(
        "list: assigned=<busiest admin>",
        new AdminFilter(null, null, f.busiestAdminId(), false, null),
        1);
    list(
        "list: q=" + COMMON_TERM + " (common)",
        new AdminFilter(null, null, null, false, COMMON_TERM),
        1);
    list(
        "list: q=<one user's email> (rare)",
        new AdminFilter(null, null, null, false, f.rareTerm()),
        1);
    list("list: page " + DEEP_PAGE, new AdminFilter(null, null, null, false, null), DEEP_PAGE);

    measure(
        "messages: newest page, random chat",
        "messages",
        PAGE_TARGET_MS,
        i -> repo.messages(f.chat(i), true, MESSAGE_PAGE_LIMIT, null));
    measure(
        "messages: page before a cursor, random chat",
        "messages",
        PAGE_TARGET_MS,
        i -> {
          BenchmarkFixtures.Cursor c = f.cursor(i);
          repo.messages(c.chatId(), true, MESSAGE_PAGE_LIMIT, c.beforeId());
        });

    ChatStatistics stats = new ChatStatistics(db, Clock.systemUTC());
    Principal admin = new Principal(f.busiestAdminId(), true, "benchmark");
    measure("stats: full statistics", "stats", STATS_TARGET_MS, i -> stats.compute(admin));
    // The same with first responses counted in business hours only (Monday to Friday, 9:00 to
    // 17:00 in Berlin): every answered chat's start and duration read and recomputed in Java.
    List<BusinessHours.Span> day =
        List.of(new BusinessHours.Span(LocalTime.of(9, 0), LocalTime.of(17, 0)));
    Map<DayOfWeek, List<BusinessHours.Span>> week = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(d, day);
    }
    BusinessHours officeHours = new BusinessHours(ZoneId.of("Europe/Berlin"), week, Set.of());
    ChatStatistics officeStats =
        new ChatStatistics(db, Clock.systemUTC(), () -> officeHours::openTimeBetween);
    measure(
        "stats: first response in business hours",
        "stats",
        STATS_TARGET_MS,
        i -> officeStats.compute(admin));

    try (SearchModule searchModule = new SearchModule(db, SEARCH_TIME_LIMIT)) {
      MessageSearch search = searchModule.search();
      for (String q : List.of("order", "card charged", "ca", "refunded within", "zebra")) {
        measure(
            "search messages: " + q,
            "search",
            SEARCH_TARGET_MS,
            i -> search.search(admin, q, SEARCH_LIMIT));
      }
      // A different number each time: each is quoted in a handful of the messages.
      measure(
          "search messages: <an order number> (rare)",
          "search",
          SEARCH_TARGET_MS,
          i ->
              search.search(
                  admin,
                  SampleText.orderNumber(i * 7_919 % SampleText.ORDER_NUMBERS),
                  SEARCH_LIMIT));
    }
  }

  private void list(String name, AdminFilter filter, int page) throws Exception {
    measure(
        name,
        "list",
        LIST_TARGET_MS,
        i -> repo.listForAdmin(filter, (page - 1) * LIST_LIMIT, LIST_LIMIT));
  }

  private void measure(String name, String group, double targetMs, Timing.Case c) throws Exception {
    Timing t = Timing.measure(name, group, targetMs, warmup, repetitions, c);
    timings.add(t);
    System.out.printf(
        Locale.ROOT,
        "%-48s p50 %8.1f ms   p95 %8.1f ms   max %8.1f ms%n",
        name,
        t.p50(),
        t.p95(),
        t.max());
  }

  /** What the numbers were measured on: engine and version, data size, machine, settings. */
  private Map<String, Object> context(DatabaseSettings settings) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("database", settings.describe());
    m.put(
        "engineVersion",
        db.read(
                c ->
                    Sql.one(
                        c,
                        db.dialect() == Dialect.SQLITE
                            ? "SELECT 'SQLite ' || sqlite_version()"
                            : "SELECT version()",
                        rs -> rs.getString(1)))
            .orElse("?"));
    m.put("chats", db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM chats")));
    m.put("messages", db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM messages")));
    m.put("cpus", Runtime.getRuntime().availableProcessors());
    m.put("cpuModel", procLine("/proc/cpuinfo", "model name"));
    m.put("memTotal", procLine("/proc/meminfo", "MemTotal"));
    m.put(
        "java",
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    m.put("warmup", warmup);
    m.put("repetitions", repetitions);
    return m;
  }

  /**
   * The value of the first "key: value" line starting with {@code key}, or "?" (not Linux, not
   * readable).
   */
  private static String procLine(String file, String key) {
    try {
      return Files.readAllLines(Path.of(file)).stream()
          .filter(l -> l.startsWith(key))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("?");
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }
}
