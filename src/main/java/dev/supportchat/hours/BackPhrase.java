package dev.supportchat.hours;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * "today at 09:00", "tomorrow at 09:00", "on Monday at 09:00" or "on 5 January at 09:00": when the
 * team is back, in the schedule's time zone (named at the end), for the automatic reply. The widget
 * says the same in the visitor's own time zone.
 */
final class BackPhrase {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private BackPhrase() {}

  static String of(Instant now, Instant back, ZoneId zone) {
    ZonedDateTime at = back.atZone(zone);
    LocalDate today = LocalDate.ofInstant(now, zone);
    long days = at.toLocalDate().toEpochDay() - today.toEpochDay();
    String day;
    if (days <= 0) {
      day = "today";
    } else if (days == 1) {
      day = "tomorrow";
    } else if (days < 7) {
      day = "on " + at.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    } else {
      day =
          "on "
              + at.getDayOfMonth()
              + " "
              + at.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
    return day + " at " + TIME.format(at) + " (" + zone.getId() + " time)";
  }
}
