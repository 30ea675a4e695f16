package dev.supportchat.realtime.transport;

import io.socket.engineio.server.EngineIoSocket;

/**
 * Where the acknowledgement of a text EVENT packet goes: its connection, namespace and ack id, read
 * from the packet's text as it passes {@link ConnectAuthGate} and handed to the event's handler on
 * the same thread.
 *
 * <p>Why: socket.io-server's own acknowledgement takes org.json values, writes them as org.json
 * text and then runs engine.io's per-packet path; the ack of every send was about an eighth of the
 * emitting thread's time (issue 20). Knowing the id, the answer is written as Jackson text and goes
 * to the websocket directly like an event ({@link DirectFrames}). Binary events (whose ack the
 * library still sends) and packets without an id get no route.
 */
record AckRoute(EngineIoSocket connection, String namespace, long id) {

  private static final ThreadLocal<AckRoute> CURRENT = new ThreadLocal<>();

  /**
   * The route of a Socket.IO text packet, or null: an EVENT ({@code 2}) with an ack id, {@code
   * 2[/nsp,]<id>[…}.
   */
  static AckRoute of(EngineIoSocket connection, String text) {
    if (text.length() < 3 || text.charAt(0) != '2') {
      return null;
    }
    int i = 1;
    String namespace = "/";
    if (text.charAt(i) == '/') {
      int comma = text.indexOf(',', i);
      if (comma < 0) {
        return null;
      }
      namespace = text.substring(i, comma);
      i = comma + 1;
    }
    int start = i;
    // ASCII digits only, as PacketGuard, and an id socket.io-server can read (an int); anything
    // else is left to the library, which decides what it is
    while (i < text.length() && i - start <= 10 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    if (i == start || i - start > 10 || i >= text.length() || text.charAt(i) != '[') {
      return null;
    }
    long id = Long.parseLong(text, start, i, 10);
    return id > Integer.MAX_VALUE ? null : new AckRoute(connection, namespace, id);
  }

  /**
   * Runs {@code delivery} (socket.io-server decoding and dispatching the packet) with the route.
   */
  static void during(AckRoute route, Runnable delivery) {
    if (route == null) {
      delivery.run();
      return;
    }
    CURRENT.set(route);
    try {
      delivery.run();
    } finally {
      CURRENT.remove();
    }
  }

  /** The route of the packet being dispatched on this thread, or null. */
  static AckRoute current() {
    return CURRENT.get();
  }

  /** The ACK packet {@code 3[/nsp,]<id>[<json>]}, where {@code json} is the answer's text. */
  MessagePacket answering(String json) {
    return MessagePacket.ackText(namespace, id, json);
  }

  /**
   * The ACK packet answering {@code body}, given as plain Java values; throws {@link
   * IllegalArgumentException} if it is not one.
   */
  MessagePacket answeringPlain(Object body) {
    return MessagePacket.ack(namespace, id, body);
  }

  /** Writes an answer made by {@link #answering} or {@link #answeringPlain}. */
  void write(MessagePacket answer) {
    DirectFrames.send(connection, answer);
  }
}
