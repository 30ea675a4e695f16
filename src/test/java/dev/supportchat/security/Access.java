package dev.supportchat.security;

import dev.supportchat.error.ErrorCode;
import java.util.Optional;

/**
 * Who an endpoint or event lets through; the rule tables give one of these to each route and event.
 */
enum Access {
  /** Everyone, whatever token comes along (it is ignored). */
  PUBLIC,
  /** Any valid token. */
  SIGNED_IN,
  /** Users with a valid token; admins are refused. */
  USERS,
  /** The chat's own user and admins. */
  CHAT_MEMBERS,
  /** Only the author of the message. */
  SENDER,
  ADMINS;

  /** The error the caller gets, or empty when it is let through. */
  Optional<ErrorCode> refusal(Caller caller) {
    if (this == PUBLIC) {
      return Optional.empty();
    }
    if (!caller.authenticates()) {
      return Optional.of(ErrorCode.UNAUTHORIZED);
    }
    boolean allowed =
        switch (this) {
          case PUBLIC, SIGNED_IN -> true;
          case USERS -> caller != Caller.ADMIN;
          case CHAT_MEMBERS -> !caller.isOutsider();
          case SENDER -> caller == Caller.CHAT_USER;
          case ADMINS -> caller == Caller.ADMIN;
        };
    return allowed ? Optional.empty() : Optional.of(ErrorCode.FORBIDDEN);
  }
}
