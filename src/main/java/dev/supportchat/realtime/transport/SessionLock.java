package dev.supportchat.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work for an existing engine.io session under that session's own lock.
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
 * fields, read through {@link VarHandle}s found once; if they ever change, the work runs without
 * the lock, as before (logged once, and a unit test fails the build).
 */
final class SessionLock {
  private static final Logger LOG = LoggerFactory.getLogger(SessionLock.class);

  private static final VarHandle CLIENTS;
  private static final VarHandle LOCK;

  static {
    VarHandle clients = null;
    VarHandle lock = null;
    try {
      clients =
          MethodHandles.privateLookupIn(EngineIoServer.class, MethodHandles.lookup())
              .findVarHandle(EngineIoServer.class, "mClients", Map.class);
      lock =
          MethodHandles.privateLookupIn(EngineIoSocket.class, MethodHandles.lookup())
              .findVarHandle(EngineIoSocket.class, "mLockObject", Object.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "engine.io-server's fields changed: polling requests run without the session lock", e);
      clients = null;
    }
    CLIENTS = clients;
    LOCK = lock;
  }

  /** Work that may fail with an I/O error, as a servlet's handling may. */
  interface Work {
    void run() throws IOException;
  }

  private SessionLock() {}

  /** Whether engine.io-server's fields were found (a test fails the build when they are not). */
  static boolean available() {
    return CLIENTS != null;
  }

  /**
   * Runs {@code work} holding the lock of {@code engine}'s session {@code sid}; without a lock when
   * there is no such session (engine.io-server then answers "Session ID unknown" itself).
   */
  static void run(EngineIoServer engine, String sid, Work work) throws IOException {
    Object lock = lockOf(engine, sid);
    if (lock == null) {
      work.run();
      return;
    }
    synchronized (lock) {
      work.run();
    }
  }

  private static Object lockOf(EngineIoServer engine, String sid) {
    if (CLIENTS == null || sid == null) {
      return null;
    }
    Object session = ((Map<?, ?>) CLIENTS.get(engine)).get(sid);
    return session instanceof EngineIoSocket socket ? LOCK.get(socket) : null;
  }
}
