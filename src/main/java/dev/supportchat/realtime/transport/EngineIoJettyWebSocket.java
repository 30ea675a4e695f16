package dev.supportchat.realtime.transport;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * Bridges one Jetty 12 websocket to engine.io-server.
 *
 * <p>The published {@code engine.io-server-jetty} adapter targets the Jetty 9–11 API, which Jetty
 * 12 removed, hence this class. Engine.io only needs four things from a websocket: the query and
 * headers of the upgrade request, a way to write, a way to close, and "message"/"close"/"error"
 * events.
 *
 * <p>It is auto-demanding: Jetty reads the next frame as soon as the previous handler returned, and
 * never before {@link #onWebSocketOpen} returned, so the engine.io handshake (and the connect-auth
 * gate installed on it) is complete before the first client packet is delivered.
 *
 * <p>Its listeners (engine.io's transport registers three) are kept in one small array instead of
 * {@link Emitter}'s map of queues: ~400 bytes less per open websocket.
 *
 * <p>Public only because Jetty 12 binds listener methods with MethodHandles, which fails with
 * "class is not public" for a package-private endpoint class. The constructor stays
 * package-private.
 */
public final class EngineIoJettyWebSocket extends EngineIoWebSocket
    implements Session.Listener.AutoDemanding {

  private final EngineIoServer engine;
  private final int maxPayload;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;

  /** One shared instance: it carries no per-write state. */
  private final Callback writeCallback =
      Callback.from(
          () -> {}, failure -> emit("error", "write error", String.valueOf(failure.getMessage())));

  /** The same, in the type Jetty's core session takes (batched writes go straight to it). */
  private final org.eclipse.jetty.util.Callback batchedWriteCallback =
      org.eclipse.jetty.util.Callback.from(
          () -> {}, failure -> emit("error", "write error", String.valueOf(failure.getMessage())));

  private volatile Session session;

  /** Event names and listeners, alternating; replaced, never changed in place. */
  private volatile Object[] listeners = NO_LISTENERS;

  private static final Object[] NO_LISTENERS = {};
  private static final Map<String, String> COMMON_QUERY_STRINGS =
      Map.of("EIO", "EIO", "transport", "transport", "4", "4", "websocket", "websocket");

  EngineIoJettyWebSocket(
      EngineIoServer engine,
      Map<String, String> query,
      Map<String, List<String>> headers,
      int maxPayload) {
    this.engine = engine;
    this.maxPayload = maxPayload;
    this.query = canonical(query);
    this.headers = immutableHeaders(headers);
  }

  /**
   * An immutable copy of the query. Engine.io's own parameters and values (the same few on every
   * connection) are kept as one shared string each rather than as the request's copies.
   */
  private static Map<String, String> canonical(Map<String, String> query) {
    Map<String, String> copy = new HashMap<>();
    query.forEach((name, value) -> copy.put(shared(name), shared(value)));
    return Map.copyOf(copy);
  }

  private static String shared(String s) {
    return s == null ? null : COMMON_QUERY_STRINGS.getOrDefault(s, s);
  }

  /**
   * An immutable copy; most headers have one value, which List.copyOf keeps in a one-element list.
   */
  static Map<String, List<String>> immutableHeaders(Map<String, List<String>> headers) {
    Map<String, List<String>> copy = new HashMap<>();
    headers.forEach(
        (name, values) -> {
          if (name != null && values != null) {
            copy.put(name, List.copyOf(values));
          }
        });
    return Map.copyOf(copy);
  }

  @Override
  public synchronized Emitter on(String event, Listener fn) {
    Object[] current = listeners;
    Object[] next = Arrays.copyOf(current, current.length + 2);
    next[current.length] = event;
    next[current.length + 1] = fn;
    listeners = next;
    return this;
  }

  @Override
  public Emitter once(String event, Listener fn) {
    return on(event, new Once(event, fn));
  }

  @Override
  public synchronized Emitter off() {
    listeners = NO_LISTENERS;
    return this;
  }

  @Override
  public synchronized Emitter off(String event) {
    List<Object> kept = new ArrayList<>();
    Object[] current = listeners;
    for (int i = 0; i < current.length; i += 2) {
      if (!current[i].equals(event)) {
        kept.add(current[i]);
        kept.add(current[i + 1]);
      }
    }
    listeners = kept.toArray();
    return this;
  }

  /**
   * Removes the first listener of {@code event} that is {@code fn} (or a once-listener of {@code
   * fn}).
   */
  @Override
  public synchronized Emitter off(String event, Listener fn) {
    Object[] current = listeners;
    for (int i = 0; i < current.length; i += 2) {
      Object l = current[i + 1];
      if (current[i].equals(event)
          && (fn.equals(l) || (l instanceof Once once && fn.equals(once.fn)))) {
        Object[] next = new Object[current.length - 2];
        System.arraycopy(current, 0, next, 0, i);
        System.arraycopy(current, i + 2, next, i, current.length - i - 2);
        listeners = next;
        break;
      }
    }
    return this;
  }

  /**
   * Calls each listener of {@code event} in order; like {@link Emitter}, one that throws does not
   * stop the rest.
   */
  @Override
  public Emitter emit(String event, Object... args) {
    Object[] current = listeners;
    for (int i = 0; i < current.length; i += 2) {
      if (current[i].equals(event)) {
        try {
          ((Listener) current[i + 1]).call(args);
        } catch (Exception ignore) {
          // Emitter's contract: a failing listener is skipped
        }
      }
    }
    return this;
  }

  @Override
  public List<Listener> listeners(String event) {
    List<Listener> found = new ArrayList<>();
    Object[] current = listeners;
    for (int i = 0; i < current.length; i += 2) {
      if (current[i].equals(event)) {
        found.add((Listener) current[i + 1]);
      }
    }
    return Collections.unmodifiableList(found);
  }

  @Override
  public boolean hasListeners(String event) {
    Object[] current = listeners;
    for (int i = 0; i < current.length; i += 2) {
      if (current[i].equals(event)) {
        return true;
      }
    }
    return false;
  }

  private final class Once implements Listener {
    private final String event;
    private final Listener fn;

    Once(String event, Listener fn) {
      this.event = event;
      this.fn = fn;
    }

    @Override
    public void call(Object... args) {
      off(event, this);
      fn.call(args);
    }
  }

  @Override
  public Map<String, String> getQuery() {
    return query;
  }

  @Override
  public Map<String, List<String>> getConnectionHeaders() {
    return headers;
  }

  /**
   * Sends without blocking: a broadcast to many sockets runs on the caller's thread and must not
   * wait for a slow peer. Jetty queues the frame (bounded by maxOutgoingFrames); a failed send is
   * reported as an engine.io transport error, which closes the engine.io socket.
   */
  @Override
  public void write(String message) {
    Session current = session;
    if (current == null) {
      return;
    }
    if (message.startsWith("0")) { // OPEN: once, first
      message = OpenPacket.withMaxPayload(message, maxPayload);
    }
    if (current instanceof WebSocketSession jetty && FrameBatch.join(this)) {
      jetty.getCoreSession().sendFrame(new Frame(OpCode.TEXT, message), batchedWriteCallback, true);
    } else {
      current.sendText(message, writeCallback);
    }
  }

  /**
   * Writes a text frame whose UTF-8 payload is ready (an engine.io packet encoded once for many
   * sockets, see {@link DirectFrames}); false if the websocket is not open yet or any more.
   */
  boolean writeText(ByteBuffer utf8) {
    if (!(session instanceof WebSocketSession jetty) || !jetty.isOpen()) {
      return false;
    }
    // Inside a FrameBatch the frame waits for the batch's flush; otherwise it is flushed now.
    jetty
        .getCoreSession()
        .sendFrame(
            new Frame(OpCode.TEXT).setPayload(utf8), batchedWriteCallback, FrameBatch.join(this));
    return true;
  }

  /** Writes out the frames a {@link FrameBatch} queued on this connection. */
  void flush() {
    if (session instanceof WebSocketSession jetty) {
      jetty.getCoreSession().flush(batchedWriteCallback);
    }
  }

  @Override
  public void write(byte[] message) {
    Session current = session;
    if (current != null) {
      current.sendBinary(ByteBuffer.wrap(message), writeCallback);
    }
  }

  @Override
  public void close() {
    Session current = session;
    if (current != null && current.isOpen()) {
      current.close();
    }
  }

  @Override
  public void onWebSocketOpen(Session session) {
    this.session = session;
    engine.handleWebSocket(this);
  }

  @Override
  public void onWebSocketText(String message) {
    String sid = query.get("sid");
    if (sid != null && (message.equals("2probe") || message.equals("5"))) {
      // The upgrade of a long-polling session: engine.io-server answers the probe with a NOOP on a
      // waiting poll, and switches transports on "5", without the session's lock (EngineSessions).
      EngineSessions.run(engine, sid, () -> emit("message", message));
      return;
    }
    emit("message", message);
  }

  @Override
  public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
    // Jetty reuses the buffer once the callback completes, so engine.io gets its own copy.
    byte[] copy = new byte[payload.remaining()];
    payload.get(copy);
    callback.succeed();
    emit("message", (Object) copy);
  }

  @Override
  public void onWebSocketClose(int statusCode, String reason, Callback callback) {
    callback.succeed();
    emit("close");
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    // engine.io's WebSocket transport expects (reason, description) strings.
    emit("error", "websocket error", String.valueOf(cause.getMessage()));
  }
}
