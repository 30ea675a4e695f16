package dev.supportchat.chat;

import dev.supportchat.error.AppException;

/** How urgent a chat is; the rank orders chats with the same activity time. */
public enum Priority {
  LOW("low", 1),
  MEDIUM("medium", 2),
  HIGH("high", 3),
  URGENT("urgent", 4);

  private final String wire;
  private final int rank;

  Priority(String wire, int rank) {
    this.wire = wire;
    this.rank = rank;
  }

  public String wire() {
    return wire;
  }

  public int rank() {
    return rank;
  }

  public static Priority parse(String value, String field) {
    for (Priority p : values()) {
      if (p.wire.equals(value)) {
        return p;
      }
    }
    throw AppException.invalid(field, field + " must be one of low, medium, high, urgent.");
  }
}
