package dev.supportchat.http;

import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;

import dev.supportchat.config.AppConfig;
import dev.supportchat.error.AppException;
import dev.supportchat.error.ErrorCode;
import dev.supportchat.json.Json;
import dev.supportchat.limit.SharedBudget;
import dev.supportchat.logging.LogContext;
import dev.supportchat.metrics.ServerMetrics;
import io.javalin.Javalin;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.config.JavalinConfig;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Gauge;
import java.net.BindException;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: one Javalin app holding the REST route tree, the error mapping to the envelope,
 * request ids and logging, CORS, security headers, the built web app, and (through {@link Mount})
 * the Socket.IO servlet.
 */
public final class WebServer {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);
  private static final Logger requestLog = LoggerFactory.getLogger("http.request");
  static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final String REQUEST_ID = "requestId";
  private static final String ERROR_WRITTEN = "errorWritten";

  /** A feature's routes, declared under a path of the one tree. */
  public record RouteGroup(String path, EndpointGroup endpoints) {}

  /**
   * An HTTP endpoint as registered on the router: method and path template, e.g. {@code GET
   * /api/v1/users/me}.
   */
  public record Route(String method, String path) {}

  /** Something else mounted on the same server and port (the Socket.IO servlet). */
  public interface Mount extends Consumer<JavalinConfig> {}

  private final Javalin app;
  private final SharedBudget bodies;

  private WebServer(Javalin app, SharedBudget bodies) {
    this.bodies = bodies;
    this.app = app;
  }

  /** Bytes of request bodies held while they arrive, in all. */
  public long bodyBytesHeld() {
    return bodies.held();
  }

  public static WebServer create(
      AppConfig config,
      QueuedThreadPool requestThreads,
      ServerMetrics metrics,
      HealthRoutes health,
      List<RouteGroup> apiGroups,
      List<Mount> mounts,
      WebAppFiles webApp) {
    Cors cors = new Cors(config.corsOrigins());
    SecurityHeaders securityHeaders = new SecurityHeaders(config.widgetFrameAncestors());
    WebServer[] server = new WebServer[1];
    SharedBudget bodies =
        new SharedBudget(config.bodies().maxHeldBytes(), config.bodies().maxHeldBytesPerAddress());
    Gauge.builder("http.request.body.held", bodies, SharedBudget::held)
        .description("Bytes of request bodies held while they arrive (BODY_BUFFER_BYTES)")
        .baseUnit("bytes")
        .register(metrics.registry());
    ApiDescription description = new ApiDescription(() -> server[0].routes());
    ApiReferencePage reference = new ApiReferencePage();
    Javalin app =
        Javalin.create(
            c -> {
              c.jetty.threadPool = requestThreads;
              configure(c, config, metrics, bodies);
              mounts.forEach(m -> m.accept(c));
              webApp.register(c);
              reference.register(c);
              c.routes.before(ctx -> startRequest(ctx, securityHeaders));
              c.routes.before("/api/*", cors::apply);
              c.routes.before(BodyFirstHandler::throwRefusal);
              c.routes.before(ctx -> UnexpectedBody.discard(ctx, config.maxRequestBytes()));
              c.routes.apiBuilder(
                  () -> {
                    get("/health", health::check);
                    get(
                        "/api/v1/openapi.json",
                        ctx -> ctx.contentType("application/json").result(description.json()));
                    get(ApiReferencePage.PATH, reference::serve);
                    config
                        .operations()
                        .metricsToken()
                        .ifPresent(
                            token ->
                                get(MetricsRoute.PATH, new MetricsRoute(metrics, token)::serve));
                    path("/api/v1", () -> apiGroups.forEach(g -> path(g.path(), g.endpoints())));
                  });
              mapErrors(c);
            });
    server[0] = new WebServer(app, bodies);
    return server[0];
  }

  private static void configure(
      JavalinConfig c, AppConfig config, ServerMetrics metrics, SharedBudget bodies) {
    c.startup.showJavalinBanner = false;
    c.startup.showOldJavalinVersionWarning = false;
    c.jsonMapper(new JavalinJackson(Json.MAPPER, false));
    // Javalin's own static files handler reads classpath files through the class loader. Jetty's
    // (Javalin's default) mounts the whole jar as a zip file system twice per location, and each
    // mount keeps the jar's directory of 12,000+ entries on the heap: 8 mounts, ~25 MB held for
    // the life of the process (docs/BENCHMARKS.md, issue 20's memory).
    c.resourceHandler(new JavalinStaticResourceHandler());
    c.http.maxRequestSize = config.maxRequestBytes();
    c.jetty.host = config.host();
    c.jetty.port = config.port();
    c.jetty.multipartConfig.maxFileSize(config.maxAttachmentBytes(), SizeUnit.BYTES);
    c.jetty.multipartConfig.maxTotalRequestSize(
        config.maxAttachmentBytes() + AppConfig.MULTIPART_OVERHEAD_BYTES, SizeUnit.BYTES);
    // Every body is read in full, without a thread, before Javalin's handlers (which read with
    // blocking reads) see the request; Javalin puts its servlet context inside this handler.
    ClientAddress clientAddress = new ClientAddress(config.trustProxy(), config.trustedProxies());
    c.jetty.modifyServer(
        server ->
            server.setHandler(
                new BodyFirstHandler(
                    config.largestBody(),
                    bodies,
                    new BodyPace(config.bodies().minBytesPerSecond(), BodyPace.WINDOW),
                    request ->
                        ClientAddress.network(
                            clientAddress.of(
                                Request.getRemoteAddr(request),
                                request.getHeaders().getValuesList("X-Forwarded-For"))))));
    c.jetty.multipartConfig.maxInMemoryFileSize(64 * 1024, SizeUnit.BYTES);
    c.requestLogger.http(
        (ctx, ms) -> {
          logRequest(ctx, ms);
          record(metrics, ctx, ms);
        });
  }

  /**
   * Jetty's request threads, at most {@code max} (HTTP_THREADS). Javalin's default allows 250, and
   * a pool only ever shrinks by one thread a minute, and only when a thread has had nothing to do
   * for a whole minute, which never happens under steady traffic: every thread a burst once needed
   * stayed, with its stack (issue 20, memory). Passwords have threads of their own, and bodies,
   * downloads, long-polls and throttled logins wait without one; what still holds a request thread
   * is listed in docs/DECISIONS.md.
   */
  public static QueuedThreadPool requestThreads(int max) {
    QueuedThreadPool threads = new QueuedThreadPool(max, 8, 60_000);
    threads.setName("JettyServerThreadPool");
    return threads;
  }

  private static void startRequest(Context ctx, SecurityHeaders securityHeaders) {
    String incoming = ctx.header(REQUEST_ID_HEADER);
    String id =
        incoming != null && incoming.matches("[A-Za-z0-9._-]{8,64}")
            ? incoming
            : LogContext.newRequestId();
    ctx.attribute(REQUEST_ID, id);
    ctx.header(REQUEST_ID_HEADER, id);
    // Every line logged while handling it carries the id (LOG_FORMAT=json: requestId).
    LogContext.begin(id);
    securityHeaders.apply(ctx);
  }

  static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID);
    return id != null ? id : UUID.randomUUID().toString();
  }

  private static void logRequest(Context ctx, Float ms) {
    if (ctx.path().startsWith("/socket.io")) {
      LogContext.end();
      return;
    }
    LogContext.begin(requestId(ctx));
    String userId = ctx.attribute(LogContext.USER_ID);
    LogContext.user(userId);
    try {
      // Only method, path (no query: it may carry a token), status and time; never bodies.
      requestLog.info(
          "{} {} {} {}ms", ctx.method(), ctx.path(), ctx.statusCode(), String.format("%.1f", ms));
    } finally {
      LogContext.end();
    }
  }

  private static void record(ServerMetrics metrics, Context ctx, Float ms) {
    if (ctx.path().startsWith("/socket.io")) {
      return; // counted as sockets and events
    }
    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
    // The route's template, or one label for everything else (static files, unknown paths), so a
    // scanner probing random paths cannot grow the number of series.
    String route = matched != null ? matched.path : "other";
    metrics.httpRequest(
        ctx.method().name(), route, ctx.statusCode(), (long) (ms.doubleValue() * 1_000_000));
  }

  private static void mapErrors(JavalinConfig c) {
    c.routes.exception(
        AppException.class, (e, ctx) -> writeError(ctx, e.code(), e.getMessage(), e.details(), e));
    c.routes.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          ErrorCode code = codeFor(e.getStatus());
          String message =
              code == ErrorCode.NOT_FOUND
                  ? "No such route: " + ctx.method() + " " + ctx.path()
                  : messageFor(code, e.getMessage());
          writeError(ctx, code, message, null, null);
        });
    c.routes.exception(
        Exception.class,
        (e, ctx) -> {
          String id = requestId(ctx);
          log.error("Unexpected error in {} {} (request {})", ctx.method(), ctx.path(), id, e);
          writeError(
              ctx,
              ErrorCode.INTERNAL,
              "Something went wrong on our side. Request id: " + id,
              null,
              null);
        });
    c.routes.error(
        404,
        ctx -> {
          if (ctx.attribute(ERROR_WRITTEN) == null) {
            writeError(
                ctx,
                ErrorCode.NOT_FOUND,
                "No such route: " + ctx.method() + " " + ctx.path(),
                null,
                null);
          }
        });
    c.routes.error(
        405,
        ctx -> {
          if (ctx.attribute(ERROR_WRITTEN) == null) {
            writeError(
                ctx,
                ErrorCode.NOT_FOUND,
                "No such route: " + ctx.method() + " " + ctx.path(),
                null,
                null);
          }
        });
  }

  private static void writeError(
      Context ctx,
      ErrorCode code,
      String message,
      List<AppException.Detail> details,
      AppException source) {
    List<AppException.Detail> errors =
        details != null
            ? details
            : List.of(new AppException.Detail(code.wireName(), message, null));
    if (source != null && source.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", String.valueOf(source.retryAfterSeconds()));
    }
    if (code == ErrorCode.TOO_LARGE) {
      // The rest of an oversized body is left unread, so this connection cannot carry another
      // request; saying so keeps clients from sending their next request into a connection the
      // server is about to drop.
      ctx.header("Connection", "close");
    }
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    ctx.status(code.httpStatus())
        .json(ApiEnvelope.error(code.httpStatus(), message, errors, requestId(ctx)));
  }

  private static ErrorCode codeFor(int status) {
    for (ErrorCode code : ErrorCode.values()) {
      if (code.httpStatus() == status) {
        return code;
      }
    }
    return status >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID;
  }

  private static String messageFor(ErrorCode code, String fallback) {
    return switch (code) {
      case TOO_LARGE -> "The request body is too large.";
      case NOT_FOUND -> "Not found.";
      default -> fallback;
    };
  }

  /**
   * Starts listening; throws {@link PortInUseException} with one sentence when the port is taken.
   */
  public WebServer start() {
    try {
      app.start();
    } catch (RuntimeException e) {
      if (isBindFailure(e)) {
        throw new PortInUseException(app.unsafe.jetty.port);
      }
      throw e;
    }
    return this;
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return true;
      }
    }
    return false;
  }

  public int port() {
    return app.port();
  }

  /**
   * Every endpoint of the route tree (not the before-filters), read from Javalin's router; tests
   * cover them all.
   */
  public List<Route> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> new Route(endpoint.method.name(), endpoint.path))
        .toList();
  }

  public void stop() {
    app.stop();
  }

  /** The configured port is already taken by another process. */
  public static final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortInUseException(int port) {
      super(
          "Port "
              + port
              + " is already in use; stop the other process or set PORT to a free port.");
    }
  }
}
