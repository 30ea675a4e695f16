package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import io.socket.socketio.server.SocketIoSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
    SocketIoTransport<String> transport =
        new SocketIoTransport<>(
            TestServer.defaultOptions(), token -> Optional.of(token).filter("tok-alice"::equals));
    transport.onConnection(
        "/",
        (socket, user) -> {
          socket.joinRoom("user:alice");
          inHandler.complete(socket);
          await(handlerMayFinish);
          socket.joinRoom("chat:1"); // what a handler does after its first join
        });
    Javalin app =
        Javalin.create(
                config -> {
                  config.startup.showJavalinBanner = false;
                  config.startup.startupWatcherEnabled = false;
                  SocketIoJavalin.mount(config, transport);
                })
            .start("127.0.0.1", 0);
    try {
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
      assertThat(frames.received.poll(5, TimeUnit.SECONDS))
          .as("the client is told it is connected before the handler has run")
          .startsWith("40{\"sid\"");
      SocketIoSocket socket = inHandler.get(5, TimeUnit.SECONDS);

      transport.disconnect(socket); // while the handler is still running
      handlerMayFinish.countDown();

      assertThat(frames.received.poll(5, TimeUnit.SECONDS)).isEqualTo("41");
      assertThat(frames.closed.get(5, TimeUnit.SECONDS)).as("connection closed").isNotNull();
      assertThat(socket.isConnected()).isFalse();
      var rooms = transport.namespace("/").getAdapter();
      assertThat(rooms.listClients("user:alice")).isEmpty();
      assertThat(rooms.listClients("chat:1")).isEmpty();
    } finally {
      app.stop();
      transport.close();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
