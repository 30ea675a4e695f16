package dev.supportchat.hours;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * When the team works: a weekly schedule of opening spans in one time zone, and holiday dates. Pure
 * (no clock, no I/O): every question takes the instant it is about. Local times are resolved with
 * java.time's zone rules, so a span keeps its wall-clock times across daylight-saving changes (an
 * opening that falls in a spring-forward gap opens at the first valid moment after it).
 *
 * <p>A span whose closing time is not after its opening time runs overnight into the next day
 * ({@code 22:00–06:00}); {@code 00:00–00:00} is a whole day. A holiday cancels the spans that
 * <em>start</em> on it (an overnight span from the day before still ends normally). An empty weekly
 * schedule means always open: a team that never set hours is never "away" for that reason.
 */
public final class BusinessHours {
  /** Most spans on one day of the week. */
  public static final int MAX_SPANS_PER_DAY = 4;

  /** Most holiday dates kept. */
  public static final int MAX_HOLIDAYS = 400;

  /** How far ahead {@link #nextOpening} looks: beyond a year of holidays, there is none. */
  static final int LOOKAHEAD_DAYS = MAX_HOLIDAYS + 14;

  /** One opening of a day, in the schedule's local time. */
  public record Span(LocalTime opens, LocalTime closes) {
    public Span {
      if (opens == null || closes == null) {
        throw new IllegalArgumentException("A span needs an opening and a closing time.");
      }
    }

    boolean overnight() {
      return !closes.isAfter(opens);
    }

    /** Minutes from the start of its day to the opening, and the span's length in minutes. */
    int startMinute() {
      return opens.toSecondOfDay() / 60;
    }

    int lengthMinutes() {
      int length = closes.toSecondOfDay() / 60 - startMinute();
      return length <= 0 ? length + 24 * 60 : length;
    }
  }

  private final ZoneId zone;
  private final Map<DayOfWeek, List<Span>> weekly;
  private final Set<LocalDate> holidays;

  /**
   * @throws IllegalArgumentException with a sentence a person can act on: spans that overlap (also
   *     across midnight), too many spans on a day, too many holidays
   */
  public BusinessHours(ZoneId zone, Map<DayOfWeek, List<Span>> weekly, Set<LocalDate> holidays) {
    if (zone == null) {
      throw new IllegalArgumentException("A time zone is required.");
    }
    this.zone = zone;
    Map<DayOfWeek, List<Span>> copy = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      List<Span> spans = new ArrayList<>(weekly.getOrDefault(d, List.of()));
      if (spans.size() > MAX_SPANS_PER_DAY) {
        throw new IllegalArgumentException(
            "At most " + MAX_SPANS_PER_DAY + " opening spans per day (" + name(d) + ").");
      }
      spans.sort((a, b) -> a.opens().compareTo(b.opens()));
      copy.put(d, List.copyOf(spans));
    }
    checkNoOverlap(copy);
    if (holidays.size() > MAX_HOLIDAYS) {
      throw new IllegalArgumentException("At most " + MAX_HOLIDAYS + " holiday dates.");
    }
    this.weekly = Collections.unmodifiableMap(copy);
    this.holidays = Collections.unmodifiableSet(new TreeSet<>(holidays));
  }

  /** Always open: no weekly spans. */
  public static BusinessHours alwaysOpen(ZoneId zone) {
    return new BusinessHours(zone, Map.of(), Set.of());
  }

  public ZoneId zone() {
    return zone;
  }

  public Map<DayOfWeek, List<Span>> weekly() {
    return weekly;
  }

  public Set<LocalDate> holidays() {
    return holidays;
  }

  /** True when no day has a span: the team never closes. */
  public boolean isAlwaysOpen() {
    return weekly.values().stream().allMatch(List::isEmpty);
  }

  public boolean isOpen(Instant at) {
    if (isAlwaysOpen()) {
      return true;
    }
    LocalDate today = LocalDate.ofInstant(at, zone);
    for (LocalDate d = today.minusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
      for (Interval i : intervals(d)) {
        if (i.contains(at)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * When the team is next open: {@code at} itself while open, else the next opening (empty when no
   * opening comes within {@link #LOOKAHEAD_DAYS}, e.g. every remaining day is a holiday).
   */
  public Optional<Instant> nextOpening(Instant at) {
    if (isOpen(at)) {
      return Optional.of(at);
    }
    LocalDate today = LocalDate.ofInstant(at, zone);
    for (int i = 0; i <= LOOKAHEAD_DAYS; i++) {
      for (Interval interval : intervals(today.plusDays(i))) {
        if (interval.start().isAfter(at)) {
          return Optional.of(interval.start());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The open time between two instants (zero when {@code to} is not after {@code from}): what a
   * response time counts when only business hours count. An always-open schedule counts it all.
   */
  public Duration openTimeBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (isAlwaysOpen()) {
      return Duration.between(from, to);
    }
    Duration total = Duration.ZERO;
    LocalDate last = LocalDate.ofInstant(to, zone);
    for (LocalDate d = LocalDate.ofInstant(from, zone).minusDays(1);
        !d.isAfter(last);
        d = d.plusDays(1)) {
      for (Interval i : intervals(d)) {
        Instant s = i.start().isAfter(from) ? i.start() : from;
        Instant e = i.end().isBefore(to) ? i.end() : to;
        if (e.isAfter(s)) {
          total = total.plus(Duration.between(s, e));
        }
      }
    }
    return total;
  }

  /** One opening as instants, [start, end). */
  private record Interval(Instant start, Instant end) {
    boolean contains(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }

  /** The openings that start on a local date (none on a holiday), in order. */
  private List<Interval> intervals(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    List<Interval> out = new ArrayList<>();
    for (Span s : weekly.get(date.getDayOfWeek())) {
      Instant start = ZonedDateTime.of(date, s.opens(), zone).toInstant();
      LocalDate endDate = s.overnight() ? date.plusDays(1) : date;
      Instant end = ZonedDateTime.of(endDate, s.closes(), zone).toInstant();
      if (end.isAfter(start)) {
        out.add(new Interval(start, end));
      }
    }
    return out;
  }

  /** Spans as minutes of the week (wrapping from Sunday night into Monday): none may share one. */
  private static void checkNoOverlap(Map<DayOfWeek, List<Span>> weekly) {
    int week = 7 * 24 * 60;
    DayOfWeek[] owner = new DayOfWeek[week];
    for (Map.Entry<DayOfWeek, List<Span>> e : weekly.entrySet()) {
      int dayStart = (e.getKey().getValue() - 1) * 24 * 60;
      for (Span s : e.getValue()) {
        int start = dayStart + s.startMinute();
        for (int m = 0; m < s.lengthMinutes(); m++) {
          int minute = (start + m) % week;
          if (owner[minute] != null) {
            throw new IllegalArgumentException(
                "Opening spans overlap on "
                    + name(owner[minute])
                    + (owner[minute] == e.getKey() ? "" : " and " + name(e.getKey()))
                    + "; give each moment of the week at most one span.");
          }
          owner[minute] = e.getKey();
        }
      }
    }
  }

  static String name(DayOfWeek d) {
    String n = d.name().toLowerCase(java.util.Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }
}
