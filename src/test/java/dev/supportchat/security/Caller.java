package dev.supportchat.security;

/**
 * A row of the authorization matrix: three kinds of bad credentials, nothing at all, and three real
 * accounts.
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
  ADMIN;

  boolean authenticates() {
    return this == CHAT_USER || this == OTHER_USER || this == ADMIN;
  }
}
