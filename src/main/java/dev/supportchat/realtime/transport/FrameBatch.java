package dev.supportchat.realtime.transport;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Coalesced websocket writes: the frames a thread writes inside {@link #run} are queued on their
 * connections without a flush, and each connection written to is flushed once when the work ends.
 * An admin's dashboard socket gets an event for nearly every message; a burst of events then costs
 * one write system call per socket instead of one per event. Writes by other threads, and outside
 * {@code run}, are flushed at once as usual.
 */
final class FrameBatch {
  private static final ThreadLocal<Set<EngineIoJettyWebSocket>> WRITTEN = new ThreadLocal<>();

  private FrameBatch() {}

  static void run(Runnable work) {
    if (WRITTEN.get() != null) {
      work.run(); // already inside a batch: its end flushes
      return;
    }
    Set<EngineIoJettyWebSocket> written = new LinkedHashSet<>();
    WRITTEN.set(written);
    try {
      work.run();
    } finally {
      WRITTEN.remove();
      written.forEach(EngineIoJettyWebSocket::flush);
    }
  }

  /**
   * Whether the calling thread is in a batch; if so, {@code connection} is flushed when it ends.
   */
  static boolean join(EngineIoJettyWebSocket connection) {
    Set<EngineIoJettyWebSocket> written = WRITTEN.get();
    if (written == null) {
      return false;
    }
    written.add(connection);
    return true;
  }
}
