package dev.supportchat.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IsoTimeTest {
  private static final DateTimeFormatter REFERENCE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void alwaysWritesTheMillisecondsAsJavaScriptDoes() {
    assertEquals("2026-12-07T06:07:00.000Z", IsoTime.of(Instant.parse("2026-12-07T06:07:00Z")));
    assertEquals("1970-01-01T00:00:00.000Z", IsoTime.of(0));
    assertEquals("1969-12-31T23:59:59.999Z", IsoTime.of(-1));
    assertEquals("2024-02-29T23:59:59.999Z", IsoTime.of(Instant.parse("2024-02-29T23:59:59.999Z")));
  }

  @Test
  void dropsWhatIsFinerThanAMillisecond() {
    assertEquals(
        "2026-12-07T06:07:01.234Z", IsoTime.of(Instant.parse("2026-12-07T06:07:01.234987Z")));
  }

  @Test
  void nullStaysNull() {
    assertNull(IsoTime.of((Instant) null));
  }

  @Test
  void agreesWithAFormatterForTimesFromYearZeroToYear9999() {
    long first = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
    long last = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
    SplittableRandom random = new SplittableRandom(20);
    for (int i = 0; i < 200_000; i++) {
      long t = random.nextLong(first, last + 1);
      assertEquals(REFERENCE.format(Instant.ofEpochMilli(t)), IsoTime.of(t), () -> "at " + t);
    }
    assertEquals("0000-01-01T00:00:00.000Z", IsoTime.of(first));
    assertEquals("9999-12-31T23:59:59.999Z", IsoTime.of(last));
  }

  @Test
  void writesYearsOutsideFourDigitsAsJavaScriptsExpandedYears() {
    assertEquals("+010000-01-01T00:00:00.000Z", IsoTime.of(253_402_300_800_000L));
    assertEquals("+275760-09-13T00:00:00.000Z", IsoTime.of(8_640_000_000_000_000L));
    assertEquals("-271821-04-20T00:00:00.000Z", IsoTime.of(-8_640_000_000_000_000L));
    assertEquals("-000001-12-31T23:59:59.999Z", IsoTime.of(-62_167_219_200_001L));
  }
}
