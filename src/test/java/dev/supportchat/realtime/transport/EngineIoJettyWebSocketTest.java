package dev.supportchat.realtime.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.parser.Packet;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The adapter against a real EngineIoServer and a recording stand-in for Jetty's Session. */
class EngineIoJettyWebSocketTest {

  private EngineIoServer engine;
  private final List<EngineIoSocket> connections = new CopyOnWriteArrayList<>();
  private final List<Object> sent = new CopyOnWriteArrayList<>();
  private final AtomicBoolean sessionClosed = new AtomicBoolean();
  private final AtomicBoolean failWrites = new AtomicBoolean();

  @BeforeEach
  void setUp() {
    engine = new EngineIoServer(EngineIoServerOptions.newFromDefault());
    engine.on("connection", args -> connections.add((EngineIoSocket) args[0]));
  }

  @AfterEach
  void tearDown() {
    engine.shutdown();
  }

  @Test
  void openPerformsTheEngineIoHandshakeWithTheUpgradeRequestsQueryAndHeaders() {
    EngineIoJettyWebSocket socket = open(Map.of("Authorization", List.of("Bearer abc")));

    assertThat(sent).hasSize(1);
    assertThat((String) sent.get(0)).startsWith("0{\"sid\"").contains("\"upgrades\": []");
    assertThat(connections).hasSize(1);
    assertThat(connections.get(0).getInitialQuery()).containsEntry("token", "t1");
    assertThat(connections.get(0).getInitialHeaders())
        .containsEntry("Authorization", List.of("Bearer abc"));
    assertThat(socket.getQuery()).containsEntry("EIO", "4");
  }

  @Test
  void textAndBinaryFramesReachTheEngineIoSocket() {
    EngineIoJettyWebSocket socket = open(Map.of());
    List<Object> received = new CopyOnWriteArrayList<>();
    connections.get(0).on("message", args -> received.add(args[0]));
    AtomicBoolean binaryReleased = new AtomicBoolean();
    ByteBuffer frame = ByteBuffer.wrap("bytes".getBytes(StandardCharsets.UTF_8));

    socket.onWebSocketText("4hello");
    socket.onWebSocketBinary(frame, Callback.from(() -> binaryReleased.set(true), x -> {}));

    assertThat(received).hasSize(2);
    assertThat(received.get(0)).isEqualTo("hello");
    assertThat((byte[]) received.get(1)).asString(StandardCharsets.UTF_8).isEqualTo("bytes");
    assertThat(binaryReleased).isTrue();
  }

  @Test
  void engineIoPacketsAreWrittenAsTextOrBinaryFrames() {
    open(Map.of());
    sent.clear();

    connections.get(0).send(message("hi"));
    connections.get(0).send(message(new byte[] {1, 2, 3}));

    assertThat(sent.get(0)).isEqualTo("4hi");
    assertThat((byte[]) sent.get(1)).containsExactly(1, 2, 3);
  }

  @Test
  void websocketCloseClosesTheEngineIoSocket() {
    EngineIoJettyWebSocket socket = open(Map.of());
    AtomicReference<String> reason = new AtomicReference<>();
    connections.get(0).on("close", args -> reason.set((String) args[0]));

    socket.onWebSocketClose(1001, "going away", Callback.NOOP);

    assertThat(reason).hasValue("transport close");
  }

  @Test
  void aFailedWriteClosesTheEngineIoSocketAndTheWebsocket() {
    open(Map.of());
    AtomicReference<String> reason = new AtomicReference<>();
    connections.get(0).on("close", args -> reason.set((String) args[0]));
    failWrites.set(true);

    connections.get(0).send(message("lost"));

    assertThat(reason).hasValue("transport error");
    assertThat(sessionClosed).isTrue();
  }

  @Test
  void serverSideCloseClosesTheWebsocket() {
    open(Map.of());

    connections.get(0).close();

    assertThat(sessionClosed).isTrue();
  }

  private EngineIoJettyWebSocket open(Map<String, List<String>> headers) {
    EngineIoJettyWebSocket socket =
        new EngineIoJettyWebSocket(
            engine,
            Map.of("EIO", "4", "transport", "websocket", "token", "t1"),
            headers,
            1_000_000);
    socket.onWebSocketOpen(recordingSession());
    return socket;
  }

  private static Packet<Object> message(Object data) {
    Packet<Object> packet = new Packet<>(Packet.MESSAGE);
    packet.data = data;
    return packet;
  }

  /** Implements only what the adapter uses; sends complete immediately, or fail when asked to. */
  private Session recordingSession() {
    return (Session)
        Proxy.newProxyInstance(
            Session.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "sendText", "sendBinary" -> {
                    Callback callback = (Callback) args[1];
                    if (failWrites.get()) {
                      callback.fail(new IOException("broken pipe"));
                    } else {
                      sent.add(args[0] instanceof ByteBuffer buffer ? toBytes(buffer) : args[0]);
                      callback.succeed();
                    }
                    yield null;
                  }
                  case "isOpen" -> !sessionClosed.get();
                  case "close" -> {
                    sessionClosed.set(true);
                    yield null;
                  }
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  case "toString" -> "RecordingSession";
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }

  private static byte[] toBytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }
}
