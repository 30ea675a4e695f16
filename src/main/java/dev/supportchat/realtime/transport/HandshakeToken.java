package dev.supportchat.realtime.transport;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.json.JSONObject;

/**
 * Finds the access token a client presented when connecting, in the contract's order of precedence:
 * {@code auth.token} of the CONNECT packet, the {@code Authorization: Bearer} header, the {@code
 * token} query parameter, the {@code accessToken} cookie. Headers, query and cookie are those of
 * the first HTTP request of the engine.io connection.
 *
 * <p>The first place that holds a token decides: an invalid {@code auth.token} is not rescued by a
 * valid cookie, so what the client meant to send is what gets judged.
 */
final class HandshakeToken {

  static final String COOKIE_NAME = "accessToken";

  private HandshakeToken() {}

  static Optional<String> find(
      Object connectData, Map<String, String> query, Map<String, List<String>> headers) {
    return fromAuth(connectData)
        .or(() -> fromBearerHeader(headers))
        .or(() -> nonBlank(query == null ? null : query.get("token")))
        .or(() -> fromCookie(headers));
  }

  private static Optional<String> fromAuth(Object connectData) {
    if (connectData instanceof JSONObject auth && auth.opt("token") instanceof String token) {
      return nonBlank(token);
    }
    return Optional.empty();
  }

  private static Optional<String> fromBearerHeader(Map<String, List<String>> headers) {
    for (String value : header(headers, "Authorization")) {
      String trimmed = value.trim();
      if (trimmed.length() > 7
          && trimmed.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
        return nonBlank(trimmed.substring(7));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> fromCookie(Map<String, List<String>> headers) {
    for (String cookieHeader : header(headers, "Cookie")) {
      for (String pair : cookieHeader.split(";")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).trim().equals(COOKIE_NAME)) {
          return nonBlank(unquote(pair.substring(eq + 1).trim()));
        }
      }
    }
    return Optional.empty();
  }

  /** Header names are case-insensitive, and the two transports deliver them in different cases. */
  private static List<String> header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return List.of();
    }
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey() != null
          && entry.getKey().equalsIgnoreCase(name)
          && entry.getValue() != null) {
        return entry.getValue();
      }
    }
    return List.of();
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static Optional<String> nonBlank(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }
}
