package dev.supportchat.user;

import dev.supportchat.store.Database;

/** Gives the wiring code the session store without making its implementation public. */
public final class Sessions {
  private Sessions() {}

  public static SessionRepository repository(Database db) {
    return new JdbcSessionRepository(db);
  }
}
