package dev.supportchat.chat;

import java.time.Instant;

/**
 * One thing that happened to a chat besides its messages, for the dashboard's timeline: its status
 * changed ({@code from}/{@code to} are statuses) or it was assigned ({@code fromAgent}/{@code
 * toAgent}; a null {@code toAgent} is "back in the queue"). {@code actor} is who did it; null when
 * the server did (automatic assignment).
 */
public record ChatEvent(
    String id,
    String chatId,
    Kind kind,
    UserRef actor,
    ChatStatus from,
    ChatStatus to,
    UserRef fromAgent,
    UserRef toAgent,
    Instant at) {

  public enum Kind {
    STATUS("status"),
    ASSIGNED("assigned");

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }
}
