package dev.supportchat.user;

import java.time.Instant;

/**
 * An account as stored. The password hash never leaves the user package; clients get a {@link
 * UserView}.
 */
public record User(
    String id,
    String email,
    String username,
    String fullName,
    String passwordHash,
    boolean isAdmin,
    Instant createdAt,
    Instant updatedAt) {

  public UserView view() {
    return UserView.of(this);
  }

  public Principal principal(String sessionId) {
    return new Principal(id, isAdmin, sessionId);
  }
}
