package dev.supportchat.chat;

import dev.supportchat.error.AppException;

/** Open → In progress → Resolved → Closed, and back to open when the user writes again. */
public enum ChatStatus {
  OPEN("open"),
  IN_PROGRESS("in-progress"),
  RESOLVED("resolved"),
  CLOSED("closed");

  private final String wire;

  ChatStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public boolean isFinished() {
    return this == RESOLVED || this == CLOSED;
  }

  public static ChatStatus parse(String value, String field) {
    for (ChatStatus s : values()) {
      if (s.wire.equals(value)) {
        return s;
      }
    }
    throw AppException.invalid(
        field, field + " must be one of open, in-progress, resolved, closed.");
  }
}
