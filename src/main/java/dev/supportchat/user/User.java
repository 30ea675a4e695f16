package dev.supportchat.user;

import java.time.Instant;

/**
 * A user as stored. The password hash never leaves the user package; clients get a {@link
 * UserView}. Visitors and verified users have no usable password and may have no email ("").
 *
 * @param externalId the host site's user id of a verified user, else null
 * @param emailVerified whether the host vouched for the email (a verified user's email claim)
 */
public record User(
    String id,
    String email,
    String username,
    String fullName,
    String passwordHash,
    boolean isAdmin,
    Instant createdAt,
    Instant updatedAt,
    UserKind kind,
    String externalId,
    boolean emailVerified) {

  /** An account (the seed's kind of user). */
  public User(
      String id,
      String email,
      String username,
      String fullName,
      String passwordHash,
      boolean isAdmin,
      Instant createdAt,
      Instant updatedAt) {
    this(
        id,
        email,
        username,
        fullName,
        passwordHash,
        isAdmin,
        createdAt,
        updatedAt,
        UserKind.ACCOUNT,
        null,
        false);
  }

  public UserView view() {
    return UserView.of(this);
  }

  public Principal principal(String sessionId) {
    return new Principal(id, isAdmin, sessionId);
  }
}
