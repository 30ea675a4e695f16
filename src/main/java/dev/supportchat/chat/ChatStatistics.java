package dev.supportchat.chat;

import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The "Monitoring and Analytics" numbers of the admin statistics page, computed in the database
 * with SQL that runs on both engines. Response and resolution times were stored on each chat when
 * they happened, so medians are index lookups rather than scans over messages.
 */
public final class ChatStatistics {
  static final int DAYS = 30;
  private static final long DAY_MS = 86_400_000L;

  /** The window of the typical reply time users are shown. */
  static final long TYPICAL_REPLY_WINDOW_MS = 7 * DAY_MS;

  /** Fewer answered chats than this in the window say nothing typical: no time is shown. */
  static final int TYPICAL_REPLY_MIN_CHATS = 3;

  /**
   * Each node recomputes the typical reply time at most this often (every user's chat shows it).
   */
  static final long TYPICAL_REPLY_CACHE_MS = 60_000;

  private final Database db;
  private final Clock clock;
  private final Supplier<OpenTime> businessHoursOnly;
  private volatile long[] typicalReply; // {computedAt, value or -1}

  public ChatStatistics(Database db, Clock clock) {
    this(db, clock, () -> null);
  }

  /**
   * @param businessHoursOnly what the first response time counts when an admin set it to count
   *     business hours only; null when it counts all hours
   */
  public ChatStatistics(Database db, Clock clock, Supplier<OpenTime> businessHoursOnly) {
    this.db = db;
    this.clock = clock;
    this.businessHoursOnly = businessHoursOnly;
  }

  public Map<String, Object> compute(Principal caller) {
    AccountService.requireAdmin(caller);
    return db.read(this::compute);
  }

  /**
   * The median first response of the chats created in the last 7 days, in ms; null when fewer than
   * {@link #TYPICAL_REPLY_MIN_CHATS} were answered. Shown to users beside "the team is online".
   */
  public Long typicalFirstResponseMs() {
    long now = clock.millis();
    long[] cached = typicalReply;
    if (cached == null || now - cached[0] >= TYPICAL_REPLY_CACHE_MS || now < cached[0]) {
      Long value = db.read(c -> typicalFirstResponse(c, now - TYPICAL_REPLY_WINDOW_MS));
      cached = new long[] {now, value == null ? -1 : value};
      typicalReply = cached;
    }
    return cached[1] < 0 ? null : cached[1];
  }

  private static Long typicalFirstResponse(Connection c, long since) throws SQLException {
    long n =
        Sql.count(
            c,
            "SELECT COUNT(*) FROM chats WHERE created_at >= ? AND first_response_ms IS NOT NULL",
            since);
    if (n < TYPICAL_REPLY_MIN_CHATS) {
      return null;
    }
    return Sql.one(
            c,
            "SELECT first_response_ms FROM chats WHERE created_at >= ? AND first_response_ms IS"
                + " NOT NULL ORDER BY first_response_ms LIMIT 1 OFFSET ?",
            rs -> rs.getLong(1),
            since,
            (n + 1) / 2 - 1)
        .orElse(null);
  }

  private Map<String, Object> compute(Connection c) throws SQLException {
    Map<String, Long> byStatus = countBy(c, "status");
    Map<String, Long> byPriority = countBy(c, "priority");
    long chats = byStatus.values().stream().mapToLong(Long::longValue).sum();

    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("chats", chats);
    // Maintained with every message insert (JdbcChatRepository.append): a sum over senders, not a
    // scan of messages. Messages the customers saw: everything people wrote, and of the team's
    // messages its public replies (internal notes are the team's own).
    totals.put(
        "messages",
        Sql.count(
            c,
            "SELECT COALESCE(SUM(CASE WHEN u.is_admin = TRUE OR u.deactivated_at IS NOT NULL"
                + " THEN s.public_replies ELSE s.messages END), 0)"
                + " FROM sender_message_counts s JOIN users u ON u.id = s.sender_id"));
    totals.put("open", byStatus.get("open"));
    totals.put("inProgress", byStatus.get("in-progress"));
    totals.put("resolved", byStatus.get("resolved"));
    totals.put("closed", byStatus.get("closed"));

    OpenTime openTime = businessHoursOnly.get();
    Map<String, Object> firstResponse =
        openTime == null ? durationStats(c, "first_response_ms", true) : openTimeStats(c, openTime);
    firstResponse.put("businessHoursOnly", openTime != null);
    Map<String, Object> resolution = durationStats(c, "resolution_ms", false);

    Map<String, Object> out = new LinkedHashMap<>();
    out.put("totals", totals);
    out.put("chatsPerDay", chatsPerDay(c));
    out.put("responseTimes", Map.of("firstResponseMs", firstResponse, "resolutionMs", resolution));
    out.put("byStatus", byStatus);
    out.put("byPriority", byPriority);
    out.put("adminWorkload", adminWorkload(c));
    out.put("csat", csat(c));
    return out;
  }

