package dev.supportchat.team;

import dev.supportchat.worker.Fatal;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every second on every node: writes which staff members have a socket here (so "connected on any
 * node" is a fact in the database, where assignment reads it), and every few seconds asks for an
 * assignment pass (which also takes back the chats of agents offline for too long).
 */
final class TeamHeartbeat implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TeamHeartbeat.class);
  static final long PERIOD_MS = 1_000;
  private static final int TICKS_PER_PASS = 5;

  private final JdbcTeamRepository team;
  private final StaffSockets sockets;
  private final AutoAssigner assigner;
  private final AwayList away;
  private final Clock clock;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "team-heartbeat");
            t.setDaemon(true);
            return t;
          });
  private int ticks;

  TeamHeartbeat(
      JdbcTeamRepository team,
      StaffSockets sockets,
      AutoAssigner assigner,
      AwayList away,
      Clock clock) {
    this.team = team;
    this.sockets = sockets;
    this.assigner = assigner;
    this.away = away;
    this.clock = clock;
  }

  void start() {
    timer.scheduleWithFixedDelay(
        Fatal.survivable("team heartbeat", this::tick), 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      team.seen(sockets.connectedHere(), clock.millis());
    } catch (RuntimeException e) {
      // Database away: the sightings go stale (agents count as offline) until it is back.
      log.debug("team heartbeat failed: {}", e.toString());
    }
    away.refresh();
    if (++ticks % TICKS_PER_PASS == 0) {
      assigner.request();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
