package dev.supportchat.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supportchat.hours.BusinessHours.Span;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schedule's rules with fixed instants: weekdays, overnight spans, holidays and DST changes.
 */
class BusinessHoursTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static Span span(String opens, String closes) {
    return new Span(LocalTime.parse(opens), LocalTime.parse(closes));
  }

  /** Monday to Friday, 09:00–17:00. */
  private static BusinessHours officeHours(ZoneId zone, Set<LocalDate> holidays) {
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    for (DayOfWeek d :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      weekly.put(d, List.of(span("09:00", "17:00")));
    }
    return new BusinessHours(zone, weekly, holidays);
  }

  private static Instant at(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }

  @Test
  void anEmptyScheduleIsAlwaysOpen() {
    BusinessHours h = BusinessHours.alwaysOpen(PARIS);
    Instant t = at("2026-12-25T03:00", PARIS);
    assertThat(h.isAlwaysOpen()).isTrue();
    assertThat(h.isOpen(t)).isTrue();
    assertThat(h.nextOpening(t)).contains(t);
    assertThat(h.openTimeBetween(t, t.plus(Duration.ofHours(30)))).isEqualTo(Duration.ofHours(30));
  }

  @Test
  void officeHoursOpenAtNineAndCloseAtFiveOnWeekdays() {
    BusinessHours h = officeHours(PARIS, Set.of());
    // 2026-12-07 is a Monday.
    assertThat(h.isOpen(at("2026-12-07T08:59", PARIS))).isFalse();
    assertThat(h.isOpen(at("2026-12-07T09:00", PARIS))).isTrue();
    assertThat(h.isOpen(at("2026-12-07T16:59", PARIS))).isTrue();
    assertThat(h.isOpen(at("2026-12-07T17:00", PARIS))).as("closing time is closed").isFalse();
    assertThat(h.nextOpening(at("2026-12-07T08:00", PARIS)))
        .contains(at("2026-12-07T09:00", PARIS));
    assertThat(h.nextOpening(at("2026-12-07T10:00", PARIS)))
        .as("while open: now")
        .contains(at("2026-12-07T10:00", PARIS));
    assertThat(h.nextOpening(at("2026-12-07T18:00", PARIS)))
        .contains(at("2026-12-08T09:00", PARIS));
  }

  @Test
  void afterFridayTheTeamIsBackOnMonday() {
    BusinessHours h = officeHours(PARIS, Set.of());
    Instant fridayEvening = at("2026-12-11T17:30", PARIS);
    assertThat(h.isOpen(fridayEvening)).isFalse();
    assertThat(h.isOpen(at("2026-12-12T12:00", PARIS))).as("Saturday").isFalse();
    assertThat(h.nextOpening(fridayEvening)).contains(at("2026-12-14T09:00", PARIS));
  }

  @Test
  void anOvernightSpanRunsIntoTheNextDay() {
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(DayOfWeek.FRIDAY, List.of(span("22:00", "06:00")));
    BusinessHours h = new BusinessHours(PARIS, weekly, Set.of());
    assertThat(h.isOpen(at("2026-12-11T21:59", PARIS))).isFalse();
    assertThat(h.isOpen(at("2026-12-11T23:30", PARIS))).isTrue();
    assertThat(h.isOpen(at("2026-12-12T03:00", PARIS))).as("Saturday night").isTrue();
    assertThat(h.isOpen(at("2026-12-12T06:00", PARIS))).isFalse();
    assertThat(h.nextOpening(at("2026-12-12T07:00", PARIS)))
        .contains(at("2026-12-18T22:00", PARIS));
    assertThat(h.openTimeBetween(at("2026-12-11T12:00", PARIS), at("2026-12-12T12:00", PARIS)))
        .isEqualTo(Duration.ofHours(8));
  }

  @Test
  void aSundayNightSpanWrapsIntoMonday() {
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(DayOfWeek.SUNDAY, List.of(span("20:00", "02:00")));
    weekly.put(DayOfWeek.MONDAY, List.of(span("09:00", "12:00")));
    BusinessHours h = new BusinessHours(PARIS, weekly, Set.of());
    assertThat(h.isOpen(at("2026-12-14T01:00", PARIS))).as("Monday 01:00").isTrue();
    assertThat(h.isOpen(at("2026-12-14T03:00", PARIS))).isFalse();
    assertThat(h.nextOpening(at("2026-12-14T03:00", PARIS)))
        .contains(at("2026-12-14T09:00", PARIS));
  }

  @Test
  void aWholeDaySpanIsMidnightToMidnight() {
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(DayOfWeek.SATURDAY, List.of(span("00:00", "00:00")));
    BusinessHours h = new BusinessHours(PARIS, weekly, Set.of());
    assertThat(h.isOpen(at("2026-12-12T00:00", PARIS))).isTrue();
    assertThat(h.isOpen(at("2026-12-12T23:59", PARIS))).isTrue();
    assertThat(h.isOpen(at("2026-12-13T00:00", PARIS))).isFalse();
  }

  @Test
  void aHolidayCancelsTheSpansThatStartOnIt() {
    LocalDate christmas = LocalDate.parse("2026-12-25"); // a Friday
    BusinessHours h = officeHours(PARIS, Set.of(christmas));
    assertThat(h.isOpen(at("2026-12-25T10:00", PARIS))).isFalse();
    assertThat(h.nextOpening(at("2026-12-24T18:00", PARIS)))
        .contains(at("2026-12-28T09:00", PARIS));

    // An overnight span from the day before still ends normally on the holiday.
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(DayOfWeek.THURSDAY, List.of(span("22:00", "04:00")));
    weekly.put(DayOfWeek.FRIDAY, List.of(span("22:00", "04:00")));
    BusinessHours nights = new BusinessHours(PARIS, weekly, Set.of(christmas));
    assertThat(nights.isOpen(at("2026-12-25T02:00", PARIS))).isTrue();
    assertThat(nights.isOpen(at("2026-12-25T23:00", PARIS))).isFalse();
  }

  @Test
  void nothingWithinAYearOfHolidaysHasNoNextOpening() {
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(DayOfWeek.MONDAY, List.of(span("09:00", "10:00")));
    Set<LocalDate> holidays = new HashSet<>();
    for (LocalDate d = LocalDate.parse("2026-12-07"); holidays.size() < 61; d = d.plusWeeks(1)) {
      holidays.add(d);
    }
    BusinessHours h = new BusinessHours(PARIS, weekly, holidays);
    assertThat(h.nextOpening(at("2026-12-06T12:00", PARIS))).isEmpty();
    assertThat(h.isAlwaysOpen()).isFalse();
  }

  @Test
  void nineOClockStaysNineOClockAcrossTheSpringChange() {
    BusinessHours h = officeHours(PARIS, Set.of());
    // Paris moves from UTC+1 to UTC+2 on Sunday 2026-03-29.
    assertThat(h.nextOpening(at("2026-03-27T18:00", PARIS)))
        .contains(Instant.parse("2026-03-30T07:00:00Z"));
    assertThat(h.nextOpening(at("2026-03-26T18:00", PARIS)))
        .contains(Instant.parse("2026-03-27T08:00:00Z"));
  }

  @Test
  void aSpanThroughTheSpringGapIsAnHourShorterAndAnOpeningInTheGapMovesToAfterIt() {
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(DayOfWeek.SUNDAY, List.of(span("01:00", "04:00")));
    BusinessHours h = new BusinessHours(PARIS, weekly, Set.of());
    Instant saturday = at("2026-03-28T12:00", PARIS);
    assertThat(h.openTimeBetween(saturday, saturday.plus(Duration.ofDays(2))))
        .isEqualTo(Duration.ofHours(2));

    weekly.put(DayOfWeek.SUNDAY, List.of(span("02:30", "05:00")));
    BusinessHours gap = new BusinessHours(PARIS, weekly, Set.of());
    // 02:30 does not exist that night: it opens at 03:30 local (01:30 UTC).
    assertThat(gap.nextOpening(saturday)).contains(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(gap.isOpen(Instant.parse("2026-03-29T01:45:00Z"))).isTrue();
  }

  @Test
  void aSpanThroughTheAutumnChangeIsAnHourLonger() {
    Map<DayOfWeek, List<Span>> weekly = new EnumMap<>(DayOfWeek.class);
    weekly.put(DayOfWeek.SUNDAY, List.of(span("01:00", "04:00")));
    BusinessHours h = new BusinessHours(NEW_YORK, weekly, Set.of());
    // New York moves back from UTC-4 to UTC-5 on Sunday 2026-11-01 at 02:00.
    Instant saturday = at("2026-10-31T12:00", NEW_YORK);
    assertThat(h.openTimeBetween(saturday, saturday.plus(Duration.ofDays(2))))
        .isEqualTo(Duration.ofHours(4));
    assertThat(h.isOpen(Instant.parse("2026-11-01T08:30:00Z"))).as("03:30 EST").isTrue();
    assertThat(h.isOpen(Instant.parse("2026-11-01T09:00:00Z"))).as("04:00 EST").isFalse();
  }

  @Test
  void openTimeCountsOnlyTheOpenPartOfAWait() {
    BusinessHours h = officeHours(PARIS, Set.of());
    // Written Friday 16:00, answered Monday 10:00: one hour on Friday, one on Monday.
    assertThat(h.openTimeBetween(at("2026-12-11T16:00", PARIS), at("2026-12-14T10:00", PARIS)))
        .isEqualTo(Duration.ofHours(2));
    // Written and answered at night: nothing counts.
    assertThat(h.openTimeBetween(at("2026-12-08T20:00", PARIS), at("2026-12-08T22:00", PARIS)))
        .isZero();
    assertThat(h.openTimeBetween(at("2026-12-08T10:00", PARIS), at("2026-12-08T09:00", PARIS)))
        .isZero();
  }

  @Test
  void overlappingSpansAreRefusedWithASentence() {
    Map<DayOfWeek, List<Span>> sameDay = new EnumMap<>(DayOfWeek.class);
    sameDay.put(DayOfWeek.MONDAY, List.of(span("09:00", "12:00"), span("11:00", "13:00")));
    assertThatThrownBy(() -> new BusinessHours(PARIS, sameDay, Set.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("overlap on Monday");

    Map<DayOfWeek, List<Span>> acrossTheWeek = new EnumMap<>(DayOfWeek.class);
    acrossTheWeek.put(DayOfWeek.SUNDAY, List.of(span("22:00", "02:00")));
    acrossTheWeek.put(DayOfWeek.MONDAY, List.of(span("01:00", "03:00")));
    assertThatThrownBy(() -> new BusinessHours(PARIS, acrossTheWeek, Set.of()))
        .hasMessageContaining("overlap");

    Map<DayOfWeek, List<Span>> tooMany = new EnumMap<>(DayOfWeek.class);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i <= BusinessHours.MAX_SPANS_PER_DAY; i++) {
      spans.add(span(String.format("%02d:00", i * 2), String.format("%02d:30", i * 2)));
    }
    tooMany.put(DayOfWeek.TUESDAY, spans);
    assertThatThrownBy(() -> new BusinessHours(PARIS, tooMany, Set.of()))
        .hasMessageContaining("Tuesday");
  }

  @Test
  void theBackPhraseSaysTodayTomorrowAWeekdayOrADate() {
    ZoneId z = PARIS;
    Instant now = at("2026-12-07T07:00", z);
    assertThat(BackPhrase.of(now, at("2026-12-07T09:00", z), z))
        .isEqualTo("today at 09:00 (Europe/Paris time)");
    assertThat(BackPhrase.of(now, at("2026-12-08T09:00", z), z)).startsWith("tomorrow at 09:00");
    assertThat(BackPhrase.of(now, at("2026-12-11T09:30", z), z)).startsWith("on Friday at 09:30");
    assertThat(BackPhrase.of(now, at("2026-12-28T09:00", z), z))
        .startsWith("on 28 December at 09:00");
  }
}
