package dev.supportchat.realtime.transport;

import io.javalin.Javalin;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.json.JSONObject;

/**
 * Javalin + Socket.IO on one free loopback port, with small demo handlers that show how the real
 * {@code *Events} classes are meant to use the transport: payload + ack, rooms, personal rooms.
 */
final class TestServer implements AutoCloseable {

  static final String ALLOWED_ORIGIN = "http://allowed.example";

  record TestUser(String id) {}

  private static final Map<String, TestUser> TOKENS =
      Map.of(
          "tok-alice", new TestUser("alice"),
          "tok-bob", new TestUser("bob"),
          "tok-carol", new TestUser("carol"));

  final Javalin app;
  final SocketIoTransport<TestUser> transport;

  /** Every client event any handler has processed. */
  final AtomicInteger handledEvents = new AtomicInteger();

  private TestServer(SocketIoTransportOptions options, int maxThreads, Runnable handshakeStall) {
    transport =
        new SocketIoTransport<>(
            options, token -> Optional.ofNullable(TOKENS.get(token)), handshakeStall);
    transport.onConnection("/", this::onConnection);
    transport.onConnection("/admin", this::onConnection);
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.startupWatcherEnabled = false;
              if (maxThreads > 0) {
                config.jetty.threadPool = new QueuedThreadPool(maxThreads, 2);
              }
              config.routes.get("/api/health", ctx -> ctx.result("ok"));
              SocketIoJavalin.mount(config, transport);
            });
  }

  private final Map<String, RoomEmitter> roomEmitters = new ConcurrentHashMap<>();

  static TestServer start(SocketIoTransportOptions options) {
    return start(options, 0);
  }

  /**
   * @param maxThreads size of Jetty's thread pool, or 0 for Javalin's default
   */
  static TestServer start(SocketIoTransportOptions options, int maxThreads) {
    return started(new TestServer(options, maxThreads, null));
  }

  /**
   * @param handshakeStall runs on every new engine.io connection where an unguarded packet would
   *     reach socket.io-server (see SocketIoTransport's package-private constructor)
   */
  static TestServer startStallingHandshakes(Runnable handshakeStall) {
    return started(new TestServer(defaultOptions(), 0, handshakeStall));
  }

  private static TestServer started(TestServer server) {
    server.app.start("127.0.0.1", 0);
    return server;
  }

  static SocketIoTransportOptions defaultOptions() {
    return SocketIoTransportOptions.defaults(List.of(ALLOWED_ORIGIN));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** {@code method} {@code path} on this server, with {@code body} (none if null). */
  HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A long-polling session of {@code token}'s user, connected to "/" (its CONNECT answer already
   * read): the path and query of its requests.
   */
  String pollingSession(String token) throws IOException, InterruptedException {
    HttpResponse<String> open = send("GET", "/socket.io/?EIO=4&transport=polling", null);
    String sid = new org.json.JSONObject(open.body().substring(1)).getString("sid");
    String polling = "/socket.io/?EIO=4&transport=polling&sid=" + sid;
    HttpResponse<String> connect = send("POST", polling, "40{\"token\":\"" + token + "\"}");
    // The CONNECT answer; with short ping intervals a ping may come first (and is answered).
    for (int poll = 0; connect.statusCode() == 200 && poll < 5; poll++) {
      String answer = send("GET", polling, null).body();
      if (answer.contains("40{\"sid\"")) {
        return polling;
      }
      if (answer.startsWith("2")) {
        send("POST", polling, "3");
      }
    }
    throw new IllegalStateException(
        "not connected: " + connect.statusCode() + " " + connect.body());
  }

  /** A "notified" event with {@code text} to every socket of {@code user}. */
  void notify(String user, String text) {
    transport
        .namespace("/")
        .broadcast(
            "user:" + user,
            "notified",
            new org.json.JSONObject().put("from", "test").put("text", text));
  }

  /** What the demo handlers know about the socket that sent an event. */
  private record Client(SocketIoSocket socket, TestUser user, RoomEmitter roomEmitter) {
    String personalRoom() {
      return "user:" + user.id();
    }
  }

  /** Built once, shared by every socket, as the real {@code *Events} classes do. */
  private static final SocketEvents<Client> EVENTS =
      SocketEvents.<Client>builder()
          .on(
              "whoami",
              (c, payload, ack) ->
                  ack.ok(
                      new JSONObject()
                          .put("userId", c.user().id())
                          .put("namespace", c.socket().getNamespace().getName())))
          .on("echo", (c, payload, ack) -> ack.ok(new JSONObject(payload.toString())))
          .on(
              "join",
              (c, payload, ack) -> {
                c.socket().joinRoom(payload.path("room").asText());
                ack.ok(null);
              })
          .on(
              "leave",
              (c, payload, ack) -> {
                c.socket().leaveRoom(payload.path("room").asText());
                ack.ok(null);
              })
          .on(
              "say",
              (c, payload, ack) -> {
                // the room, except the sending socket
                c.socket()
                    .broadcast(
                        payload.path("room").asText(),
                        "said",
                        new JSONObject()
                            .put("from", c.user().id())
                            .put("text", payload.path("text").asText()));
                ack.ok(null);
              })
          .on(
              "typing",
              (c, payload, ack) -> {
                // the room, except every socket of the typist
                c.roomEmitter()
                    .emit(
                        List.of(payload.path("room").asText()),
                        c.personalRoom(),
                        "typing",
                        Map.of("userId", c.user().id()));
                ack.ok(null);
              })
          .on(
              "notify",
              (c, payload, ack) -> {
                // a user's personal room: all of their sockets, wherever connected
                c.socket()
                    .getNamespace()
                    .broadcast(
                        "user:" + payload.path("userId").asText(),
                        "notified",
                        new JSONObject()
                            .put("from", c.user().id())
                            .put("text", payload.path("text").asText()));
                ack.ok(null);
              })
          .on("fail", (c, payload, ack) -> ack.error("forbidden", "not yours"))
          .on(
              "boom",
              (c, payload, ack) -> {
                throw new IllegalStateException("handler bug");
              })
          .build();

  private void onConnection(SocketIoSocket socket, TestUser user) {
    SocketIoNamespace namespace = socket.getNamespace();
    RoomEmitter roomEmitter =
        roomEmitters.computeIfAbsent(namespace.getName(), n -> new RoomEmitter(namespace));
    Client client = new Client(socket, user, roomEmitter);
    socket.joinRoom(client.personalRoom());
    socket.registerAllEventListener((event, args) -> handledEvents.incrementAndGet());
    EVENTS.attach(socket, client);
  }

  @Override
  public void close() {
    app.stop();
  }
}
