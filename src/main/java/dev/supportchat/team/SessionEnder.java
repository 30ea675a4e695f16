package dev.supportchat.team;

/**
 * Ends every session of a user: their refresh tokens, their access tokens and their open sockets,
 * on every node. Deactivation calls it. (One seam, so the cross-node session service of the
 * security work can take over without the team feature changing.)
 */
public interface SessionEnder {
  void endSessionsOf(String userId);
}
