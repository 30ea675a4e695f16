package dev.supportchat.http;

import dev.supportchat.error.AppException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.List;

/**
 * Cross-origin rules for the REST API: requests from the server's own origin always pass; other
 * origins only when listed in {@code CORS_ORIGIN}; everything else is refused with a 403 rather
 * than served to a page that must not read it.
 */
final class Cors {
  private static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
  private static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Request-Id";
  private static final String MAX_AGE_SECONDS = "600";

  private final List<String> allowedOrigins;

  Cors(List<String> allowedOrigins) {
    this.allowedOrigins = List.copyOf(allowedOrigins);
  }

  /** Runs before every request; answers preflights itself. */
  void apply(Context ctx) {
    String origin = ctx.header("Origin");
    if (origin == null || isSameOrigin(origin, ctx.header("Host"))) {
      return;
    }
    if (!allowedOrigins.contains(origin)) {
      throw AppException.forbidden("Origin " + origin + " is not allowed.");
    }
    ctx.header("Access-Control-Allow-Origin", origin);
    ctx.header("Access-Control-Allow-Credentials", "true");
    ctx.header("Vary", "Origin");
    if (ctx.method().name().equals("OPTIONS")) {
      ctx.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
      ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
      ctx.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
      ctx.status(HttpStatus.NO_CONTENT);
      ctx.skipRemainingHandlers();
    }
  }

  boolean isAllowed(String origin, String host) {
    return origin == null || isSameOrigin(origin, host) || allowedOrigins.contains(origin);
  }

  /** Same host and port; the scheme is not compared because a TLS-terminating proxy changes it. */
  static boolean isSameOrigin(String origin, String host) {
    if (host == null) {
      return false;
    }
    try {
      URI uri = URI.create(origin);
      if (uri.getHost() == null) {
        return false;
      }
      String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
      String defaultPortStripped =
          host.endsWith(":80") || host.endsWith(":443")
              ? host.substring(0, host.lastIndexOf(':'))
              : host;
      return originHost.equalsIgnoreCase(host) || originHost.equalsIgnoreCase(defaultPortStripped);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
