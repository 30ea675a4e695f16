package dev.supportchat.realtime.transport;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which browser origins may talk to the Socket.IO endpoint.
 *
 * <p>engine.io-server only omits CORS headers for a foreign origin; it still processes the request,
 * and browsers never apply CORS to websockets at all. Because the handshake may authenticate with
 * the {@code accessToken} cookie, a foreign page could otherwise open a socket as the victim
 * (cross-site websocket hijacking), so every request carrying a foreign {@code Origin} is refused
 * outright.
 *
 * <p>Allowed: no {@code Origin} header (non-browser clients, same-origin GETs), the server's own
 * origin (the widget and dashboard are served by this server), and the configured list. A wildcard
 * is rejected.
 */
final class OriginPolicy {

  private final Set<String> allowed;

  OriginPolicy(List<String> configuredOrigins) {
    Set<String> normalized = new LinkedHashSet<>();
    for (String origin : configuredOrigins) {
      if (origin.isBlank()) {
        continue;
      }
      if (origin.trim().equals("*")) {
        throw new IllegalArgumentException(
            "CORS origin '*' is not allowed for Socket.IO; list the origins");
      }
      normalized.add(
          normalize(origin)
              .orElseThrow(() -> new IllegalArgumentException("Not an http(s) origin: " + origin)));
    }
    this.allowed = Collections.unmodifiableSet(normalized);
  }

  /**
   * The configured origins as browsers serialize them, which is what engine.io compares against.
   */
  List<String> configuredOrigins() {
    return new ArrayList<>(allowed);
  }

  /**
   * @param origin the request's Origin header, or null
   * @param requestScheme the scheme the server sees ({@code http}/{@code https})
   * @param hostHeader the request's Host header, used to recognise same-origin requests
   */
  boolean permits(String origin, String requestScheme, String hostHeader) {
    if (origin == null) {
      return true;
    }
    Optional<String> normalized = normalize(origin);
    if (normalized.isEmpty()) {
      return false; // includes the literal "null" origin of sandboxed frames and file: pages
    }
    if (allowed.contains(normalized.get())) {
      return true;
    }
    return hostHeader != null
        && requestScheme != null
        && normalize(requestScheme + "://" + hostHeader).equals(normalized);
  }

  /**
   * Browser serialization: lower-case {@code scheme://host[:port]}, default port omitted, no path.
   */
  static Optional<String> normalize(String origin) {
    try {
      URI uri = new URI(origin.trim());
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
        return Optional.empty();
      }
      String path = uri.getRawPath();
      if ((path != null && !path.isEmpty() && !path.equals("/"))
          || uri.getRawQuery() != null
          || uri.getRawUserInfo() != null) {
        return Optional.empty();
      }
      int port = uri.getPort();
      boolean defaultPort =
          port == -1
              || (scheme.equals("http") && port == 80)
              || (scheme.equals("https") && port == 443);
      String host = uri.getHost().toLowerCase(Locale.ROOT);
      return Optional.of(scheme + "://" + host + (defaultPort ? "" : ":" + port));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }
}
