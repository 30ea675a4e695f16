package dev.supportchat.team;

import dev.supportchat.error.AppException;

/** What a staff member may do: admins manage the team and its settings, agents work chats. */
public enum Role {
  ADMIN("admin"),
  AGENT("agent");

  private final String wire;

  Role(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The stored role; staff created before roles existed (NULL) are admins. */
  static Role fromStored(String value) {
    return AGENT.wire.equals(value) ? AGENT : ADMIN;
  }

  static Role parse(String value, String field) {
    for (Role r : values()) {
      if (r.wire.equals(value)) {
        return r;
      }
    }
    throw AppException.invalid(field, field + " must be admin or agent.");
  }
}
