package dev.supportchat.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoServerOptions;
import io.socket.socketio.server.SocketIoSocket;
import jakarta.servlet.http.HttpServlet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Socket.IO 4 endpoint: engine.io + socket.io servers, the connect-auth gate and the servlet,
 * wired once. Application code registers per-namespace connection handlers and gets only
 * authenticated sockets, each with its principal.
 *
 * @param <P> the application's principal type
 */
public final class SocketIoTransport<P> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoTransport.class);

  /**
   * socket.io-server logs every undecodable packet at WARNING through java.util.logging, with the
   * parser's whole stack trace (a thousand lines for deep JSON): a client could flood the log.
   * ConnectAuthGate logs one line per refused connection instead. Held here because
   * java.util.logging keeps loggers only weakly.
   */
  private static final java.util.logging.Logger LIBRARY_LOG = quietLibraryLog();

  private final ScheduledExecutorService timers;
  private final EngineIoServer engine;
  private final SocketIoServer server;
  private final ConnectAuthGate<P> gate;
  private final EngineIoServlet servlet;

  /**
   * Sockets whose connection handler is running, each with whether a disconnect was asked for
   * meanwhile ({@link #disconnect}).
   */
  private final ConcurrentHashMap<SocketIoSocket, Boolean> connecting = new ConcurrentHashMap<>();

  public SocketIoTransport(SocketIoTransportOptions options, SocketAuthenticator<P> authenticator) {
    this(options, authenticator, null);
  }

  /**
   * @param handshakeStall for tests, or null: run on every new engine.io connection between
   *     socket.io-server's "connection" listener and the gate's, the window in which an unguarded
   *     packet would reach socket.io-server; a test stalls there to prove none can
   */
  SocketIoTransport(
      SocketIoTransportOptions options,
      SocketAuthenticator<P> authenticator,
      Runnable handshakeStall) {
    OriginPolicy originPolicy = new OriginPolicy(options.allowedOrigins());
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(options.timerThreads(), daemonThreads());
    // engine.io cancels and reschedules each connection's ping timeout on every packet; without
    // this the
    // cancelled tasks stay queued until their time comes (up to pingInterval + pingTimeout), a few
    // per socket.
    timers.setRemoveOnCancelPolicy(true);
    this.timers = timers;

    this.engine = engine(options, originPolicy, timers);

    this.server =
        new SocketIoServer(
            engine,
            SocketIoServerOptions.newFromDefault()
                .setConnectionTimeout(options.connectTimeout().toMillis())
                .setAdapterFactory(RoomAdapter.FACTORY));
    PacketGuard packetGuard =
        new PacketGuard(
            new PacketGuard.Limits(
                options.maxAttachments(),
                options.maxPayloadBytes(),
                options.maxPendingBytesTotal(),
                options.maxNestingDepth()));
    this.gate = new ConnectAuthGate<>(authenticator, packetGuard);
    if (handshakeStall != null) {
      engine.on("connection", args -> handshakeStall.run());
    }
    this.gate.install(engine); // after SocketIoServer, whose listener it wraps
    this.servlet = new EngineIoServlet(engine, originPolicy, options);
  }

  /**
   * Runs {@code handler} for every authenticated socket connecting to {@code namespace}. Register
   * event listeners on the socket inside the handler: the client may emit as soon as it is
   * connected, and its events are read only after this handler has returned.
   */
  public void onConnection(String namespace, BiConsumer<SocketIoSocket, P> handler) {
    server
        .namespace(namespace)
        .on(
            "connection",
            args -> {
              SocketIoSocket socket = (SocketIoSocket) args[0];
              Optional<P> principal = gate.principalFor(socket);
              if (principal.isEmpty()) {
                // Unreachable through the gate; refuse rather than serve an anonymous socket.
                LOG.error(
                    "Socket {} connected without an authenticated principal; disconnecting",
                    socket.getId());
                close(socket);
                return;
              }
              connecting.put(socket, false);
              boolean failed = true;
              try {
                handler.accept(socket, principal.get());
                failed = false;
              } catch (RuntimeException e) {
                LOG.error(
                    "Connection handler failed for socket {}; disconnecting", socket.getId(), e);
              } finally {
                // Also when the handler threw an Error (it goes on to the caller), and when the
                // connection ended meanwhile: socket.io-server then closed the sockets filed with
                // it, before this one, and would file this one afterwards, connected, for good.
                boolean asked = connecting.remove(socket);
                if (asked || failed || !connectionOpen(socket)) {
                  close(socket);
                }
              }
            });
  }

  /**
   * Disconnects {@code socket} from the server: the client gets Socket.IO's DISCONNECT ("io server
   * disconnect") and its connection is closed. Safe from any thread, at any time.
   *
   * <p>Why not socket.io-server's {@code disconnect(true)}: the client learns it is connected (the
   * CONNECT ack) before the connection handler has run, and socket.io-server files the socket with
   * its connection only after that handler returned. A disconnect in between (a session ended by
   * another request, as in TeamIT) found no socket to tell, closed the connection without a
   * DISCONNECT, and the socket, filed afterwards, stayed in its rooms. Here a disconnect asked for
   * while the handler runs is carried out as soon as it returns, and the socket is disconnected
   * itself rather than through the connection's list.
   */
  public void disconnect(SocketIoSocket socket) {
    if (connecting.computeIfPresent(socket, (s, asked) -> true) == null) {
      close(socket);
    }
  }

  private static boolean connectionOpen(SocketIoSocket socket) {
    return socket.getClient().getConnection().getReadyState() == ReadyState.OPEN;
  }

  private static void close(SocketIoSocket socket) {
    socket.disconnect(false); // DISCONNECT, out of its rooms, "disconnect" listeners run
    socket.getClient().disconnect(); // any other namespace, then the connection
  }

  /**
   * The engine.io server as the application runs it (also what the official protocol suite is run
   * against: EngineIoConformanceServer).
   */
  static EngineIoServer engine(
      SocketIoTransportOptions options,
      OriginPolicy originPolicy,
      ScheduledExecutorService timers) {
    EngineIoServerOptions engineOptions = EngineIoServerOptions.newFromDefault();
    engineOptions.setPingInterval(options.pingInterval().toMillis());
    engineOptions.setPingTimeout(options.pingTimeout().toMillis());
    // An empty array means "no foreign origin"; null would mean "every origin". Never pass null.
    engineOptions.setAllowedCorsOrigins(originPolicy.configuredOrigins().toArray(String[]::new));
    engineOptions.setScheduledExecutorService(timers);
    // Protocol v3 (socket.io-client 2.x) auto-joins "/" without a CONNECT packet, which would
    // bypass the auth gate. Only socket.io-client 3+/4 (EIO=4) is supported anyway.
    engineOptions.setHandshakeInterceptor((query, headers) -> "4".equals(query.get("EIO")));
    return new EngineIoServer(engineOptions);
  }

  /** The engine.io server, for tests that reach into a session. */
  EngineIoServer engine() {
    return engine;
  }

  /** The namespace, for emitting to rooms from outside an event handler (e.g. domain events). */
  public SocketIoNamespace namespace(String name) {
    return server.namespace(name);
  }

  HttpServlet servlet() {
    return servlet;
  }

  /** Stops the ping/timeout scheduler. Call after the HTTP server stopped. */
  @Override
  public void close() {
    engine.shutdown();
    timers.shutdownNow();
  }

  private static java.util.logging.Logger quietLibraryLog() {
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("io.socket");
    log.setLevel(Level.SEVERE);
    return log;
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, "socketio-timer-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
