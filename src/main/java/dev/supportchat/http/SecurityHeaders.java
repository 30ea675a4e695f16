package dev.supportchat.http;

import io.javalin.http.Context;

/**
 * Headers that keep browsers from guessing content types, leaking URLs, running injected script, or framing the
 * dashboard. The widget page is the one page meant to be framed by customers' sites.
 */
final class SecurityHeaders {
  private static final String BASE_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss:; "
      + "object-src 'none'; base-uri 'self'; form-action 'self'; ";

  private static volatile String widgetFrameAncestors = "*";

  private SecurityHeaders() {}

  static void configureWidgetFrameAncestors(String ancestors) {
    widgetFrameAncestors = ancestors;
  }

  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    boolean widget = ctx.path().startsWith("/widget");
    ctx.header("Content-Security-Policy",
        BASE_POLICY + "frame-ancestors " + (widget ? widgetFrameAncestors : "'self'"));
    if (!widget) {
      ctx.header("X-Frame-Options", "SAMEORIGIN");
    }
  }
}
