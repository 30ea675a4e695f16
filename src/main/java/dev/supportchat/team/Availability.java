package dev.supportchat.team;

import dev.supportchat.error.AppException;

/**
 * Whether an agent takes chats now. Online and away are chosen in the top bar; offline is a fact:
 * no node has had a socket of theirs for {@link #STALE_MS}.
 */
public enum Availability {
  ONLINE("online"),
  AWAY("away"),
  OFFLINE("offline");

  /**
   * How long a node's last sighting of an agent's socket counts as connected: nodes write it every
   * second, so a few missed writes (a busy database, a slow node) do not make anyone offline.
   */
  public static final long STALE_MS = 5_000;

  private final String wire;

  Availability(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /**
   * What the agent is now: their choice while connected on any node, else offline. Connected: a
   * node saw a socket of theirs recently (the node that sees their last socket go makes the
   * sighting stale at once).
   */
  public static Availability effective(Availability chosen, Long seenAt, long now) {
    boolean connected = seenAt != null && now - seenAt <= STALE_MS;
    return connected ? chosen : OFFLINE;
  }

  static Availability fromStored(String value) {
    return AWAY.wire.equals(value) ? AWAY : ONLINE;
  }

  /** What an agent may choose (offline is not a choice: closing the dashboard is). */
  static Availability parseChoice(String value) {
    if (ONLINE.wire.equals(value)) {
      return ONLINE;
    }
    if (AWAY.wire.equals(value)) {
      return AWAY;
    }
    throw AppException.invalid("status", "status must be online or away.");
  }
}
