package dev.supportchat.team;

import java.util.Map;

/**
 * What the team feature tells the dashboards: to the staff room only, so people who chat never get
 * these events. The realtime layer delivers them on every node.
 */
public interface TeamEvents {
  /** Event name: a member's role, state, capacity or availability, or the settings, changed. */
  String AGENT_UPDATED = "team_agent_updated";

  void toStaff(String event, Map<String, Object> payload);

  TeamEvents NONE = (event, payload) -> {};
}
