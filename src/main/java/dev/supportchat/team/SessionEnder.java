package dev.supportchat.team;

/**
 * Ends every session of a user on every node: refresh tokens revoked, access tokens refused,
 * sockets closed (the session service, {@code user/SessionTermination}). Deactivation calls it.
 */
@FunctionalInterface
public interface SessionEnder {
  void endSessionsOf(String userId);
}
