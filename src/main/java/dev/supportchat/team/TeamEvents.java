package dev.supportchat.team;

import java.util.Map;

/**
 * What the team feature tells the dashboards: to the staff room only, so people who chat never get
 * these events. The realtime layer delivers them on every node.
 */
public interface TeamEvents {
  /** Event name: a member's role, state, capacity or availability, or the settings, changed. */
  String AGENT_UPDATED = "team_agent_updated";

  /**
   * Event name: a saved reply was created or changed ({@code reply}) or deleted ({@code
   * deletedId}).
   */
  String SAVED_REPLIES_CHANGED = "saved_replies_changed";

  /** Event name: a label was created or changed ({@code label}) or deleted ({@code deletedId}). */
  String LABELS_CHANGED = "labels_changed";

  /** Event name: the labels on one chat changed: {@code {chatId, labels}}. */
  String CHAT_LABELS_UPDATED = "chat_labels_updated";

  void toStaff(String event, Map<String, Object> payload);

  TeamEvents NONE = (event, payload) -> {};
}
