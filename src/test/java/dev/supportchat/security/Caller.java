package dev.supportchat.security;

/**
 * A row of the authorization matrix: three kinds of bad credentials, nothing at all, three real
 * accounts, a widget visitor and a host site's signed-in user.
 */
enum Caller {
  NO_TOKEN,
  EXPIRED_TOKEN,
  /** A real admin token's claims, signed with another key. */
  FORGED_TOKEN,
  /** A real admin token's claims with {@code alg: none} and no signature. */
  ALG_NONE_TOKEN,
  /** The user whose chat the requests are about. */
  CHAT_USER,
  /** A user with a chat of its own. */
  OTHER_USER,
  ADMIN,
  /** An anonymous visitor of the widget, with a chat of its own. */
  VISITOR,
  /** The host site's signed-in user (identity token), with a chat of its own. */
  VERIFIED_USER;

  boolean authenticates() {
    return this == CHAT_USER
        || this == OTHER_USER
        || this == ADMIN
        || this == VISITOR
        || this == VERIFIED_USER;
  }

  /** A signed-in user who is neither the chat's user nor an admin. */
  boolean isOutsider() {
    return this == OTHER_USER || this == VISITOR || this == VERIFIED_USER;
  }
}
