package dev.supportchat.realtime;

import dev.supportchat.chat.ChatEvents;
import dev.supportchat.chat.ChatService;
import dev.supportchat.config.AppConfig;
import dev.supportchat.metrics.RealtimeMetrics;
import dev.supportchat.realtime.transport.RoomEmitter;
import dev.supportchat.realtime.transport.SocketAuthenticator;
import dev.supportchat.realtime.transport.SocketIoJavalin;
import dev.supportchat.realtime.transport.SocketIoTransport;
import dev.supportchat.realtime.transport.SocketIoTransportOptions;
import dev.supportchat.user.SessionTermination;
import dev.supportchat.user.TokenService;
import dev.supportchat.user.UserRepository;
import dev.supportchat.worker.Fatal;
import dev.supportchat.worker.WorkerHealth;
import io.javalin.config.JavalinConfig;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.json.JSONObject;

/**
 * The real-time half of the server: the Socket.IO endpoint, the rooms each socket joins on connect,
 * admin presence, typing state, and the emitter that turns chat events into Socket.IO events.
 */
public final class Realtime implements AutoCloseable {
  static final String NAMESPACE = "/";
  static final String SUPPORT_PRESENCE = "support_presence";
  static final String ADMIN_PRESENCE = "admin_presence";

  /**
   * Sent when this node may have missed other nodes' events (Redis was down): clients catch up with
   * ?since=.
   */
  static final String RESYNC = "support_resync";

  private final SocketIoTransport<SocketUser> transport;
  private final Broadcaster broadcaster;
  private final ChatEventsEmitter emitter;
  private final AdminPresence presence = new AdminPresence();

  /** Null on a single node. */
  private final ClusterPresence clusterPresence;

  private final ScheduledExecutorService timers;

  /**
   * Finishes socket sends once committed (their events and acks), one at a time in commit order:
   * the emitting thread itself, so a send's events and ack need no further hand-off.
   */
  private final Executor sendsCommitted;

  /**
   * Two threads that may wait on the database: a retried send's stored copy is looked up here, not
   * on the emitting thread (retries are rare; two bound what a client repeating one id can hold).
   */
  private final ExecutorService retryLookups =
      Executors.newFixedThreadPool(2, r -> daemon(r, "send-retries"));

  private final Clock clock;
  private final AppConfig.SocketLimits limits;
  private final SessionTermination sessions;
  private final UserRepository users;
  private final SocketExpiry expiry;
  private final SocketAuthenticator<SocketUser> authenticator;
  private final SocketIoNamespace namespace;

  /** How often sockets whose access token expired are looked for. */
  private static final long EXPIRY_SWEEP_MS = 500;

  private volatile Function<String, Optional<TokenService.Verified>> identityTokens;

  private volatile Consumer<String> onStaffConnected = id -> {};
  private volatile Consumer<String> onStaffOffline = id -> {};

  /** Sockets per person (not admins) on this node, for "is this person looking?". */
  private final java.util.concurrent.ConcurrentHashMap<String, Integer> userSockets =
      new java.util.concurrent.ConcurrentHashMap<>();

  private volatile Consumer<String> onUserSeen = userId -> {};

  /** The emitting thread, for /health. */
  private final List<WorkerHealth> workers;

  private final RealtimeMetrics metrics;

