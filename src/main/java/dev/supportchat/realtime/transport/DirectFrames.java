package dev.supportchat.realtime.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.EngineIoWebSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.Transport;
import io.socket.engineio.server.parser.Packet;
import io.socket.engineio.server.transport.WebSocket;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an event's frame, encoded once, straight to the websockets of its recipients.
 *
 * <p>Why: a broadcast of one event to N sockets through engine.io-server costs N times its
 * per-packet path (a packet object, a write buffer copied into a list, "packetCreate", "flush" and
 * "drain" events, the engine.io prefix concatenated onto the whole text, and the text converted to
 * UTF-8 bytes for each frame); the emitting thread spent most of its time there (issue 20,
 * docs/BENCHMARKS.md). Here the bytes of the websocket text frame are made once per event and each
 * recipient's frame is a view of them.
 *
 * <p>Only a socket whose engine.io transport is our websocket, open, not upgrading and with nothing
 * waiting in engine.io's write buffer is written to directly, so nothing it queued can be
 * overtaken; every other socket (long-polling, an upgrade in progress, a closing connection) goes
 * through engine.io as before. engine.io-server keeps the transport in private fields; they are
 * read through {@link VarHandle}s found once, and if engine.io-server ever changes them, every
 * socket simply takes the library's path (logged once).
 */
final class DirectFrames {
  private static final Logger LOG = LoggerFactory.getLogger(DirectFrames.class);

  private static final VarHandle TRANSPORT;
  private static final VarHandle CONNECTION;
  private static final VarHandle UPGRADING;
  private static final VarHandle WRITE_BUFFER;

  static {
    VarHandle transport = null;
    VarHandle connection = null;
    VarHandle upgrading = null;
    VarHandle writeBuffer = null;
    try {
      MethodHandles.Lookup socket =
          MethodHandles.privateLookupIn(EngineIoSocket.class, MethodHandles.lookup());
      transport = socket.findVarHandle(EngineIoSocket.class, "mTransport", Transport.class);
      upgrading = socket.findVarHandle(EngineIoSocket.class, "mUpgrading", AtomicBoolean.class);
      writeBuffer = socket.findVarHandle(EngineIoSocket.class, "mWriteBuffer", LinkedList.class);
      connection =
          MethodHandles.privateLookupIn(WebSocket.class, MethodHandles.lookup())
              .findVarHandle(WebSocket.class, "mConnection", EngineIoWebSocket.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("engine.io-server's fields changed: every emit takes the library's path", e);
      transport = null;
    }
    TRANSPORT = transport;
    CONNECTION = connection;
    UPGRADING = upgrading;
    WRITE_BUFFER = writeBuffer;
  }

  private DirectFrames() {}

  /** Whether engine.io-server's fields were found (a test fails the build when they are not). */
  static boolean available() {
    return TRANSPORT != null;
  }

  /** The UTF-8 bytes of the engine.io MESSAGE packet ("4" + text) carrying {@code packet}. */
  static ByteBuffer message(String packet) {
    return ByteBuffer.wrap(("4" + packet).getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
  }

  /**
   * Sends the Socket.IO {@code packet}: {@code frame} (its {@link #message}) straight to {@code
   * connection}'s websocket where that keeps the order, else the text through engine.io; a
   * connection that is closing gets nothing, as with the library's own send.
   */
  static void send(EngineIoSocket connection, String packet, ByteBuffer frame) {
    EngineIoJettyWebSocket websocket = directlyWritable(connection);
    if ((websocket == null || !websocket.writeText(frame.slice()))
        && connection.getReadyState() == ReadyState.OPEN) {
      connection.send(new Packet<>(Packet.MESSAGE, packet));
    }
  }

  private static EngineIoJettyWebSocket directlyWritable(EngineIoSocket connection) {
    if (TRANSPORT == null || connection.getReadyState() != ReadyState.OPEN) {
      return null;
    }
    if (!(TRANSPORT.getAcquire(connection) instanceof WebSocket ws)
        || ((AtomicBoolean) UPGRADING.get(connection)).get()
        || !((List<?>) WRITE_BUFFER.get(connection)).isEmpty()) {
      return null;
    }
    return CONNECTION.get(ws) instanceof EngineIoJettyWebSocket ours ? ours : null;
  }
}
