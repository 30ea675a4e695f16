package dev.supportchat.user;

import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.Sql;
import dev.supportchat.worker.Fatal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends login sessions on every node: "end session S of user U" (logout) and "end every session of
 * user U" (password change, deactivation, deletion).
 *
 * <p>Ending a session revokes its refresh tokens and puts its id on a deny list until the last
 * access token it can have expires; from then on {@link #requireLive} refuses its access tokens and
 * the listeners (the realtime layer) disconnect its sockets. The deny list is a table every node
 * polls twice a second, so a session ended on one node is refused and disconnected on all of them
 * within a second, and it survives restarts (docs/DECISIONS.md, "Ended sessions"). Lookups are in
 * this node's memory: checking a token costs no query.
 */
public final class SessionTermination implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);
  static final Duration POLL_INTERVAL = Duration.ofMillis(400);

  /** Rows are read again this far back, so a commit that became visible late is not missed. */
  private static final long POLL_OVERLAP_MS = 5_000;

  /** About once a minute, rows no token can match any more are deleted. */
  private static final int PURGE_EVERY_POLLS = 150;

  /** A session that has just ended: its sockets must go. */
  public record Ended(String userId, String sessionId) {}

  private final Database db;
  private final SessionRepository sessions;
  private final Duration accessTtl;
  private final Clock clock;

  /** Ended session id → epoch millis until which its tokens are refused. */
  private final Map<String, Long> denied = new ConcurrentHashMap<>();

  private final List<Consumer<Ended>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService poller;
  private volatile long cursor;
  private int pollsSincePurge;

  private SessionTermination(
      Database db, SessionRepository sessions, Duration accessTtl, Clock clock) {
    this.db = db;
    this.sessions = sessions;
    this.accessTtl = accessTtl;
    this.clock = clock;
    this.poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ended-sessions");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Loads the sessions ended earlier (still denied) and starts following the ones other nodes end.
   */
  public static SessionTermination start(
      Database db, SessionRepository sessions, Duration accessTtl, Clock clock) {
    SessionTermination t = new SessionTermination(db, sessions, accessTtl, clock);
    t.poll();
    long ms = POLL_INTERVAL.toMillis();
    t.poller.scheduleWithFixedDelay(
        Fatal.survivable("Polling ended sessions", t::poll), ms, ms, TimeUnit.MILLISECONDS);
    return t;
  }

  /** Called with every session that ends, on this node or another (once per node). */
  public void onEnded(Consumer<Ended> listener) {
    listeners.add(listener);
  }

  /** Ends one session of {@code userId} everywhere (logout). */
  public void endSession(String userId, String sessionId) {
    Instant now = clock.instant();
    sessions.revokeFamily(sessionId, now);
    deny(userId, List.of(sessionId), now);
  }

  /**
   * Ends every session of {@code userId} everywhere (password change, deactivation, deletion): its
   * refresh tokens are revoked and every session that may still hold a valid access token is
   * denied. Call it before deleting the user (the sessions are found through its refresh tokens).
   *
   * @return how many sessions were ended
   */
  public int endAllSessionsOf(String userId) {
    Instant now = clock.instant();
    // An access token is only issued with a refresh token (login or refresh), so a session whose
    // last refresh token is older than the access lifetime holds no valid access token.
    List<String> live = sessions.familiesIssuedSince(userId, now.minus(accessTtl).minusSeconds(1));
    sessions.revokeAllOf(userId, now);
    deny(userId, live, now);
    log.info("Ended all {} session(s) of user {}", live.size(), userId);
    return live.size();
  }

  /** True when this session was ended and its tokens may still be presented. */
  public boolean isEnded(String sessionId) {
    Long until = denied.get(sessionId);
    return until != null && until > clock.millis();
  }

  /** The caller, if its session is still open; else {@code unauthorized}. */
  public Principal requireLive(Principal caller) {
    if (isEnded(caller.sessionId())) {
      throw AppException.unauthorized("This session has ended; please log in again.");
    }
    return caller;
  }

  private void deny(String userId, List<String> sessionIds, Instant now) {
    if (sessionIds.isEmpty()) {
      return;
    }
    // Slack of a second: a token issued within the same second as its session ended still expires
    // before its row goes.
    long until = now.plus(accessTtl).plusSeconds(1).toEpochMilli();
    db.write(
        c -> {
          for (String id : sessionIds) {
            Sql.update(
                c,
                "INSERT INTO ended_sessions (session_id, user_id, ended_at, denied_until)"
                    + " VALUES (?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE"
                    + " SET denied_until = excluded.denied_until, ended_at = excluded.ended_at",
                id,
                userId,
                now.toEpochMilli(),
                until);
          }
          return null;
        });
    for (String id : sessionIds) {
      ended(userId, id, until);
    }
  }

  private void ended(String userId, String sessionId, long until) {
    Long before = denied.put(sessionId, until);
    if (before == null) {
      Ended e = new Ended(userId, sessionId);
      for (Consumer<Ended> listener : listeners) {
        try {
          listener.accept(e);
        } catch (RuntimeException failure) {
          log.error("Could not act on ended session {}", sessionId, failure);
        }
      }
    }
  }

  private record Row(String sessionId, String userId, long endedAt, long deniedUntil) {}

  private void poll() {
    long now = clock.millis();
    long since = cursor == 0 ? Long.MIN_VALUE : cursor - POLL_OVERLAP_MS;
    List<Row> rows =
        db.read(
            c ->
                Sql.list(
                    c,
                    "SELECT session_id, user_id, ended_at, denied_until FROM ended_sessions"
                        + " WHERE ended_at > ? AND denied_until > ?",
                    rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                    since,
                    now));
    for (Row row : rows) {
      cursor = Math.max(cursor, row.endedAt());
      ended(row.userId(), row.sessionId(), row.deniedUntil());
    }
    if (cursor == 0) {
      cursor = now;
    }
    denied.values().removeIf(until -> until <= now);
    if (++pollsSincePurge >= PURGE_EVERY_POLLS) {
      pollsSincePurge = 0;
      purgeExpired();
    }
  }

  /** Forgets rows no token can match any more (any node may). */
  void purgeExpired() {
    long now = clock.millis();
    db.write(c -> Sql.update(c, "DELETE FROM ended_sessions WHERE denied_until <= ?", now));
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
