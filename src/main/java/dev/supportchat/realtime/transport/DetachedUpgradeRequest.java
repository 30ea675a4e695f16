package dev.supportchat.realtime.transport;

import java.net.HttpCookie;
import java.net.URI;
import java.security.Principal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpScheme;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.UpgradeRequest;
import org.eclipse.jetty.websocket.common.JettyExtensionConfig;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;

/**
 * What a websocket session may ask of its upgrade request, kept as the request's URI (one string)
 * and headers (a map the endpoint already holds, for {@link EngineIoJettyWebSocket}); the rest is
 * derived from them when asked.
 *
 * <p>Why not Jetty's {@code CompletedUpgradeRequest}: it also keeps the parsed URI and query, a
 * second copy of the headers, the offered extensions and the cookie cache, ~1.7 KB per open
 * websocket that nothing here reads after the handshake (engine.io gets the query and headers from
 * {@link EngineIoJettyWebSocket}). Query parameters are decoded as UTF-8 on demand, or, for an
 * engine.io websocket (whose upgrade Jetty performs without the query, see {@link
 * EngineIoServlet}), taken from the query engine.io parsed.
 */
final class DetachedUpgradeRequest implements UpgradeRequest {
  /** Immutable; names as the client sent them, looked up ignoring case. */
  private final Map<String, List<String>> headers;

  private final String uri;

  /** The query as the endpoint parsed it, when Jetty's URI has none; else null. */
  private final Map<String, String> endpointQuery;

  private final String method;
  private final String httpVersion;
  private final List<String> subProtocols;
  private final boolean secure;
  private final String protocolVersion;
  private final Principal userPrincipal;

  /** Jetty's parsed cookies; only requests that sent a Cookie header keep a list. */
  private final List<org.eclipse.jetty.http.HttpCookie> cookies;

  /**
   * @param headers an immutable copy of the request's headers
   * @param endpointQuery the query the endpoint parsed (immutable), when Jetty upgraded a request
   *     without it
   */
  DetachedUpgradeRequest(
      ServerUpgradeRequest request,
      Map<String, List<String>> headers,
      Map<String, String> endpointQuery) {
    this.headers = headers;
    this.uri = request.getHttpURI().toString();
    this.endpointQuery = endpointQuery;
    this.method = request.getMethod();
    this.httpVersion = request.getConnectionMetaData().getHttpVersion().asString();
    this.subProtocols = List.copyOf(request.getSubProtocols());
    this.secure = request.isSecure();
    this.protocolVersion = request.getProtocolVersion();
    this.userPrincipal = Request.getAuthenticationState(request).getUserPrincipal();
    this.cookies =
        request.getHeaders().contains(HttpHeader.COOKIE)
            ? List.copyOf(Request.getCookies(request))
            : List.of();
  }

  @Override
  public List<HttpCookie> getCookies() {
    return cookies.stream().map(org.eclipse.jetty.http.HttpCookie::asJavaNetHttpCookie).toList();
  }

  /** The extensions the client offered, as Jetty's negotiation reads them from the header. */
  @Override
  public List<ExtensionConfig> getExtensions() {
    return getHeaders(HttpHeader.SEC_WEBSOCKET_EXTENSIONS.asString()).stream()
        .flatMap(
            value -> org.eclipse.jetty.websocket.core.ExtensionConfig.parseList(value).stream())
        .<ExtensionConfig>map(
            config -> {
              config.removeInternalParameters();
              return new JettyExtensionConfig(config);
            })
        .toList();
  }

  @Override
  public String getHeader(String name) {
    List<String> values = getHeaders(name);
    return values.isEmpty() ? null : values.get(0);
  }

  @Override
  public int getHeaderInt(String name) {
    String value = getHeader(name);
    return value == null ? -1 : Integer.parseInt(value.trim());
  }

  @Override
  public Map<String, List<String>> getHeaders() {
    return headers;
  }

  @Override
  public List<String> getHeaders(String name) {
    for (Map.Entry<String, List<String>> header : headers.entrySet()) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return header.getValue();
      }
    }
    return List.of();
  }

  @Override
  public String getHost() {
    return HttpURI.from(uri).getHost();
  }

  @Override
  public String getHttpVersion() {
    return httpVersion;
  }

  @Override
  public String getMethod() {
    return method;
  }

  @Override
  public String getOrigin() {
    return getHeader(HttpHeader.ORIGIN.asString());
  }

  @Override
  public Map<String, List<String>> getParameterMap() {
    if (endpointQuery != null) {
      Map<String, List<String>> params = new LinkedHashMap<>();
      endpointQuery.forEach((name, value) -> params.put(name, List.of(value)));
      return Collections.unmodifiableMap(params);
    }
    String query = getQueryString();
    if (query == null || query.isBlank()) {
      return Map.of();
    }
    Fields fields = new Fields();
    UrlEncoded.decodeUtf8To(query, fields);
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (Fields.Field field : fields) {
      params.put(field.getName(), field.getValues());
    }
    return Collections.unmodifiableMap(params);
  }

  @Override
  public String getProtocolVersion() {
    return protocolVersion;
  }

  @Override
  public String getQueryString() {
    if (endpointQuery != null) {
      StringJoiner query = new StringJoiner("&");
      endpointQuery.forEach(
          (name, value) ->
              query.add(UrlEncoded.encodeString(name) + "=" + UrlEncoded.encodeString(value)));
      return query.length() == 0 ? null : query.toString();
    }
    return HttpURI.from(uri).getQuery();
  }

  @Override
  public URI getRequestURI() {
    HttpURI.Mutable ws = HttpURI.build(uri).query(getQueryString());
    ws.scheme(HttpScheme.isSecure(ws.getScheme()) ? HttpScheme.WSS : HttpScheme.WS);
    return ws.toURI();
  }

  @Override
  public List<String> getSubProtocols() {
    return subProtocols;
  }

  @Override
  public Principal getUserPrincipal() {
    return userPrincipal;
  }

  @Override
  public boolean hasSubProtocol(String test) {
    return subProtocols.stream().anyMatch(s -> s.equalsIgnoreCase(test));
  }

  @Override
  public boolean isSecure() {
    return secure;
  }
}
