package dev.supportchat.security;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the server said it stored while being fuzzed (message id → content), checked against what
 * the database holds afterwards: the same messages, nothing more, each with the content it was
 * acknowledged with.
 */
final class MessageLedger {
  private final Map<String, String> acknowledged = new HashMap<>();
  private final List<String> problems = new ArrayList<>();

  /** Starts from what the database holds before the fuzzing. */
  MessageLedger(Database db) {
    acknowledged.putAll(storedMessages(db));
  }

  /**
   * A message the server answered with; {@code sentContent}, when given, is what the client sent,
   * which must come back trimmed and otherwise unchanged.
   */
  void acknowledged(JsonNode message, String sentContent) {
    String id = message.path("_id").asText();
    String content = message.path("content").asText();
    if (sentContent != null && !content.equals(sentContent.strip())) {
      problems.add(
          "message "
              + id
              + " was answered with other content than was sent: "
              + difference(sentContent.strip(), content));
    }
    acknowledged.put(id, content);
  }

  /**
   * Differences between what was acknowledged and what is stored, as readable lines (empty when
   * none).
   */
  List<String> differencesFrom(Database db) {
    List<String> out = new ArrayList<>(problems);
    Map<String, String> stored = storedMessages(db);
    stored.forEach(
        (id, content) -> {
          if (!acknowledged.containsKey(id)) {
            out.add("stored but never acknowledged: " + id + " " + describe(content));
          } else if (!acknowledged.get(id).equals(content)) {
            out.add(
                "stored with other content than acknowledged: "
                    + id
                    + " "
                    + difference(acknowledged.get(id), content));
          }
        });
    acknowledged.keySet().stream()
        .filter(id -> !stored.containsKey(id))
        .forEach(id -> out.add("acknowledged but not stored: " + id));
    return out;
  }

  int size() {
    return acknowledged.size();
  }

  static Map<String, String> storedMessages(Database db) {
    return db.read(
        c -> {
          Map<String, String> out = new TreeMap<>();
          try (PreparedStatement s = c.prepareStatement("SELECT id, content FROM messages");
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), rs.getString(2));
            }
          }
          return out;
        });
  }

  /**
   * Length and the code units of the first characters: enough to tell strings apart in a failure
   * message.
   */
  private static String describe(String s) {
    return "(" + s.length() + " chars: " + codeUnits(s, 0) + ")";
  }

  /** Where two strings first differ, as code units: hostile strings do not print. */
  private static String difference(String expected, String actual) {
    int at = 0;
    while (at < expected.length()
        && at < actual.length()
        && expected.charAt(at) == actual.charAt(at)) {
      at++;
    }
    return "lengths "
        + expected.length()
        + " → "
        + actual.length()
        + ", from char "
        + at
        + ": "
        + codeUnits(expected, at)
        + " → "
        + codeUnits(actual, at);
  }

  private static String codeUnits(String s, int from) {
    StringBuilder b = new StringBuilder();
    s.chars().skip(from).limit(12).forEach(ch -> b.append(Integer.toHexString(ch)).append(' '));
    return b.append(s.length() > from + 12 ? "…" : "").toString().strip();
  }
}