  /** Active chats counted by a column, every value present (zero when none). */
  private static Map<String, Long> countBy(Connection c, String column) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (column.equals("status")) {
      for (ChatStatus s : ChatStatus.values()) {
        counts.put(s.wire(), 0L);
      }
    } else {
      for (Priority p : Priority.values()) {
        counts.put(p.wire(), 0L);
      }
    }
    List<Map.Entry<String, Long>> rows =
        Sql.list(
            c,
            "SELECT " + column + ", COUNT(*) FROM chats WHERE is_active = TRUE GROUP BY " + column,
            rs -> Map.entry(rs.getString(1), rs.getLong(2)));
    for (Map.Entry<String, Long> row : rows) {
      String wire =
          column.equals("status")
              ? ChatStatus.valueOf(row.getKey()).wire()
              : Priority.valueOf(row.getKey()).wire();
      counts.put(wire, row.getValue());
    }
    return counts;
  }

  private List<Map<String, Object>> chatsPerDay(Connection c) throws SQLException {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(DAYS - 1);
    long from = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    Map<Long, Long> counts = new HashMap<>();
    Sql.list(
        c,
        "SELECT created_at / "
            + DAY_MS
            + " AS day, COUNT(*) FROM chats WHERE created_at >= ?"
            + " GROUP BY created_at / "
            + DAY_MS,
        rs -> counts.put(rs.getLong(1), rs.getLong(2)),
        from);
    List<Map<String, Object>> days = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
      long day = d.toEpochDay();
      days.add(Map.of("date", d.toString(), "count", counts.getOrDefault(day, 0L)));
    }
    return days;
  }

  /**
   * The average and number of a duration column's values (the average is null when there are none).
   */
  private record Summary(Double avg, long count) {}

  /**
   * {@code avg}, {@code median} and optionally {@code p90} of a duration column: one pass over the
   * column's index for the average and the count, then one seek into it per percentile.
   */
  private static Map<String, Object> durationStats(Connection c, String column, boolean withP90)
      throws SQLException {
    Summary s =
        Sql.one(
                c,
                "SELECT AVG("
                    + column
                    + "), COUNT("
                    + column
                    + ") FROM chats WHERE "
                    + column
                    + " IS NOT NULL",
                rs -> {
                  double avg = rs.getDouble(1);
                  return new Summary(rs.wasNull() ? null : avg, rs.getLong(2));
                })
            .orElseThrow();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("avg", s.avg() == null ? null : Math.round(s.avg()));
    m.put("median", percentile(c, column, s.count(), 0.5));
    if (withP90) {
      m.put("p90", percentile(c, column, s.count(), 0.9));
    }
    return m;
  }

  /**
   * The first response times counted in business hours only: each chat's span from its first user
   * message to the first reply, less the time the team was closed. Computed here, over every
   * answered chat, since the schedule can change after the fact (docs/RELIABILITY.md).
   */
  private static Map<String, Object> openTimeStats(Connection c, OpenTime openTime)
      throws SQLException {
    List<Long> values = new ArrayList<>();
    Sql.list(
        c,
        "SELECT first_user_message_at, first_response_ms FROM chats"
            + " WHERE first_response_ms IS NOT NULL AND first_user_message_at IS NOT NULL",
        rs -> {
          Instant from = Instant.ofEpochMilli(rs.getLong(1));
          values.add(openTime.between(from, from.plusMillis(rs.getLong(2))).toMillis());
          return null;
        });
    values.sort(null);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "avg",
        values.isEmpty()
            ? null
            : Math.round(values.stream().mapToLong(Long::longValue).average().orElseThrow()));
    m.put("median", nearestRank(values, 0.5));
    m.put("p90", nearestRank(values, 0.9));
    return m;
  }

  private static Long nearestRank(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    return sorted.get((int) Math.max(0, Math.ceil(p * sorted.size()) - 1));
  }

  /** Nearest-rank percentile of the column's {@code n} values, read from its index with OFFSET. */
  private static Long percentile(Connection c, String column, long n, double p)
      throws SQLException {
    if (n == 0) {
      return null;
    }
    long rank = Math.max(1, (long) Math.ceil(p * n));
    return Sql.one(
            c,
            "SELECT "
                + column
                + " FROM chats WHERE "
                + column
                + " IS NOT NULL ORDER BY "
                + column
                + " LIMIT 1 OFFSET ?",
            rs -> rs.getLong(1),
            rank - 1)
        .orElse(null);
  }

  /**
   * Satisfaction: {@code {average, count, distribution:{"1"…"5"}, byAdmin:[{admin, average,
   * count}]}}; the average is null while nothing is rated. A rating counts for the agent the chat
   * was assigned to when it was rated.
   */
  static Map<String, Object> csat(Connection c) throws SQLException {
    Map<String, Long> distribution = new LinkedHashMap<>();
    for (int score = Rating.MIN_SCORE; score <= Rating.MAX_SCORE; score++) {
      distribution.put(String.valueOf(score), 0L);
    }
    Sql.list(
        c,
        "SELECT score, COUNT(*) FROM chat_ratings GROUP BY score",
        rs -> distribution.put(String.valueOf(rs.getInt(1)), rs.getLong(2)));
    long count = distribution.values().stream().mapToLong(Long::longValue).sum();
    long sum = 0;
    for (Map.Entry<String, Long> e : distribution.entrySet()) {
      sum += Integer.parseInt(e.getKey()) * e.getValue();
    }
    List<Map<String, Object>> byAdmin =
        Sql.list(
            c,
            "SELECT u.id, u.full_name, AVG(r.score), COUNT(*) FROM chat_ratings r"
                + " JOIN users u ON u.id = r.admin_id GROUP BY u.id, u.full_name"
                + " ORDER BY u.full_name, u.id",
            rs -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("admin", Map.of("_id", rs.getString(1), "fullName", rs.getString(2)));
              row.put("average", roundedAverage(rs.getDouble(3)));
              row.put("count", rs.getLong(4));
              return row;
            });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("average", count == 0 ? null : roundedAverage((double) sum / count));
    out.put("count", count);
    out.put("distribution", distribution);
    out.put("byAdmin", byAdmin);
    return out;
  }

  /** Two decimals are what a person reads of an average of 1–5 scores. */
  private static double roundedAverage(double avg) {
    return Math.round(avg * 100) / 100.0;
  }

  private static List<Map<String, Object>> adminWorkload(Connection c) throws SQLException {
    Map<String, long[]> perAdmin = new HashMap<>();
    Sql.list(
        c,
        "SELECT admin_id, status, COUNT(*) FROM chats WHERE is_active = TRUE AND admin_id IS NOT NULL"
            + " AND status IN ('OPEN', 'IN_PROGRESS') GROUP BY admin_id, status",
        rs -> {
          long[] w = perAdmin.computeIfAbsent(rs.getString(1), k -> new long[2]);
          w[rs.getString(2).equals("OPEN") ? 0 : 1] = rs.getLong(3);
          return null;
        });
    // Replies (public messages sent as an admin) come from the per-sender counters, kept with every
    // message.
    return Sql.list(
        c,
        "SELECT u.id, u.full_name, COALESCE(n.public_replies, 0) FROM users u"
            + " LEFT JOIN sender_message_counts n ON n.sender_id = u.id WHERE u.is_admin = TRUE"
            + " ORDER BY u.full_name, u.id",
        rs -> {
          long[] w = perAdmin.getOrDefault(rs.getString(1), new long[2]);
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("admin", Map.of("_id", rs.getString(1), "fullName", rs.getString(2)));
          row.put("open", w[0]);
          row.put("inProgress", w[1]);
          row.put("replies", rs.getLong(3));
          return row;
        });
  }
}
