package dev.supportchat;

import dev.supportchat.chat.ChatModule;
import dev.supportchat.chat.ChatRepository;
import dev.supportchat.chat.ChatService;
import dev.supportchat.chat.ChatSideEffects;
import dev.supportchat.chat.ChatStatistics;
import dev.supportchat.config.AppConfig;
import dev.supportchat.hours.HoursModule;
import dev.supportchat.http.Auth;
import dev.supportchat.http.ClientAddress;
import dev.supportchat.http.HealthRoutes;
import dev.supportchat.http.WebAppFiles;
import dev.supportchat.http.WebServer;
import dev.supportchat.limit.AttemptLimiter;
import dev.supportchat.limit.Limits;
import dev.supportchat.limit.SharedBudget;
import dev.supportchat.mail.MailModule;
import dev.supportchat.metrics.ServerMetrics;
import dev.supportchat.outbox.Backoff;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.outbox.OutboxSender;
import dev.supportchat.realtime.Realtime;
import dev.supportchat.search.SearchModule;
import dev.supportchat.store.Database;
import dev.supportchat.store.Migrations;
import dev.supportchat.team.TeamModule;
import dev.supportchat.user.AccountRoutes;
import dev.supportchat.user.AccountService;
import dev.supportchat.user.AdminBootstrap;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.LoginThrottle;
import dev.supportchat.user.PasswordHasher;
import dev.supportchat.user.PasswordThreads;
import dev.supportchat.user.Principal;
import dev.supportchat.user.SessionTermination;
import dev.supportchat.user.Sessions;
import dev.supportchat.user.TokenService;
import dev.supportchat.webhook.WebhookModule;
import dev.supportchat.widget.WidgetModule;
import dev.supportchat.worker.WorkerHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

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
  private final SessionTermination termination;
  private final TeamModule team;
  private final OutboxSender outboxSender;
  private final MailModule mail;
  private final ServerMetrics metrics;
  private ChatModule.OrphanUploads orphanUploads;
  private SearchModule search;
  private PasswordThreads passwords;

  private App(
      Database db,
      WebServer web,
      Realtime realtime,
      ChatRepository chatRepository,
      Limits sharedLimits,
      SessionTermination termination,
      TeamModule team,
      OutboxSender outboxSender,
      MailModule mail,
      ServerMetrics metrics) {
    this.termination = termination;
    this.team = team;
    this.sharedLimits = sharedLimits;
    this.outboxSender = outboxSender;
    this.mail = mail;
    this.metrics = metrics;
    this.db = db;
    this.web = web;
    this.realtime = realtime;
    this.chatRepository = chatRepository;
  }

  public static App start(AppConfig config, Clock clock) {
    Database db = Database.open(config.database(), POSTGRES_POOL_SIZE);
    ServerMetrics metrics = ServerMetrics.create(config.operations().metricsToken().isPresent());
    Realtime realtime = null;
    ChatRepository chatRepository = null;
    TeamModule team = null;
    Limits sharedLimits = null;
    SessionTermination termination = null;
    OutboxSender outboxSender = null;
    MailModule mail = null;
    SearchModule search = null;
    PasswordThreads passwords = null;
    try {
      Migrations.apply(db);
      var users = new JdbcUserRepository(db);
      var hasher = new PasswordHasher(config.bcryptCost());
      // Jetty's request threads, created here because the password threads hand their results back
      // to them; the HTTP server runs on them.
      QueuedThreadPool requestThreads = WebServer.requestThreads(config.operations().httpThreads());
      passwords = new PasswordThreads(config.operations().passwordQueue(), requestThreads);
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
              passwords,
              tokens,
              sharedLimits.shared("login-account-ip", limits.perEmail(), limits.window()),
              sharedLimits.shared("login-account", Integer.MAX_VALUE, limits.window()),
              new LoginThrottle(limits.maxDelay()),
              sharedLimits.shared("login-ip", limits.perIp(), limits.window()),
              sharedLimits.shared(
                  "registrations-ip", limits.registrationsPerIpPerHour(), Duration.ofHours(1)),
              clock);
      new AdminBootstrap(users, hasher, termination, clock)
          .run(config.adminEmail(), config.adminPassword());

      SessionTermination live = termination;
      Auth<Principal> auth =
          new Auth<>(t -> live.requireLive(tokens.verifyAccessToken(t)), Principal::userId);
      var clientAddress = new ClientAddress(config.trustProxy(), config.trustedProxies());
      realtime = new Realtime(config, tokens, termination, users, clock, metrics.realtime());
      var presence = realtime.presence();
      var outbox = new Outbox(db);
      mail =
          MailModule.create(config, outbox, realtime::userConnectedHere, presence::isOnline, clock);
      realtime.onUserSeen(mail::seen);
      var webhooks = WebhookModule.create(outbox, config.outgoing().webhooksAllowPrivate(), clock);
      chatRepository =
          ChatModule.repository(
              db,
              ChatSideEffects.all(
                  List.of(
                      TeamModule.assignmentEffects(db, config.team(), clock),
                      mail.chatEffects(),
                      webhooks.chatEffects())));
      Realtime rt = realtime;
      team =
          new TeamModule(
              db,
              config.team(),
              accounts,
              chatRepository,
              realtime.chatEvents(),
              realtime::emitToStaff,
              rt::staffHere,
              live::endAllSessionsOf,
              clock);
      TeamModule teamModule = team;
      MailModule mailer = mail;
      team.mailInvitesWith(
          (c, invite, path) ->
              mailer.queueInvite(
                  c,
                  invite.email(),
                  invite.role().wire(),
                  path,
                  java.time.Instant.ofEpochMilli(invite.expiresAt())));
      realtime.onStaffPresence(teamModule::staffConnected, teamModule::staffOffline);
      presence.countOnly(teamModule::countsAsOnline);
      teamModule.onAvailabilityChanged(presence::recheck);
      var chats =
          new ChatService(
              chatRepository,
              users,
              team.assigning(realtime.chatEvents()),
              clock,
              config.maxMessageLength(),
              new AttemptLimiter(
                  config.messagesPerMinutePerUser(), ChatService.MESSAGE_RATE_WINDOW, clock),
              config.messageEditWindow());
      var hours = HoursModule.create(db, teamModule::managesTeam, clock);
      chats.replyAutomaticallyWith(hours.service());
      var widget =
          WidgetModule.service(
              config.widget(),
              db,
              users,
              accounts,
              chats,
              sharedLimits,
              ChatModule.messageRules(config.maxAttachmentBytes(), config.messageEditWindow()),
              clock);
      realtime.acceptIdentityTokens(token -> widget.socketIdentity(token, tokens));
      realtime.serve(chats);
      var uploads =
          new ChatModule.Uploads(
              sharedLimits.shared(
                  "uploads-user", config.uploads().perUserPerHour(), Duration.ofHours(1)),
              config.uploads().quotaBytesPerUser(),
              config.uploads().minFreeBytes(),
              config.uploads().orphanAfter(),
              new SharedBudget(
                  config.uploads().downloadsAtOnce(), config.uploads().downloadsAtOncePerAddress()),
              config.uploads().downloadMinBytesPerSecond());
      var chatRoutes =
          ChatModule.routes(
              chats,
              chatRepository,
              new ChatStatistics(db, clock, hours.service()::statisticsOpenTime),
              auth,
              presence::anyAdminOnline,
              config.attachmentsDir(),
              config.maxAttachmentBytes(),
              uploads,
              team.chatLabels(),
              clientAddress,
              clock);
      outboxSender =
          new OutboxSender(
                  outbox,
                  deliveries(mail, webhooks),
                  new Backoff(config.outgoing().firstRetry(), config.outgoing().retryFor()),
                  clock)
              .start();
      search = new SearchModule(db, config.operations().messageSearchTimeout());
      WebServer.Mount socketIo = realtime::mount;
      List<WorkerHealth> workers = workers(chatRepository, realtime, outboxSender);
      if (metrics.enabled()) {
        metrics.watchWorkers(workers);
        db.instrument(metrics.registry());
      }
      WebServer web =
          WebServer.create(
              config,
              requestThreads,
              metrics,
              new HealthRoutes(db, workers),
              List.of(
                  new WebServer.RouteGroup(
                      "/users",
                      new AccountRoutes(
                          accounts, auth, clientAddress, presence::isOnline, requestThreads)),
                  new WebServer.RouteGroup("/chats", chatRoutes),
                  new WebServer.RouteGroup(SearchModule.PATH, search.routes(auth)),
                  new WebServer.RouteGroup("/chats", team.chatLabelRoutes(auth)),
                  new WebServer.RouteGroup("/saved-replies", team.savedReplyRoutes(auth)),
                  new WebServer.RouteGroup("/labels", team.labelRoutes(auth)),
                  new WebServer.RouteGroup("/team", team.routes(auth, clientAddress)),
                  new WebServer.RouteGroup("/business-hours", hours.routes(auth)),
                  new WebServer.RouteGroup(
                      "/widget", WidgetModule.routes(widget, auth, clientAddress)),
                  new WebServer.RouteGroup("/email", mail.routes(auth)),
                  new WebServer.RouteGroup(
                      "/webhooks", webhooks.routes(auth, teamModule::managesTeam))),
              List.of(socketIo),
              new WebAppFiles());
      web.start();
      ChatModule.OrphanUploads sweeper =
          ChatModule.orphanUploadSweeper(
              chats,
              chatRepository,
              config.attachmentsDir(),
              config.maxAttachmentBytes(),
              uploads,
              clock);
      App app =
          new App(
              db,
              web,
              realtime,
              chatRepository,
              sharedLimits,
              termination,
              team,
              outboxSender,
              mail,
              metrics);
      app.orphanUploads = sweeper;
      app.search = search;
      app.passwords = passwords;
      return app;
    } catch (RuntimeException e) {
      if (passwords != null) {
        passwords.close();
      }
      if (search != null) {
        search.close();
      }
      if (outboxSender != null) {
        outboxSender.close();
      }
      if (mail != null) {
        mail.close();
      }
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
      metrics.close();
      throw e;
    }
  }

  private static java.util.Map<String, dev.supportchat.outbox.Delivery> deliveries(
      MailModule mail, WebhookModule webhooks) {
    java.util.Map<String, dev.supportchat.outbox.Delivery> all = new java.util.HashMap<>();
    all.putAll(mail.deliveries());
    all.putAll(webhooks.deliveries());
    return all;
  }

  private static List<WorkerHealth> workers(
      ChatRepository chats, Realtime realtime, OutboxSender outboxSender) {
    List<WorkerHealth> all = new ArrayList<>();
    all.add(chats.writerHealth());
    all.add(outboxSender);
    all.addAll(realtime.workers());
    return all;
  }

  public int port() {
    return web.port();
  }

  /** Bytes of request bodies held while they arrive (tests watch the budget with it). */
  public long bodyBytesHeld() {
    return web.bodyBytesHeld();
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

  /** Deletes the uploads never attached to a message that are old enough, now (for tests). */
  public int deleteOrphanUploadsNow() {
    return orphanUploads.sweepNow();
  }

  /** The REST endpoints the server answers, as registered. */
  public List<WebServer.Route> routes() {
    return web.routes();
  }

  @Override
  public void close() {
    orphanUploads.close();
    passwords.close(); // first, so that the sign-ins it drops are answered
    web.stop();
    search.close();
    outboxSender.close();
    mail.close();
    team.close();
    // Writes still queued are committed first; their acks and events need the realtime side still
    // open.
    chatRepository.close();
    sharedLimits.close();
    realtime.close();
    termination.close();
    db.close();
    metrics.close();
  }
}
