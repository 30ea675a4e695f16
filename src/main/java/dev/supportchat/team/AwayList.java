package dev.supportchat.team;

import dev.supportchat.store.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who chose "away", as this node last read it: the widget's "Support is online" counts only staff
 * who are connected and did not. Read again on every heartbeat (so a choice made on another node
 * reaches this one within a second) and at once after a choice made here.
 */
final class AwayList {
  private static final Logger log = LoggerFactory.getLogger(AwayList.class);

  private final JdbcTeamRepository team;
  private volatile Set<String> away = Set.of();
  private volatile Runnable onChange = () -> {};

  AwayList(JdbcTeamRepository team) {
    this.team = team;
  }

  boolean isAway(String userId) {
    return away.contains(userId);
  }

  void onChange(Runnable listener) {
    this.onChange = listener;
  }

  void refresh() {
    Set<String> now;
    try {
      now = team.away();
    } catch (RuntimeException e) {
      log.debug("could not read who is away: {}", e.toString());
      return; // the last list stands until the database answers
    }
    if (!now.equals(away)) {
      away = now;
      onChange.run();
    }
  }

  static Set<String> read(Connection c) throws SQLException {
    return new HashSet<>(
        Sql.list(
            c,
            "SELECT user_id FROM agent_state WHERE availability = ?",
            rs -> rs.getString(1),
            Availability.AWAY.wire()));
  }
}
