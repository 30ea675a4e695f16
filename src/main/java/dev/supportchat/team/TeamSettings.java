package dev.supportchat.team;

import java.util.Map;

/**
 * What admins set for the whole team on the dashboard.
 *
 * @param autoAssign whether waiting chats are given to agents automatically (off until an admin
 *     turns it on, so a team that assigns by hand sees no change)
 * @param defaultCapacity active chats an agent takes unless their own capacity says otherwise
 */
public record TeamSettings(boolean autoAssign, int defaultCapacity) {
  public static final int DEFAULT_CAPACITY = 5;
  static final String AUTO_ASSIGN = "auto_assign";
  static final String DEFAULT_CAPACITY_KEY = "default_capacity";

  static TeamSettings from(Map<String, String> stored) {
    int capacity = DEFAULT_CAPACITY;
    try {
      capacity = Integer.parseInt(stored.getOrDefault(DEFAULT_CAPACITY_KEY, "" + DEFAULT_CAPACITY));
    } catch (NumberFormatException keepDefault) {
      // written only by this code; a hand-edited row falls back to the default
    }
    return new TeamSettings("true".equals(stored.get(AUTO_ASSIGN)), capacity);
  }

  Map<String, String> stored() {
    return Map.of(
        AUTO_ASSIGN, String.valueOf(autoAssign), DEFAULT_CAPACITY_KEY, "" + defaultCapacity);
  }
}
