package dev.supportchat;

import dev.supportchat.chat.ChatModule;
import dev.supportchat.chat.ChatRepository;
import dev.supportchat.chat.ChatService;
import dev.supportchat.chat.ChatStatistics;
import dev.supportchat.config.AppConfig;
import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.http.HealthRoutes;
import dev.supportchat.http.WebAppFiles;
import dev.supportchat.http.WebServer;
import dev.supportchat.limit.AttemptLimiter;
import dev.supportchat.limit.Limits;
import dev.supportchat.realtime.Realtime;
import dev.supportchat.store.Database;
import dev.supportchat.store.Migrations;
import dev.supportchat.team.TeamModule;
import dev.supportchat.user.AccountRoutes;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.AdminBootstrap;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.PasswordHasher;
import dev.supportchat.user.Principal;
import dev.supportchat.user.SessionTermination;
import dev.supportchat.user.Sessions;
import dev.supportchat.user.TokenService;
import dev.supportchat.widget.WidgetModule;
import dev.supportchat.worker.WorkerHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the object graph by hand (no scanning, no container) and owns its lifetime. Tests start it
 * exactly as {@link Main} does, on a free port, with their own configuration and clock.
 */
public final class App implements AutoCloseable {
  private static final int POSTGRES_POOL_SIZE = 16;

  private final Database db;
  private final WebServer web;
  private final Realtime realtime;
  private final ChatRepository chatRepository;

  private final Limits sharedLimits;
  private final TeamModule team;
  private final SessionTermination termination;

  private App(
      Database db,
      WebServer web,
      Realtime realtime,
      ChatRepository chatRepository,
      Limits sharedLimits,
      TeamModule team,
      SessionTermination termination) {
    this.team = team;
    this.termination = termination;
    this.sharedLimits = sharedLimits;
    this.db = db;
    this.web = web;
    this.realtime = realtime;
    this.chatRepository = chatRepository;
  }

  public static App start(AppConfig config, Clock clock) {
    Database db = Database.open(config.database(), POSTGRES_POOL_SIZE);
    Realtime realtime = null;
    ChatRepository chatRepository = null;
    TeamModule team = null;
    Limits sharedLimits = null;
    SessionTermination termination = null;
    try {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      var hasher = new PasswordHasher(config.bcryptCost());
      var tokens =
          new TokenService(
              config.accessTokenSecret(),
              config.refreshTokenSecret(),
              config.accessTokenTtl(),
              config.refreshTokenTtl(),
              clock);
      var sessions = Sessions.repository(db);
      termination = SessionTermination.start(db, sessions, config.accessTokenTtl(), clock);
      var limits = config.loginLimits();
      sharedLimits = new Limits(config.redisUrl(), config.redisPrefix(), clock);
      var accounts =
          new AccountService(
              users,
              sessions,
              termination,
              hasher,
              tokens,
              sharedLimits.shared("login-email", limits.perEmail(), limits.window()),
              sharedLimits.shared("login-ip", limits.perIp(), limits.window()),
              sharedLimits.shared(
                  "registrations-ip", limits.registrationsPerIpPerHour(), Duration.ofHours(1)),
              clock);
      new AdminBootstrap(users, hasher, termination, clock)
          .run(config.adminEmail(), config.adminPassword());

      SessionTermination live = termination;
      Auth<Principal> auth = new Auth<>(t -> live.requireLive(tokens.verifyAccessToken(t)));
      var clientAddress = new ClientAddress(config.trustProxy());
      realtime = new Realtime(config, tokens, termination, users, clock);
      var presence = realtime.presence();
      chatRepository = ChatModule.repository(db);
      Realtime rt = realtime;
      team =
          new TeamModule(
              db,
              config.team(),
              accounts,
              hasher,
              chatRepository,
              realtime.chatEvents(),
              realtime::emitToStaff,
              rt::staffHere,
              termination::endAllSessionsOf,
              clock);
      TeamModule teamModule = team;
      realtime.onStaffPresence(teamModule::staffConnected, teamModule::staffOffline);
      var chats =
          new ChatService(
              chatRepository,
              users,
              team.assigning(realtime.chatEvents()),
              clock,
              config.maxMessageLength(),
              new AttemptLimiter(
                  config.messagesPerMinutePerUser(), ChatService.MESSAGE_RATE_WINDOW, clock));
      var widget =
          WidgetModule.service(config.widget(), db, users, accounts, chats, sharedLimits, clock);
      realtime.acceptIdentityTokens(token -> widget.socketIdentity(token, tokens));
      realtime.serve(chats);
      var chatRoutes =
          ChatModule.routes(
              chats,
              chatRepository,
              new ChatStatistics(db, clock),
              auth,
              presence::anyAdminOnline,
              config.attachmentsDir(),
              config.maxAttachmentBytes(),
              clock);
      WebServer.Mount socketIo = realtime::mount;
      WebServer web =
          WebServer.create(
              config,
              new HealthRoutes(db, workers(chatRepository, realtime)),
              List.of(
                  new WebServer.RouteGroup(
                      "/users",
                      new AccountRoutes(accounts, auth, clientAddress, presence::isOnline)),
                  new WebServer.RouteGroup("/chats", chatRoutes),
                  new WebServer.RouteGroup("/team", team.routes(auth, clientAddress)),
                  new WebServer.RouteGroup(
                      "/widget", WidgetModule.routes(widget, auth, clientAddress))),
              List.of(socketIo),
              new WebAppFiles());
      web.start();
      return new App(db, web, realtime, chatRepository, sharedLimits, team, termination);
    } catch (RuntimeException e) {
      if (team != null) {
        team.close();
      }
      if (chatRepository != null) {
        chatRepository.close();
      }
      if (realtime != null) {
        realtime.close();
      }
      if (sharedLimits != null) {
        sharedLimits.close();
      }
      if (termination != null) {
        termination.close();
      }
      db.close();
      throw e;
    }
  }

  private static List<WorkerHealth> workers(ChatRepository chats, Realtime realtime) {
    List<WorkerHealth> all = new ArrayList<>();
    all.add(chats.writerHealth());
    all.addAll(realtime.workers());
    return all;
  }

  public int port() {
    return web.port();
  }

  /** The team feature (tests run an assignment pass with it). */
  public TeamModule team() {
    return team;
  }

  public Database database() {
    return db;
  }

  /** Ends sessions on every node (for features that deactivate or delete users, and tests). */
  public SessionTermination sessionTermination() {
    return termination;
  }

  /** The REST endpoints the server answers, as registered. */
  public List<WebServer.Route> routes() {
    return web.routes();
  }

  @Override
  public void close() {
    web.stop();
    team.close();
    // Writes still queued are committed first; their acks and events need the realtime side still
    // open.
    chatRepository.close();
    sharedLimits.close();
    realtime.close();
    termination.close();
    db.close();
  }
}
