package dev.supportchat.realtime.transport;

import dev.supportchat.error.AppException;
import dev.supportchat.http.BodyRefusal;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.utils.ParseQS;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeRequest;
import org.eclipse.jetty.ee10.websocket.server.JettyServerUpgradeResponse;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServlet;
import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServletFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servlet behind {@code /socket.io/*}: websocket upgrades become {@link
 * EngineIoJettyWebSocket}s, every other request is engine.io long-polling.
 *
 * <p>{@link JettyWebSocketServlet#service} performs the upgrade itself and falls through to {@code
 * doGet}/{@code doPost} for plain HTTP. The servlet must be registered async-supported: a long-poll
 * GET is parked with {@code startAsync()} and holds no thread.
 *
 * <p>Jetty performs the upgrade on a view of the request without its query string: its websocket
 * session would otherwise keep the query parsed twice more (request URI and parameter map, ~0.6 KB
 * per open websocket) for the connection's lifetime, while only engine.io reads it, from {@link
 * EngineIoJettyWebSocket#getQuery()}.
 */
final class EngineIoServlet extends JettyWebSocketServlet {

  private static final Logger LOG = LoggerFactory.getLogger(EngineIoServlet.class);

  /** Frames under a quarter of this are gathered into one write per connection (see configure). */
  static final int OUTPUT_BUFFER_BYTES = 32 * 1024;

  private final transient EngineIoServer engine;
  private final transient OriginPolicy originPolicy;
  private final transient SocketIoTransportOptions options;
  private final transient PollingLiveness liveness;

  EngineIoServlet(
      EngineIoServer engine, OriginPolicy originPolicy, SocketIoTransportOptions options) {
    this.engine = engine;
    this.originPolicy = originPolicy;
    this.options = options;
    this.liveness = new PollingLiveness(options);
  }

  @Override
  public void init() throws ServletException {
    // Before super.init(), which takes the frame-handler factory for this servlet's mapping.
    DetachingFrameHandlerFactory.install(getServletContext());
    super.init();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    boolean upgrade = "websocket".equalsIgnoreCase(request.getHeader("Upgrade"));
    if (!upgrade && !SERVLET_METHODS.contains(request.getMethod())) {
      otherMethod(request, response);
      return;
    }
    super.service(upgrade ? new WithoutQuery(request) : request, response);
  }

  /** The methods this servlet answers itself; engine.io answers every other one. */
  private static final Set<String> SERVLET_METHODS = Set.of("GET", "POST", "OPTIONS");

  /**
   * HEAD, PUT, DELETE, PATCH…: engine.io-server answers as the protocol says (a handshake that is
   * not a GET: 400 "Bad handshake method"; a session's request: 500), not the servlet's 405 or 501,
   * and a HEAD does not open a session as a GET would.
   */
  private void otherMethod(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (request.getMethod().equalsIgnoreCase("GET")
        || request.getMethod().equalsIgnoreCase("POST")) {
      // "get", "Post"…: other methods to Jetty (methods are case-sensitive), but engine.io-server
      // compares them ignoring case, and would take one for a handshake answered before the
      // connect-auth gate guards it (HeldHandshakeResponse) or for a POST whose body it reads
      // itself, unbounded and holding the session's lock while the client sends it.
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "bad method");
      return;
    }
    Optional<Map<String, String>> query = admit(request, response);
    if (query.isPresent()) {
      EngineSessions.run(
          engine, query.get().get("sid"), () -> engine.handleRequest(request, response));
    }
  }

  /** The request as Jetty's websocket upgrade sees it: no query string. */
  private static final class WithoutQuery extends HttpServletRequestWrapper {
    WithoutQuery(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getQueryString() {
      return null;
    }

    /** The request as the client sent it. */
    HttpServletRequest original() {
      return (HttpServletRequest) getRequest();
    }
  }

  /**
   * Undoes {@link WithoutQuery}: engine.io gets the request as sent (an upgrade Jetty declined).
   */
  private static HttpServletRequest original(HttpServletRequest request) {
    return request instanceof WithoutQuery view ? view.original() : request;
  }

  @Override
  protected void configure(JettyWebSocketServletFactory factory) {
    // Jetty's defaults are 64 KB per message; engine.io's limit is the one to enforce.
    factory.setMaxTextMessageSize(options.maxPayloadBytes());
    factory.setMaxBinaryMessageSize(options.maxPayloadBytes());
    factory.setMaxOutgoingFrames(options.maxOutgoingFrames());
    // Jetty copies a batched frame into its write buffer only when the frame is under a quarter of
    // this size; any other is written at once, with its own system call. At the default 4 KB, an
    // event over 1 KB (a chat notification is 1-3 KB) was written alone even inside a FrameBatch:
    // a third of the emitting thread's time (issue 20's profile). The buffer is the pool's, taken
    // for one flush and given back.
    factory.setOutputBufferSize(OUTPUT_BUFFER_BYTES);
    // engine.io's own ping/pong decides liveness; Jetty's idle timeout only has to be longer than
    // one ping cycle so it never closes a healthy but quiet connection first.
    factory.setIdleTimeout(
        options.pingInterval().plus(options.pingTimeout()).plus(Duration.ofSeconds(10)));
    factory.setCreator(this::createWebSocket);
  }

  private Object createWebSocket(
      JettyServerUpgradeRequest request, JettyServerUpgradeResponse response) throws IOException {
    HttpServletRequest http = original(request.getHttpServletRequest());
    if (!originPermitted(http)) {
      response.sendForbidden("origin not allowed");
      return null;
    }
    Optional<Map<String, String>> query = parseQuery(http.getQueryString());
    if (query.isEmpty()) {
      response.sendError(HttpServletResponse.SC_BAD_REQUEST, "bad query");
      return null;
    }
    // Negotiate no extensions. The Node client offers permessage-deflate and Jetty would accept it;
    // with it, echo-with-ack throughput fell from ~12.5k to ~3.7k msg/s here (8x in the earlier
    // library comparison), for small frames that barely compress. Set per response, so Javalin's
    // own websocket routes keep Jetty's defaults.
    response.setExtensions(List.of());
    Map<String, List<String>> headers = request.getHeaders();
    return new EngineIoJettyWebSocket(engine, query.get(), headers, options.maxPayloadBytes());
  }

  @Override
  protected void doGet(HttpServletRequest sent, HttpServletResponse response) throws IOException {
    HttpServletRequest request = original(sent);
    Optional<Map<String, String>> query = admit(request, response);
    if (query.isEmpty()) {
      return;
    }
    String sid = query.get().get("sid");
    if (sid != null) {
      if (liveness.polled(sid)) {
        forgetWhenClosed(sid);
      }
      // A poll's answer is written on whichever thread sends; never with a blocking write
      // (PollAnswer says why).
      PollAnswer poll =
          new PollAnswer(
              request,
              response,
              () -> EngineSessions.endPollingAtOnce(engine, sid, "write failure"));
      try {
        EngineSessions.run(
            engine, sid, () -> engine.handleRequest(poll.request(), poll.response()));
      } catch (RuntimeException overlap) {
        // A GET while another of the session is parked: engine.io-server ends the session ("overlap
        // from client") and then throws a NullPointerException answering the parked one. The
        // protocol's answer to this GET is 400; any other failure stays a server error.
        if (!EngineSessions.ended(engine, sid) || response.isCommitted()) {
          throw overlap;
        }
        LOG.debug("Overlapping poll of session {}", sid, overlap);
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, "overlapping poll");
      }
      return;
    }
    // A handshake: its answer carries the session id, so it waits until the connect-auth gate
    // guards the new session (HeldHandshakeResponse says why).
    HeldHandshakeResponse handshake =
        new HeldHandshakeResponse(response, options.maxPayloadBytes());
    engine.handleRequest(request, handshake);
    handshake.release();
  }

  private void forgetWhenClosed(String sid) {
    EngineSessions.whenClosed(engine, sid, () -> liveness.forget(sid));
  }

  @Override
  protected void doPost(HttpServletRequest sent, HttpServletResponse response) throws IOException {
    HttpServletRequest request = original(sent);
    Optional<AppException> refusal = BodyRefusal.of(request);
    if (refusal.isPresent()) {
      // The body was too slow, too large or over a budget (BodyFirstHandler): the session is left
      // as it is, and the client may send again.
      refuse(response, refusal.get().code().httpStatus(), refusal.get().getMessage());
      return;
    }
    Optional<Map<String, String>> query = admit(request, response);
    if (query.isEmpty()) {
      return;
    }
    Optional<BufferedBodyRequest> buffered =
        BufferedBodyRequest.read(request, options.maxPayloadBytes());
    if (buffered.isEmpty()) {
      refuse(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "payload too large");
      return;
    }
    String sid = query.get().get("sid");
    if (sid != null && liveness.overdue(sid, () -> forgetWhenClosed(sid))) {
      // Posts alone would keep the session, and all that is sent to it, for good
      // (PollingLiveness says why).
      EngineSessions.endPollingAtOnce(engine, sid, "not polling");
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "session ended: it stopped polling");
      return;
    }
    if (sid != null && !buffered.get().isPollingPayload()) {
      // The protocol ends a session that sends a malformed payload (PollingPayload says why here).
      EngineSessions.endPollingAtOnce(engine, sid, "parse error");
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "bad payload");
      return;
    }
    try {
      EngineSessions.run(engine, sid, () -> engine.handleRequest(buffered.get(), response));
    } catch (RuntimeException undecodable) {
      // engine.io-server's payload decoder throws on an empty packet or bad base64 before it hands
      // any packet on. PollingPayload now refuses those first; should the decoder still find
      // fault, that is the client's error (400), not ours (500).
      LOG.debug("Undecodable polling payload", undecodable);
      if (!response.isCommitted()) {
        response.reset();
        refuse(response, HttpServletResponse.SC_BAD_REQUEST, "bad payload");
      }
    }
  }

  /**
   * CORS preflight. engine.io-server answers OPTIONS with an error, so a browser client that adds
   * headers (extraHeaders, e.g. Authorization) could not poll cross-origin without this.
   */
  @Override
  protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
    String origin = request.getHeader("Origin");
    if (origin == null || !originPermitted(request)) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    response.setHeader("Access-Control-Allow-Origin", origin);
    response.setHeader("Access-Control-Allow-Credentials", "true");
    response.setHeader("Access-Control-Allow-Methods", "GET, POST");
    response.setHeader("Access-Control-Allow-Headers", "authorization, content-type");
    response.setHeader("Access-Control-Max-Age", "600");
    response.setHeader("Vary", "Origin");
    response.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }

  /**
   * Checks shared by every polling request: the query when admitted, else empty (the refusal is
   * answered).
   */
  private Optional<Map<String, String>> admit(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (!originPermitted(request)) {
      refuse(response, HttpServletResponse.SC_FORBIDDEN, "origin not allowed");
      return Optional.empty();
    }
    // engine.io-server throws on a missing query string and on repeated parameters; answer 400
    // instead of letting that surface as a 500.
    Optional<Map<String, String>> query = parseQuery(request.getQueryString());
    if (query.isEmpty()) {
      refuse(response, HttpServletResponse.SC_BAD_REQUEST, "bad query");
    }
    return query;
  }

  private boolean originPermitted(HttpServletRequest request) {
    return originPolicy.permits(
        request.getHeader("Origin"), request.getScheme(), request.getHeader("Host"));
  }

  private static Optional<Map<String, String>> parseQuery(String queryString) {
    if (queryString == null || queryString.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ParseQS.decode(queryString));
    } catch (RuntimeException e) {
      LOG.debug("Unparsable Socket.IO query {}", queryString, e);
      return Optional.empty();
    }
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("text/plain;charset=utf-8");
    response.getWriter().write(message);
  }
}
