package dev.supportchat.team;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Sends an invite's link by email, queued in the transaction that stores the invite (the mail
 * feature's outbox): the link goes out exactly when the invite exists. Without outgoing mail it
 * does nothing and the admin passes the link on.
 */
@FunctionalInterface
public interface InviteMail {
  /**
   * @param path the invite page with its token ({@code /admin/support#invite=…}), relative to the
   *     server's public address
   */
  void queue(Connection c, Invite invite, String path) throws SQLException;

  InviteMail NONE = (c, invite, path) -> {};
}
