package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A socket disconnected by the server while its connection handler still runs (a session ended by
 * another request right after the client saw "connected", as in TeamIT's deactivation): the client
 * must be told ("io server disconnect", not a bare "transport close") and the socket must not stay
 * in the rooms its handler joined. With socket.io-server's own {@code disconnect(true)} neither
 * held: it found no socket filed with the connection yet.
 */
class DisconnectWhileConnectingIT {

  @Test
  void theClientIsToldAndTheSocketLeavesEveryRoom() throws Exception {
    CompletableFuture<SocketIoSocket> inHandler = new CompletableFuture<>();
    CountDownLatch handlerMayFinish = new CountDownLatch(1);
    try (Served served =
        serve(
            TestServer.defaultOptions(),
            socket -> {
              socket.joinRoom("user:alice");
              inHandler.complete(socket);
              await(handlerMayFinish);
              socket.joinRoom("chat:1"); // what a handler does after its first join
            })) {
      TextFrames frames = served.connect(); // told it is connected before the handler has run
      SocketIoSocket socket = inHandler.get(5, TimeUnit.SECONDS);

      served.transport.disconnect(socket); // while the handler is still running
      handlerMayFinish.countDown();

      assertThat(frames.received.poll(5, TimeUnit.SECONDS)).isEqualTo("41");
      assertThat(frames.closed.get(5, TimeUnit.SECONDS)).as("connection closed").isNotNull();
      assertThat(socket.isConnected()).isFalse();
      var rooms = served.transport.namespace("/").getAdapter();
      assertThat(rooms.listClients("user:alice")).isEmpty();
      assertThat(rooms.listClients("chat:1")).isEmpty();
    }
  }

  /**
   * A handler that throws an Error (a class that failed to initialise, a stack overflow): the Error
   * goes on, but the socket is disconnected as after any other failure. It once stayed connected
   * and in its rooms, and every later {@code disconnect} of it was taken for one asked for while
   * its handler ran, to be carried out when that returned: never.
   */
  @Test
  void aHandlerThatThrowsAnErrorLeavesNoSocketBehind() throws Exception {
    CompletableFuture<SocketIoSocket> inHandler = new CompletableFuture<>();
    AtomicInteger disconnects = new AtomicInteger();
    try (Served served =
        serve(
            TestServer.defaultOptions(),
            socket -> {
              socket.joinRoom("user:alice");
              socket.on("disconnect", args -> disconnects.incrementAndGet());
              inHandler.complete(socket);
              throw new AssertionError("a handler's bug");
            })) {
      TextFrames frames = served.connect();
      SocketIoSocket socket = inHandler.get(5, TimeUnit.SECONDS);
      assertThat(frames.closed.get(5, TimeUnit.SECONDS)).as("connection closed").isNotNull();

      served.transport.disconnect(socket);

      assertThat(socket.isConnected()).isFalse();
      assertThat(served.transport.namespace("/").getAdapter().listClients("user:alice")).isEmpty();
      assertThat(disconnects).hasValue(1);
    }
  }

  /**
   * The connection ends while the handler runs (here: the client answers no ping). socket.io-server
   * closed the sockets filed with it, not yet this one, and filed it afterwards, connected: it
   * stayed in its rooms and its "disconnect" listeners never ran.
   */
  @Test
  void aConnectionThatEndsWhileTheHandlerRunsLeavesNoSocketBehind() throws Exception {
    CompletableFuture<SocketIoSocket> handlerDone = new CompletableFuture<>();
    AtomicInteger disconnects = new AtomicInteger();
    try (Served served =
        serve(
            TestServer.defaultOptions().withPing(Duration.ofSeconds(1), Duration.ofSeconds(1)),
            socket -> {
              socket.joinRoom("user:alice");
              socket.on("disconnect", args -> disconnects.incrementAndGet());
              // Registered after socket.io-server's: when it runs, that one has closed the sockets
              // it had filed with the connection.
              CountDownLatch closed = new CountDownLatch(1);
              socket.getClient().getConnection().on("close", args -> closed.countDown());
              await(closed);
              socket.joinRoom("chat:1");
              handlerDone.complete(socket);
            })) {
      served.connect();
      SocketIoSocket socket = handlerDone.get(10, TimeUnit.SECONDS);
      Thread.sleep(300); // the handler has returned and socket.io-server has filed the socket

      assertThat(socket.getClient().getConnection().getReadyState()).isEqualTo(ReadyState.CLOSED);
      assertThat(socket.isConnected()).isFalse();
      var rooms = served.transport.namespace("/").getAdapter();
      assertThat(rooms.listClients("user:alice")).isEmpty();
      assertThat(rooms.listClients("chat:1")).isEmpty();
      assertThat(disconnects).hasValue(1);
    }
  }

  /** A transport with one handler for "/", served on a free loopback port. */
  private record Served(SocketIoTransport<String> transport, Javalin app) implements AutoCloseable {

    /** A websocket client connected to "/" as alice; its CONNECT ack read. */
    TextFrames connect() throws Exception {
      TextFrames frames = new TextFrames();
      WebSocket ws =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create(
                      "ws://127.0.0.1:" + app.port() + "/socket.io/?EIO=4&transport=websocket"),
                  frames)
              .get(5, TimeUnit.SECONDS);
      assertThat(frames.received.poll(5, TimeUnit.SECONDS)).startsWith("0{");
      ws.sendText("40{\"token\":\"tok-alice\"}", true);
      String ack = frames.received.poll(5, TimeUnit.SECONDS);
      while ("2".equals(ack)) { // a ping (a short ping interval): answered until connected
        ws.sendText("3", true);
        ack = frames.received.poll(5, TimeUnit.SECONDS);
      }
      assertThat(ack).startsWith("40{\"sid\"");
      return frames;
    }

    @Override
    public void close() {
      app.stop();
      transport.close();
    }
  }

  private static Served serve(SocketIoTransportOptions options, Consumer<SocketIoSocket> handler) {
    SocketIoTransport<String> transport =
        new SocketIoTransport<>(options, token -> Optional.of(token).filter("tok-alice"::equals));
    transport.onConnection("/", (socket, user) -> handler.accept(socket));
    Javalin app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.startup.startupWatcherEnabled = false;
                  SocketIoJavalin.mount(config, transport);
                })
            .start("127.0.0.1", 0);
    return new Served(transport, app);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
