package dev.supportchat.realtime;

import dev.supportchat.error.AppException;
import dev.supportchat.realtime.transport.SocketAuthenticator;
import dev.supportchat.user.SessionTermination;
import java.time.Instant;
import java.util.Optional;

/**
 * How long a socket's authorization holds: until its access token expires or its session ends,
 * whichever comes first, and renewed by a fresh token for the same user on the same connection.
 */
final class SocketSession {
  private final SocketAuthenticator<SocketUser> authenticator;
  private final SessionTermination sessions;

  SocketSession(SocketAuthenticator<SocketUser> authenticator, SessionTermination sessions) {
    this.authenticator = authenticator;
    this.sessions = sessions;
  }

  /** Why the socket may no longer act, or null while it may. */
  String refusal(SocketUser user, Instant now) {
    if (!now.isBefore(user.tokenExpiresAt())) {
      return "Access token expired; reconnect with a fresh token.";
    }
    if (sessions.isEnded(user.principal().sessionId())) {
      return "This session has ended; please log in again.";
    }
    return null;
  }

  /**
   * The socket's authorization from a fresh token; refused unless it is valid and names the same
   * user with the same role (a socket never changes who it is: the rooms it joined depend on it).
   */
  SocketUser renew(SocketUser current, String token) {
    Optional<SocketUser> fresh = authenticator.authenticate(token);
    if (fresh.isEmpty()) {
      throw AppException.unauthorized("The token is not valid; the connection keeps the old one.");
    }
    SocketUser next = fresh.get();
    if (!next.userId().equals(current.userId()) || next.isAdmin() != current.isAdmin()) {
      throw AppException.forbidden(
          "The token is for another user or role; open a new connection for it.");
    }
    return next;
  }
}
