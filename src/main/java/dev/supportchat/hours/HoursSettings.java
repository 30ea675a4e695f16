package dev.supportchat.hours;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.json.Json;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What admins set for business hours: the schedule, the automatic reply sent outside it ({@code
 * {back}} in it becomes when the team is back; empty: no automatic reply), and whether the first
 * response time of the statistics counts business hours only. One JSON shape for the API and the
 * stored row, read by {@link #parse} with a clear sentence for each mistake.
 */
public record HoursSettings(BusinessHours hours, String autoReply, boolean businessHoursStats) {
  public static final int MAX_AUTO_REPLY_LENGTH = 1000;
  public static final String BACK_PLACEHOLDER = "{back}";
  public static final String DEFAULT_AUTO_REPLY =
      "Thanks for your message! The team is away right now and back "
          + BACK_PLACEHOLDER
          + "; we will answer you then.";

  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  /** Never set: always open, the default automatic reply, statistics over all hours. */
  public static HoursSettings defaults() {
    return new HoursSettings(BusinessHours.alwaysOpen(ZoneId.of("UTC")), DEFAULT_AUTO_REPLY, false);
  }

  /** Thrown with one sentence that says what to fix (the field is its JSON name). */
  public static final class Invalid extends RuntimeException {
    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** The settings from their JSON shape; every field is required except the automatic reply. */
  public static HoursSettings parse(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new Invalid("body", "Business hours must be a JSON object.");
    }
    ZoneId zone = zone(root.get("timeZone"));
    Map<DayOfWeek, List<BusinessHours.Span>> weekly = weekly(root.get("weekly"));
    Set<LocalDate> holidays = holidays(root.get("holidays"));
    JsonNode reply = root.get("autoReply");
    String autoReply = DEFAULT_AUTO_REPLY;
    if (reply != null && !reply.isNull()) {
      if (!reply.isTextual()) {
        throw new Invalid("autoReply", "autoReply must be a string.");
      }
      autoReply = dev.supportchat.json.TextInput.checked("autoReply", reply.textValue()).strip();
      if (autoReply.length() > MAX_AUTO_REPLY_LENGTH) {
        throw new Invalid(
            "autoReply", "autoReply must be at most " + MAX_AUTO_REPLY_LENGTH + " characters.");
      }
    }
    JsonNode stats = root.get("businessHoursStats");
    if (stats != null && !stats.isNull() && !stats.isBoolean()) {
      throw new Invalid("businessHoursStats", "businessHoursStats must be true or false.");
    }
    try {
      return new HoursSettings(
          new BusinessHours(zone, weekly, holidays),
          autoReply,
          stats != null && stats.asBoolean(false));
    } catch (IllegalArgumentException e) {
      throw new Invalid(e.getMessage().contains("holiday") ? "holidays" : "weekly", e.getMessage());
    }
  }

  private static ZoneId zone(JsonNode v) {
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      throw new Invalid("timeZone", "timeZone is required, e.g. Europe/Paris.");
    }
    try {
      return ZoneId.of(v.textValue().strip());
    } catch (DateTimeException e) {
      throw new Invalid(
          "timeZone",
          "timeZone must be an IANA time zone such as Europe/Paris or America/New_York.");
    }
  }

  private static Map<DayOfWeek, List<BusinessHours.Span>> weekly(JsonNode v) {
    if (v == null || !v.isObject()) {
      throw new Invalid("weekly", "weekly must be an object with a list of spans per day.");
    }
    Map<DayOfWeek, List<BusinessHours.Span>> out = new EnumMap<>(DayOfWeek.class);
    Iterator<Map.Entry<String, JsonNode>> days = v.fields();
    while (days.hasNext()) {
      Map.Entry<String, JsonNode> e = days.next();
      DayOfWeek day;
      try {
        day = DayOfWeek.valueOf(e.getKey().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException unknown) {
        throw new Invalid(
            "weekly",
            "weekly has an unknown day \"" + abbreviate(e.getKey()) + "\" (monday…sunday).");
      }
      if (!e.getValue().isArray()) {
        throw new Invalid("weekly", "weekly." + e.getKey() + " must be a list of spans.");
      }
      if (e.getValue().size() > BusinessHours.MAX_SPANS_PER_DAY) {
        throw new Invalid(
            "weekly",
            "At most "
                + BusinessHours.MAX_SPANS_PER_DAY
                + " opening spans per day ("
                + BusinessHours.name(day)
                + ").");
      }
      List<BusinessHours.Span> spans = new ArrayList<>();
      for (JsonNode span : e.getValue()) {
        spans.add(
            new BusinessHours.Span(
                time(span.get("opens"), e.getKey()), time(span.get("closes"), e.getKey())));
      }
      out.put(day, spans);
    }
    return out;
  }

  private static LocalTime time(JsonNode v, String day) {
    if (v == null || !v.isTextual() || !TIME.matcher(v.textValue()).matches()) {
      throw new Invalid(
          "weekly", "Each span of " + day + " needs opens and closes as HH:MM (24-hour) times.");
    }
    return LocalTime.parse(v.textValue());
  }

  private static Set<LocalDate> holidays(JsonNode v) {
    Set<LocalDate> out = new LinkedHashSet<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new Invalid("holidays", "holidays must be a list of dates (YYYY-MM-DD).");
    }
    if (v.size() > BusinessHours.MAX_HOLIDAYS) {
      throw new Invalid("holidays", "At most " + BusinessHours.MAX_HOLIDAYS + " holiday dates.");
    }
    for (JsonNode d : v) {
      try {
        if (!d.isTextual()) {
          throw new DateTimeParseException("not text", "", 0);
        }
        out.add(LocalDate.parse(d.textValue()));
      } catch (DateTimeParseException e) {
        throw new Invalid("holidays", "Each holiday must be a date as YYYY-MM-DD.");
      }
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() > 20 ? s.substring(0, 20) + "…" : s;
  }

  /** The JSON shape {@link #parse} reads (every day present, holidays sorted). */
  public ObjectNode toJson() {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("timeZone", hours.zone().getId());
    ObjectNode weekly = root.putObject("weekly");
    for (DayOfWeek d : DayOfWeek.values()) {
      ArrayNode spans = weekly.putArray(d.name().toLowerCase(Locale.ROOT));
      for (BusinessHours.Span s : hours.weekly().get(d)) {
        ObjectNode span = spans.addObject();
        span.put("opens", s.opens().toString());
        span.put("closes", s.closes().toString());
      }
    }
    ArrayNode holidays = root.putArray("holidays");
    hours.holidays().forEach(h -> holidays.add(h.toString()));
    root.put("autoReply", autoReply);
    root.put("businessHoursStats", businessHoursStats);
    return root;
  }
}
