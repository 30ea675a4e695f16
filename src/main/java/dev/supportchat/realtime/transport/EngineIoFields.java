package dev.supportchat.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.Transport;
import io.socket.engineio.server.transport.WebSocket;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.LinkedList;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The private fields of engine.io-server 6.3.2 that {@link DirectFrames} and {@link EngineSessions}
 * read, all in one place, found once through {@link VarHandle}s. If an upgrade of the library
 * renames any of them, {@link #available()} is false, both fall back to the library's own behaviour
 * (logged once), and {@code DirectFramesTest} fails the build.
 */
final class EngineIoFields {
  private static final Logger LOG = LoggerFactory.getLogger(EngineIoFields.class);

  /** EngineIoServer: the sessions by id. */
  static final VarHandle CLIENTS;

  /** EngineIoSocket: its lock (every send takes it, and so does a whole polling request). */
  static final VarHandle LOCK;

  /** EngineIoSocket: its current transport. */
  static final VarHandle TRANSPORT;

  /** EngineIoSocket: whether an upgrade to websocket is in progress. */
  static final VarHandle UPGRADING;

  /** EngineIoSocket: packets waiting to be written. */
  static final VarHandle WRITE_BUFFER;

  /** WebSocket (engine.io's transport): the connection it writes to. */
  static final VarHandle CONNECTION;

  private static final boolean FOUND;

  static {
    VarHandle clients = null;
    VarHandle lock = null;
    VarHandle transport = null;
    VarHandle upgrading = null;
    VarHandle writeBuffer = null;
    VarHandle connection = null;
    boolean found = false;
    try {
      clients =
          MethodHandles.privateLookupIn(EngineIoServer.class, MethodHandles.lookup())
              .findVarHandle(EngineIoServer.class, "mClients", Map.class);
      MethodHandles.Lookup socket =
          MethodHandles.privateLookupIn(EngineIoSocket.class, MethodHandles.lookup());
      lock = socket.findVarHandle(EngineIoSocket.class, "mLockObject", Object.class);
      transport = socket.findVarHandle(EngineIoSocket.class, "mTransport", Transport.class);
      upgrading = socket.findVarHandle(EngineIoSocket.class, "mUpgrading", AtomicBoolean.class);
      writeBuffer = socket.findVarHandle(EngineIoSocket.class, "mWriteBuffer", LinkedList.class);
      connection =
          MethodHandles.privateLookupIn(WebSocket.class, MethodHandles.lookup())
              .findVarHandle(WebSocket.class, "mConnection", EngineIoWebSocket.class);
      found = true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "engine.io-server's fields changed: emits, polling requests and upgrades take the"
              + " library's own paths",
          e);
    }
    CLIENTS = clients;
    LOCK = lock;
    TRANSPORT = transport;
    UPGRADING = upgrading;
    WRITE_BUFFER = writeBuffer;
    CONNECTION = connection;
    FOUND = found;
  }

  private EngineIoFields() {}

  /** Whether every field was found. */
  static boolean available() {
    return FOUND;
  }
}
