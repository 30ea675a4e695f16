package dev.supportchat.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.http.WebServer.Route;
import dev.supportchat.security.HostileHttp.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Hostile requests for the server's real routes: path parameters, query parameters, bodies, content
 * types and bearer tokens drawn from {@link HostileStrings} and {@link HostileJson}. Some are
 * well-formed sends and registrations with hostile content, so that what gets stored can be
 * compared with what was sent.
 */
final class RestFuzzCases {
  /** A request to send, and the token it goes with. */
  record Case(Request request, String token, String routeKey) {}

  static final String SEND_ROUTE = "POST /api/v1/chats/{chatId}/messages";
  static final String REGISTER_ROUTE = "POST /api/v1/users/register";
  private static final List<String> QUERY_NAMES =
      List.of("limit", "before", "since", "page", "status", "priority", "assigned", "q");
  private static final List<String> CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=nothing",
          "application/json; charset=utf-16",
          "application/xml");
  private static final List<String> FILE_TYPES =
      List.of(
          "text/plain",
          "image/png",
          "application/pdf",
          "text/html",
          "application/x-msdownload",
          "image/svg+xml",
          "");

  private final HostileStrings strings;
  private final HostileJson json;
  private final MatrixFixture f;
  private final List<Route> routes;
  private int registrations;

  RestFuzzCases(HostileStrings strings, MatrixFixture fixture, List<Route> routes) {
    this.strings = strings;
    this.json = new HostileJson(strings, Integer.MAX_VALUE);
    this.f = fixture;
    this.routes = List.copyOf(routes);
  }

  Case next() {
    if (chance(60)) {
      return new Case(wellFormedRegistration(), null, REGISTER_ROUTE);
    }
    if (chance(8)) {
      String token = chance(4) ? f.token(Caller.ADMIN) : f.token(Caller.CHAT_USER);
      return new Case(wellFormedSend(f.chatPath("/messages")), token, SEND_ROUTE);
    }
    Route route = strings.pick(routes);
    String path = fillPath(route.path()) + query();
    String token = token();
    String key = route.method() + " " + route.path();
    if (route.path().endsWith("/attachments") && route.method().equals("POST") && chance(2)) {
      return new Case(
          Request.upload(path, filename(), strings.pick(FILE_TYPES), fileContent()), token, key);
    }
    byte[] body = route.method().equals("GET") && chance(2) ? new byte[0] : json.body(f.chatId);
    String contentType =
        body.length == 0 ? null : chance(5) ? strings.pick(CONTENT_TYPES) : "application/json";
    return new Case(new Request(route.method(), path, body, contentType, Map.of()), token, key);
  }

  /** A new account with a hostile name: created with it, or refused; never half-stored. */
  private Request wellFormedRegistration() {
    ObjectNode body =
        HostileJson.WRITER
            .createObjectNode()
            .put("email", "fuzz-" + registrations++ + "@example.com")
            .put("password", "password-123")
            .put("fullName", strings.random().nextBoolean() ? strings.storable() : strings.next());
    return new Request(
        "POST", "/api/v1/users/register", HostileJson.bytes(body), "application/json", Map.of());
  }

  /** A send in the right shape, so that its content, not its form, is what is tested. */
  private Request wellFormedSend(String path) {
    // Half of them with any hostile content (NUL, lone surrogates, huge): stored as sent, or
    // refused.
    ObjectNode body =
        HostileJson.WRITER
            .createObjectNode()
            .put("content", strings.random().nextBoolean() ? strings.storable() : strings.next());
    if (chance(3)) {
      body.put("clientMessageId", "fuzz-" + strings.random().nextInt(50));
    }
    if (chance(5)) {
      body.put("isInternalNote", true);
    }
    return new Request("POST", path, HostileJson.bytes(body), "application/json", Map.of());
  }

  private String fillPath(String template) {
    return template
        .replace("{chatId}", chance(4) ? encode(urlPart()) : f.chatId)
        .replace("{messageId}", chance(3) ? encode(urlPart()) : f.messageId)
        .replace("{attachmentId}", chance(3) ? encode(urlPart()) : f.attachmentId)
        // Ids of other features' routes (team, webhooks): hostile text or a well-formed unknown id.
        .replaceAll(
            "\\{[A-Za-z]+\\}",
            java.util.regex.Matcher.quoteReplacement(
                chance(2) ? encode(urlPart()) : "0123456789abcdef01234567"));
  }

  private String query() {
    int count = strings.random().nextInt(4);
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < count; i++) {
      q.append(i == 0 ? "?" : "&")
          .append(strings.pick(QUERY_NAMES))
          .append('=')
          .append(encode(queryValue()));
    }
    return q.toString();
  }

  private String queryValue() {
    return chance(3)
        ? strings.pick(List.of("-1", "0", "2147483648", "1e3", "abc", "", f.messageId))
        : urlPart();
  }

  /**
   * Mostly short: a URL over 8 KB is refused whole (414) before any route sees it; a few of those
   * are enough.
   */
  private String urlPart() {
    return chance(50) ? strings.huge() : strings.small();
  }

  private String token() {
    int roll = strings.random().nextInt(20);
    if (roll < 13) {
      return f.token(Caller.CHAT_USER);
    }
    if (roll < 17) {
      return f.token(Caller.ADMIN);
    }
    return roll < 19 ? null : strings.headerSafe();
  }

  private String filename() {
    return strings.pick(
        List.of(
            "a.txt",
            "../../etc/passwd",
            "x\u0000.txt",
            "\u202Etxt.exe",
            "<script>.txt",
            "a".repeat(5_000) + ".txt",
            "名前.txt",
            "\"quoted\".txt"));
  }

  private byte[] fileContent() {
    return strings
        .pick(
            List.of(
                "hello", "\u0000\u0001binary", "%PDF-not really", "<html><script>x</script>", ""))
        .getBytes(StandardCharsets.UTF_8);
  }

  private boolean chance(int oneIn) {
    return strings.random().nextInt(oneIn) == 0;
  }

  /**
   * Percent-encoding for any string, so hostile values reach the server whatever characters they
   * hold.
   */
  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
