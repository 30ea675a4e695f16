package dev.supportchat.user;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The public face of an account, as clients of the original system know it ({@code _id}, no
 * password hash).
 */
public record UserView(
    @JsonProperty("_id") String id,
    String email,
    String username,
    String fullName,
    @JsonProperty("isAdmin") boolean isAdmin,
    String createdAt,
    String updatedAt) {

  static UserView of(User u) {
    return new UserView(
        u.id(),
        u.email(),
        u.username(),
        u.fullName(),
        u.isAdmin(),
        u.createdAt().toString(),
        u.updatedAt().toString());
  }
}
