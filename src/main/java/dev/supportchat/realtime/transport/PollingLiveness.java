package dev.supportchat.realtime.transport;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each long-polling session last asked for its packets (a GET), so that one which only posts
 * is ended.
 *
 * <p>Why: engine.io-server puts off a session's ping timeout on every packet it receives, not only
 * on pongs, and keeps whatever is sent to a polling session in memory until the session's next GET.
 * A client that never polls but posts a packet now and then (a noop will do) therefore kept its
 * session for good, and the server buffered everything sent to it without a limit
 * (docs/RELIABILITY.md). A real client always has a GET parked or on its way: the longest gap
 * between two of its GETs is one ping interval (the server answers a parked poll with a ping at the
 * latest) plus the time to deliver that answer. A session that has not polled for twice a ping
 * cycle when it posts is not such a client.
 *
 * <p>Only sessions that poll or post have an entry; a websocket session never does once upgraded,
 * and every entry is dropped when its session closes.
 */
final class PollingLiveness {
  private final long limitNanos;
  private final ConcurrentHashMap<String, Long> lastPoll = new ConcurrentHashMap<>();

  PollingLiveness(SocketIoTransportOptions options) {
    this(options.pingInterval().plus(options.pingTimeout()).multipliedBy(2));
  }

  PollingLiveness(Duration limit) {
    this.limitNanos = limit.toNanos();
  }

  /**
   * Session {@code sid} asked for its packets now. Returns whether it is new here: its owner must
   * then call {@link #forget} when it closes.
   */
  boolean polled(String sid) {
    return lastPoll.put(sid, System.nanoTime()) == null;
  }

  /**
   * Whether session {@code sid}, posting now, has gone longer than the limit without polling. A
   * session's first post starts its clock if it never polled; {@code isNew} is told so (its owner
   * must then call {@link #forget} when it closes).
   */
  boolean overdue(String sid, Runnable isNew) {
    long now = System.nanoTime();
    Long last = lastPoll.putIfAbsent(sid, now);
    if (last == null) {
      isNew.run();
      return false;
    }
    return now - last > limitNanos;
  }

  /** Session {@code sid} has closed (or left polling for good). */
  void forget(String sid) {
    lastPoll.remove(sid);
  }

  Duration limit() {
    return Duration.ofNanos(limitNanos);
  }

  /** Sessions tracked; for tests. */
  int size() {
    return lastPoll.size();
  }
}
