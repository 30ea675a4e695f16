package dev.supportchat.realtime.transport;

import io.javalin.Javalin;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

/**
 * The server the official Engine.IO protocol test suite (socketio/engine.io-protocol, {@code
 * test-suite/}) expects on 127.0.0.1:3000: our engine.io stack (engine.io-server behind {@link
 * EngineIoServlet} and {@link EngineIoJettyWebSocket}, as the application mounts it) at {@code
 * /engine.io/}, echoing every message, with the suite's ping interval (300 ms) and timeout (200
 * ms). {@code node-tests/official-protocol-suites.sh} starts it and runs the suite against it.
 */
final class EngineIoConformanceServer {

  private EngineIoConformanceServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
    SocketIoTransportOptions options =
        SocketIoTransportOptions.defaults(List.of())
            .withPing(Duration.ofMillis(300), Duration.ofMillis(200));
    ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1);
    timers.setRemoveOnCancelPolicy(true);
    EngineIoServer engine = SocketIoTransport.engine(options, new OriginPolicy(List.of()), timers);
    engine.on(
        "connection",
        connected -> {
          EngineIoSocket socket = (EngineIoSocket) connected[0];
          socket.on("message", message -> socket.send(new Packet<>(Packet.MESSAGE, message[0])));
        });
    EngineIoServlet servlet = new EngineIoServlet(engine, new OriginPolicy(List.of()), options);
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.jetty.modifyServletContextHandler(
                  context -> {
                    ServletHolder holder = new ServletHolder("engine.io", servlet);
                    holder.setAsyncSupported(true);
                    context.addServlet(holder, "/engine.io/*");
                  });
            })
        .start("127.0.0.1", port);
  }
}
