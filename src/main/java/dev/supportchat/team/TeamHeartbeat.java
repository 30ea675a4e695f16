package dev.supportchat.team;

import dev.supportchat.worker.Fatal;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every second on every node: writes which staff members have a socket here (so "connected on any
 * node" is a fact in the database, where assignment reads it), re-reads who is deactivated and
 * closes their sockets here, and every few seconds asks for an assignment pass (which also takes
 * back the chats of agents offline for too long).
 */
final class TeamHeartbeat implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TeamHeartbeat.class);
  static final long PERIOD_MS = 1_000;
  private static final int TICKS_PER_PASS = 5;

  private final JdbcTeamRepository team;
  private final StaffGate gate;
  private final StaffSockets sockets;
  private final AutoAssigner assigner;
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
      StaffGate gate,
      StaffSockets sockets,
      AutoAssigner assigner,
      Clock clock) {
    this.team = team;
    this.gate = gate;
    this.sockets = sockets;
    this.assigner = assigner;
    this.clock = clock;
  }

  void start() {
    timer.scheduleWithFixedDelay(
        Fatal.survivable("team heartbeat", this::tick), 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  private void tick() {
    try {
      Set<String> deactivated = team.deactivated();
      gate.replace(deactivated);
      Set<String> here = new HashSet<>(sockets.connectedHere());
      for (String id : Set.copyOf(here)) {
        if (deactivated.contains(id)) {
          sockets.disconnect(id);
          here.remove(id);
        }
      }
      team.seen(here, clock.millis());
    } catch (RuntimeException e) {
      // Database away: the sightings go stale (agents count as offline) until it is back.
      log.debug("team heartbeat failed: {}", e.toString());
    }
    if (++ticks % TICKS_PER_PASS == 0) {
      assigner.request();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
