package dev.supportchat.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.supportchat.json.IsoTime;

/**
 * The public face of a user, as clients of the original system know it ({@code _id}, no password
 * hash), plus who they are to us: {@code kind} (account, verified, visitor), whether the email was
 * vouched for, and the host site's id of a verified user.
 */
public record UserView(
    @JsonProperty("_id") String id,
    String email,
    String username,
    String fullName,
    @JsonProperty("isAdmin") boolean isAdmin,
    String createdAt,
    String updatedAt,
    String kind,
    boolean emailVerified,
    String externalId) {

  static UserView of(User u) {
    return new UserView(
        u.id(),
        u.email() == null || u.email().isEmpty() ? null : u.email(),
        u.username(),
        u.fullName(),
        u.isAdmin(),
        IsoTime.of(u.createdAt()),
        IsoTime.of(u.updatedAt()),
        u.kind().wire(),
        u.emailVerified(),
        u.externalId());
  }
}
