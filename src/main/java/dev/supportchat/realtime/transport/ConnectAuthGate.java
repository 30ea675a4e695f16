package dev.supportchat.realtime.transport;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.IOParser;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every Socket.IO namespace CONNECT before socket.io-server sees it.
 *
 * <p>socket.io-server 4.1.2 has no connection middleware: a namespace's "connection" event fires
 * after the CONNECT ack ({@code 40{"sid":…}}) was already sent, which is too late to refuse. Its
 * per-connection {@code SocketIoClient} is final and package-private, but it receives packets
 * through an ordinary "data" listener on the engine.io socket. This gate, installed right after the
 * {@code SocketIoServer} has attached that listener, moves it behind itself:
 *
 * <ul>
 *   <li>a CONNECT with a valid token is passed on, without its data (the token), with the principal
 *       parked in {@link #principalFor} for the namespace's "connection" handlers, which run
 *       synchronously inside that call;
 *   <li>a CONNECT without one is answered with {@code 44{"message":"unauthorized"}} (prefixed with
 *       the namespace when not "/") and dropped, so no socket exists for that namespace;
 *   <li>everything else is passed on unchanged. socket.io-server only routes an event to a socket
 *       of an already connected namespace, so events of a refused client are never processed.
 * </ul>
 */
final class ConnectAuthGate<P> {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectAuthGate.class);
  private static final Parser.Encoder ENCODER = new IOParser.Encoder();
  static final String UNAUTHORIZED = "unauthorized";

  private final SocketAuthenticator<P> authenticator;
  private final PacketGuard packetGuard;

  /** Principal of the CONNECT being forwarded right now, per engine.io connection. */
  private final Map<EngineIoSocket, P> handoff = new ConcurrentHashMap<>();

  ConnectAuthGate(SocketAuthenticator<P> authenticator, PacketGuard packetGuard) {
    this.authenticator = authenticator;
    this.packetGuard = packetGuard;
  }

  /**
   * Must be called after the {@code SocketIoServer} was created on {@code engine}: listeners run in
   * order. No client packet can arrive between the two, as the client cannot send one before the
   * engine's "connection" listeners have all returned: a websocket reads no frame before its open
   * handler returned ({@link EngineIoJettyWebSocket}), and the answer to a polling handshake, which
   * tells the client its session id, is held until then ({@link HeldHandshakeResponse}).
   */
  void install(EngineIoServer engine) {
    engine.on("connection", args -> guard((EngineIoSocket) args[0]));
  }

  /** The principal authenticated for the CONNECT that is creating {@code socket}. */
  Optional<P> principalFor(SocketIoSocket socket) {
    return Optional.ofNullable(handoff.get(socket.getClient().getConnection()));
  }

  private void guard(EngineIoSocket connection) {
    // Kept for the connection's lifetime: a compact copy (usually of one listener).
    List<Emitter.Listener> downstream = List.copyOf(connection.listeners("data"));
    if (downstream.isEmpty()) {
      // Fail closed: without the Socket.IO listener there is nothing to guard, so something is
      // miswired.
      LOG.error("No Socket.IO data listener on engine.io connection; closing it");
      connection.close();
      return;
    }
    PacketGuard.Connection packets = packetGuard.connection();
    DirectEvents direct = new DirectEvents();
    connection.on("close", args -> packets.release());
    connection.off("data");
    connection.on(
        "data", (Emitter.Listener) args -> onData(connection, packets, direct, downstream, args));
  }

  private void onData(
      EngineIoSocket connection,
      PacketGuard.Connection packets,
      DirectEvents direct,
      List<Emitter.Listener> downstream,
      Object[] args) {
    String refusal = packets.admit(args.length > 0 ? args[0] : null);
    if (refusal != null) {
      LOG.warn("Closing Socket.IO connection {}: {}", connection.getId(), refusal);
      packets.release();
      connection.close();
      return;
    }
    try {
      route(connection, direct, downstream, args);
    } finally {
      packets.forwarded();
    }
  }

  private void route(
      EngineIoSocket connection,
      DirectEvents direct,
      List<Emitter.Listener> downstream,
      Object[] args) {
    if (!(args.length > 0 && args[0] instanceof String text && text.startsWith("0"))) {
      String text = args.length > 0 && args[0] instanceof String t ? t : null;
      AckRoute route = text == null ? null : AckRoute.of(connection, text);
      if (text == null || !dispatchDirectly(connection, direct, text, route)) {
        AckRoute.during(route, () -> forward(connection, downstream, args));
      }
      return;
    }
    Optional<Packet<?>> connect = decode(text);
    if (connect.isEmpty()) {
      connection.close();
      return;
    }
    String namespace = connect.get().nsp;
    if (direct.connectedTo(namespace)) {
      // The official client never does this: it disconnects the namespace ("1") first.
      LOG.warn(
          "Closing Socket.IO connection {}: a second CONNECT of {}", connection.getId(), namespace);
      connection.close();
      return;
    }
    Optional<P> principal = authenticate(connect.get().data, connection);
    if (principal.isEmpty()) {
      refuse(connection, namespace);
      return;
    }
    handoff.put(connection, principal.get());
    try {
      // Without the CONNECT's data: socket.io-server would keep it (the access token) for the
      // socket's
      // lifetime as getConnectData(), ~0.5 KB per socket that nothing reads once the token was
      // checked.
      Object[] bare = {withoutData(connect.get())};
      direct.connecting(() -> forward(connection, downstream, bare));
    } finally {
      handoff.remove(connection);
    }
  }

  private Optional<P> authenticate(Object connectData, EngineIoSocket connection) {
    Optional<String> token =
        HandshakeToken.find(
            connectData, connection.getInitialQuery(), connection.getInitialHeaders());
    try {
      return token.isEmpty()
          ? authenticator.withoutToken()
          : authenticator.authenticate(token.get());
    } catch (RuntimeException e) {
      LOG.warn("Socket authenticator failed; refusing the connection", e);
      return Optional.empty();
    }
  }

  private static void refuse(EngineIoSocket connection, String namespace) {
    Packet<JSONObject> packet =
        new Packet<>(Parser.CONNECT_ERROR, new JSONObject().put("message", UNAUTHORIZED));
    packet.nsp = namespace;
    ENCODER.encode(
        packet,
        encoded -> {
          for (Object item : encoded) {
            var message =
                new io.socket.engineio.server.parser.Packet<>(
                    io.socket.engineio.server.parser.Packet.MESSAGE);
            message.data = item;
            connection.send(message);
          }
        });
  }

  private static String withoutData(Packet<?> connect) {
    Packet<Object> bare = new Packet<>(Parser.CONNECT);
    bare.nsp = connect.nsp;
    StringBuilder encoded = new StringBuilder();
    ENCODER.encode(
        bare,
        items -> {
          for (Object item : items) {
            encoded.append(item);
          }
        });
    return encoded.toString();
  }

  private static Optional<Packet<?>> decode(String text) {
    AtomicReference<Packet<?>> decoded = new AtomicReference<>();
    IOParser.Decoder decoder = new IOParser.Decoder();
    decoder.onDecoded(decoded::set);
    try {
      decoder.add(text);
    } catch (RuntimeException e) {
      LOG.debug("Malformed CONNECT packet", e);
      return Optional.empty();
    }
    return Optional.ofNullable(decoded.get());
  }

  /**
   * {@link DirectEvents#dispatch}; what it throws (a handler's failure is answered by {@link
   * SocketEvents}, so this is a bug below it) closes the connection, as in {@link #forward},
   * instead of vanishing into engine.io's emitter.
   */
  private static boolean dispatchDirectly(
      EngineIoSocket connection, DirectEvents direct, String text, AckRoute route) {
    try {
      return direct.dispatch(text, route);
    } catch (RuntimeException e) {
      LOG.warn("Closing Socket.IO connection {}: event not handled", connection.getId(), e);
      connection.close();
      return true;
    }
  }

  /**
   * Hands the packet to socket.io-server. Event handlers catch their own failures (SocketEvents),
   * so what reaches here is the decoder refusing the packet: the connection is closed, as the
   * reference server does on a parse error, rather than left with a decoder in an unknown state.
   * (Emitter would swallow it silently.)
   */
  private static void forward(
      EngineIoSocket connection, List<Emitter.Listener> downstream, Object[] args) {
    for (Emitter.Listener listener : downstream) {
      try {
        listener.call(args);
      } catch (RuntimeException e) {
        LOG.warn(
            "Closing Socket.IO connection {}: undecodable packet ({})",
            connection.getId(),
            e.toString());
        LOG.debug("Undecodable packet", e);
        connection.close();
        return;
      }
    }
  }
}
