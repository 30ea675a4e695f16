package dev.supportchat.realtime.transport;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import io.socket.engineio.server.transport.WebSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * through engine.io as before. engine.io-server keeps the transport in private fields ({@link
 * EngineIoFields}); if it ever changes them, every socket simply takes the library's path.
 */
final class DirectFrames {
  private DirectFrames() {}

  /**
   * Sends {@code packet} straight to {@code connection}'s websocket where that keeps the order,
   * else as text through engine.io; a connection that is closing gets nothing, as with the
   * library's own send.
   */
  static void send(EngineIoSocket connection, MessagePacket packet) {
    EngineIoJettyWebSocket websocket = directlyWritable(connection);
    if ((websocket == null || !websocket.writeText(packet.frame()))
        && connection.getReadyState() == ReadyState.OPEN) {
      connection.send(new Packet<>(Packet.MESSAGE, packet.socketIoText()));
    }
  }

  private static EngineIoJettyWebSocket directlyWritable(EngineIoSocket connection) {
    if (!EngineIoFields.available() || connection.getReadyState() != ReadyState.OPEN) {
      return null;
    }
    if (!(EngineIoFields.TRANSPORT.getAcquire(connection) instanceof WebSocket ws)
        || ((AtomicBoolean) EngineIoFields.UPGRADING.get(connection)).get()
        || !((List<?>) EngineIoFields.WRITE_BUFFER.get(connection)).isEmpty()) {
      return null;
    }
    return EngineIoFields.CONNECTION.get(ws) instanceof EngineIoJettyWebSocket ours ? ours : null;
  }
}