  public Realtime(
      AppConfig config,
      TokenService tokens,
      SessionTermination sessions,
      UserRepository users,
      Clock clock,
      RealtimeMetrics metrics) {
    this.clock = clock;
    this.metrics = metrics;
    this.sessions = sessions;
    this.users = users;
    this.limits = config.socketLimits();
    SocketIoTransportOptions options =
        SocketIoTransportOptions.defaults(config.corsOrigins())
            .withPing(limits.pingInterval(), limits.pingTimeout())
            .withMaxPayloadBytes((int) Math.min(Integer.MAX_VALUE, limits.maxPacketBytes()))
            .withPacketLimits(
                limits.maxAttachments(),
                Math.max(limits.maxPendingBytes(), limits.maxPacketBytes()));
    this.authenticator = token -> authenticate(tokens, token);
    this.transport = new SocketIoTransport<>(options, authenticator);
    this.expiry = new SocketExpiry(clock, transport::disconnect);
    SocketIoNamespace namespace = transport.namespace(NAMESPACE);
    this.namespace = namespace;
    RoomEmitter roomEmitter = new RoomEmitter(namespace);
    this.workers = List.of(roomEmitter.health());
    LocalDelivery local = new LocalDelivery(roomEmitter, metrics);
    this.sendsCommitted = local.executor();
    this.broadcaster =
        config.redisUrl().isPresent()
            ? new RedisBroadcaster(local, config.redisUrl().get(), config.redisPrefix(), metrics)
            : new LocalBroadcaster(local);
    this.clusterPresence =
        config
            .redisUrl()
            .map(url -> new ClusterPresence(presence, url, config.redisPrefix()))
            .orElse(null);
    this.emitter = new ChatEventsEmitter(broadcaster);
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "socket-timers"));
    timers.scheduleWithFixedDelay(
        Fatal.survivable("Disconnecting expired sockets", expiry::sweep),
        EXPIRY_SWEEP_MS,
        EXPIRY_SWEEP_MS,
        TimeUnit.MILLISECONDS);
    // A session ended on any node (logout, password change, deactivation): its sockets here go.
    sessions.onEnded(ended -> disconnectSession(ended.sessionId()));
    // Each node tells its own users (every node sees the same cluster-wide answer, so none is told
    // twice).
    presence.onAnyOnlineChanged(
        online ->
            local.deliver(
                new Broadcaster.Emit(
                    List.of(RoomNames.USERS), SUPPORT_PRESENCE, Map.of("online", online), null)));
    presence.onWentOffline(
        adminId -> {
          onStaffOffline.accept(adminId);
          emitter.emit(
              List.of(RoomNames.ADMINS),
              ADMIN_PRESENCE,
              Map.of("adminId", adminId, "online", false));
        });
    presence.onBackOnline(
        adminId ->
            emitter.emit(
                List.of(RoomNames.ADMINS),
                ADMIN_PRESENCE,
                Map.of("adminId", adminId, "online", true)));
  }

  private Optional<SocketUser> authenticate(TokenService tokens, String token) {
    Optional<TokenService.Verified> verified;
    try {
      verified = Optional.of(tokens.verify(token));
    } catch (RuntimeException notOurs) {
      // Not one of our access tokens: perhaps the host site's identity token (docs/API.md).
      Function<String, Optional<TokenService.Verified>> identities = identityTokens;
      verified = identities == null ? Optional.empty() : identities.apply(token);
    }
    // An ended session or a deleted user is refused (one lookup by primary key per connect).
    return verified
        .filter(v -> !sessions.isEnded(v.principal().sessionId()))
        .filter(v -> users.findById(v.principal().userId()).isPresent())
        .map(v -> new SocketUser(v.principal(), v.expiresAt()));
  }

  /** Disconnects this node's sockets of the session. */
  private void disconnectSession(String sessionId) {
    for (SocketIoSocket socket : namespace.getAdapter().listClients(RoomNames.session(sessionId))) {
      transport.disconnect(socket);
    }
  }

  /**
   * Lets the handshake also accept the host site's identity tokens: {@code identities} turns one
   * into a session of its verified user (the widget feature knows how), or answers empty.
   */
  public void acceptIdentityTokens(Function<String, Optional<TokenService.Verified>> identities) {
    this.identityTokens = identities;
  }

  /**
   * Told when a staff member's first socket on this node connects, and when no node has a socket of
   * theirs any more (told by one node, as {@link AdminPresence} decides).
   */
  public void onStaffPresence(Consumer<String> connected, Consumer<String> offline) {
    this.onStaffConnected = connected;
    this.onStaffOffline = offline;
  }

  /** Staff members with a socket on this node. */
  public Set<String> staffHere() {
    return presence.localAdmins();
  }

  /** An event for every staff dashboard on every node (never for the people who chat). */
  public void emitToStaff(String event, Map<String, Object> payload) {
    emitter.emit(List.of(RoomNames.ADMINS), event, payload);
  }

  /** Called with a person's id when one of their sockets connects or goes away. */
  public void onUserSeen(Consumer<String> listener) {
    this.onUserSeen = listener;
  }

  /** Whether the person has a socket open on this node now. */
  public boolean userConnectedHere(String userId) {
    return userSockets.containsKey(userId);
  }

  /** What the chat service reports to; becomes Socket.IO events. */
  public ChatEvents chatEvents() {
    return emitter;
  }

  /** This side's worker threads, for {@code /health}. */
  public List<WorkerHealth> workers() {
    return workers;
  }

  public AdminPresence presence() {
    return presence;
  }

  /** Starts handling connections; the service must exist first because the events call it. */
  public void serve(ChatService chats) {
    SupportChatEvents events =
        new SupportChatEvents(
            chats,
            new TypingTracker(timers, emitter::typing),
            clock,
            limits.messagesPerSecond(),
            limits.roomEventsPerSecond(),
            limits.roomEventsBurst(),
            sendsCommitted,
            retryLookups,
            new SocketSession(authenticator, sessions),
            transport::disconnect,
            metrics);
    Consumer<ClientSocket> onGone = client -> disconnected(events, client);
    transport.onConnection(
        NAMESPACE,
        (socket, user) -> {
          ClientSocket client;
          if (metrics.countsSockets()) {
            String transport = socket.getInitialQuery().get("transport");
            metrics.connected(user.isAdmin(), transport);
            client =
                new ClientSocket(
                    socket,
                    user,
                    onGone.andThen(gone -> metrics.disconnected(user.isAdmin(), transport)));
            client.keepsState();
          } else {
            client = new ClientSocket(socket, user, onGone);
          }
          events.attach(client);
          joinPersonalRooms(client);
          expiry.watch(client);
          // A session ended after the gate let this socket in but before it joined its session's
          // room was not found by disconnectSession; the end is recorded before that search, so it
          // is seen here. (The disconnect is carried out when this handler returns.)
          if (sessions.isEnded(user.principal().sessionId())) {
            transport.disconnect(socket);
          }
        });
  }

  private void joinPersonalRooms(ClientSocket client) {
    SocketIoSocket socket = client.socket;
    SocketUser user = client.user;
    socket.joinRoom(RoomNames.user(user.userId()), RoomNames.session(user.principal().sessionId()));
    if (user.isAdmin()) {
      socket.joinRoom(RoomNames.ADMINS);
      boolean firstSocket = !presence.localAdmins().contains(user.userId());
      presence.connected(user.userId());
      client.keepsState();
      if (firstSocket) {
        onStaffConnected.accept(user.userId());
        emitter.emit(
            List.of(RoomNames.ADMINS),
            ADMIN_PRESENCE,
            Map.of("adminId", user.userId(), "online", true));
      }
    } else {
      socket.joinRoom(RoomNames.USERS);
      userSockets.merge(user.userId(), 1, Integer::sum);
      client.keepsState();
      onUserSeen.accept(user.userId());
      // Tell a newly connected user at once whether anyone is there to answer.
      socket.send(SUPPORT_PRESENCE, new JSONObject().put("online", presence.anyAdminOnline()));
    }
  }

  private void disconnected(SupportChatEvents events, ClientSocket client) {
    events.disconnected(client);
    SocketUser user = client.user;
    if (user.isAdmin()) {
      // Offline only when no node has the admin any more (AdminPresence asks again as other nodes
      // report): an
      // admin with a dashboard open on another node stays online. Online is announced by the node
      // of the admin's
      // first socket there; an extra "online" is harmless, a wrong "offline" is not.
      presence.disconnected(user.userId());
    } else {
      userSockets.computeIfPresent(user.userId(), (id, n) -> n > 1 ? n - 1 : null);
      onUserSeen.accept(user.userId());
    }
  }

  /** Mounts the Socket.IO servlet on Javalin's Jetty, on the same port as the REST routes. */
  public void mount(JavalinConfig config) {
    SocketIoJavalin.mount(config, transport);
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    timers.shutdownNow();
    retryLookups.shutdown();
    presence.stopping();
    if (clusterPresence != null) {
      clusterPresence.close();
    }
    broadcaster.close();
    transport.close();
  }
}
