package dev.supportchat.realtime.transport;

import io.javalin.Javalin;
import io.socket.socketio.server.SocketIoSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * The server the official Socket.IO protocol test suite (socketio/socket.io-protocol, {@code
 * test-suite/}) expects on 127.0.0.1:3000: our Socket.IO stack ({@link SocketIoTransport}, its gate
 * and direct paths, as the application mounts it) with the suite's ping settings (300/200 ms), a
 * one-second connect timeout, the namespaces "/" and "/custom", and the suite's handlers: each new
 * socket is sent an "auth" event with its handshake data, "message" is echoed as "message-back",
 * "message-with-ack" is acknowledged with its own arguments. {@code
 * node-tests/official-protocol-suite.sh} starts it and runs the suite against it.
 *
 * <p>The suite connects without credentials and with {@code {"token": …}}: this server admits both
 * ({@link SocketAuthenticator#withoutToken}), which the application never does.
 */
final class SocketIoConformanceServer {

  private static final ScheduledExecutorService AUTH_EVENTS =
      Executors.newSingleThreadScheduledExecutor();

  private SocketIoConformanceServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    SocketIoTransportOptions defaults = SocketIoTransportOptions.defaults(List.of());
    SocketIoTransportOptions options =
        new SocketIoTransportOptions(
            defaults.allowedOrigins(),
            Duration.ofMillis(300),
            Duration.ofMillis(200),
            defaults.maxPayloadBytes(),
            Duration.ofSeconds(1),
            defaults.maxOutgoingFrames(),
            defaults.timerThreads(),
            defaults.maxAttachments(),
            defaults.maxPendingBytesTotal(),
            defaults.maxNestingDepth());
    SocketIoTransport<String> transport =
        new SocketIoTransport<>(
            options,
            new SocketAuthenticator<>() {
              @Override
              public Optional<String> authenticate(String token) {
                return Optional.of(token);
              }

              @Override
              public Optional<String> withoutToken() {
                return Optional.of("");
              }
            });
    transport.onConnection("/", SocketIoConformanceServer::onConnection);
    transport.onConnection("/custom", SocketIoConformanceServer::onConnection);
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              SocketIoJavalin.mount(config, transport);
            })
        .start("127.0.0.1", port);
  }

  private static void onConnection(SocketIoSocket socket, String token) {
    JSONObject auth = token.isEmpty() ? new JSONObject() : new JSONObject().put("token", token);
    // 20 ms after the CONNECT ack rather than at once: the suite reads one message per turn of its
    // event loop, and two frames written back to back reach it in one read, where its listener for
    // the second is attached too late (docs/RELIABILITY.md). The protocol does not care when.
    AUTH_EVENTS.schedule(() -> socket.send("auth", auth), 20, TimeUnit.MILLISECONDS);
    socket.on("message", args -> socket.send("message-back", args));
    socket.on(
        "message-with-ack",
        args -> {
          Object last = args[args.length - 1];
          if (last instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback ack) {
            ack.sendAcknowledgement(Arrays.copyOf(args, args.length - 1));
          }
        });
  }
}
