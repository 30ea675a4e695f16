package dev.supportchat.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.transport.Polling;
import java.util.Map;

/**
 * engine.io-server's sessions by id: work run under a session's own lock, and closing a session.
 *
 * <p>Why: engine.io-server 6.3.2 answers a waiting long-poll from whichever thread sends, holding
 * the session's lock. But in two places it checks "a poll is waiting" and then answers it with a
 * NOOP without that lock: after handing a polling request to its transport while an upgrade is in
 * progress ({@code EngineIoSocket.onRequest}), and when the websocket's upgrade probe arrives. A
 * send from another thread in between (our emitting thread, an ack) answers the poll first, and the
 * NOOP then finds none: a {@code NullPointerException} in {@code Polling.send}, thrown out of the
 * request's handling, and a client whose connection was closed under it (docs/RELIABILITY.md).
 *
 * <p>The lock is the one engine.io-server itself takes for every send and for the whole of a
 * polling request; it is reentrant, so holding it across these steps as well orders them with every
 * send and adds no new lock order. engine.io-server keeps the lock and its sessions in private
 * fields ({@link EngineIoFields}); if they ever change, the work runs without the lock, as before.
 */
final class EngineSessions {
  /**
   * Work that may throw {@code E} (a servlet's handling: an I/O error; an emit: nothing checked).
   */
  interface Work<E extends Exception> {
    void run() throws E;
  }

  private EngineSessions() {}

  /**
   * Runs {@code work} holding the lock of {@code engine}'s session {@code sid}; without a lock when
   * there is no such session (engine.io-server then answers "Session ID unknown" itself).
   */
  static <E extends Exception> void run(EngineIoServer engine, String sid, Work<E> work) throws E {
    Object lock = lockOf(engine, sid);
    if (lock == null) {
      work.run();
      return;
    }
    synchronized (lock) {
      work.run();
    }
  }

  /**
   * Ends {@code engine}'s session {@code sid} at once if it is long-polling, as engine.io-server
   * ends a session whose transport failed: a later request of it is answered "Session ID unknown".
   * (Its public {@code close()} would wait for the client's next poll to tell it.) A session that
   * upgraded to websocket is not ended by a request on the polling transport it left.
   */
  static void endPollingAtOnce(EngineIoServer engine, String sid, String reason) {
    run(
        engine,
        sid,
        () -> {
          EngineIoSocket session = find(engine, sid);
          if (session != null
              && EngineIoFields.TRANSPORT.get(session) instanceof Polling transport) {
            transport.emit("error", reason, null);
          }
        });
  }

  /**
   * Runs {@code onClose} once {@code engine}'s session {@code sid} has closed; at once if there is
   * no such session (any more).
   */
  static void whenClosed(EngineIoServer engine, String sid, Runnable onClose) {
    EngineIoSocket session = find(engine, sid);
    if (session == null) {
      onClose.run();
      return;
    }
    session.on("close", args -> onClose.run());
    if (find(engine, sid) == null) {
      onClose.run(); // it closed before the listener was there
    }
  }

  /** Whether {@code engine} has no session {@code sid} (any more). */
  static boolean ended(EngineIoServer engine, String sid) {
    return EngineIoFields.available() && find(engine, sid) == null;
  }

  private static Object lockOf(EngineIoServer engine, String sid) {
    EngineIoSocket session = find(engine, sid);
    return session == null ? null : EngineIoFields.LOCK.get(session);
  }

  private static EngineIoSocket find(EngineIoServer engine, String sid) {
    if (!EngineIoFields.available() || sid == null) {
      return null;
    }
    return ((Map<?, ?>) EngineIoFields.CLIENTS.get(engine)).get(sid)
            instanceof EngineIoSocket session
        ? session
        : null;
  }
}
