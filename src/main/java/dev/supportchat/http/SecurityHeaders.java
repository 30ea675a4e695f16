package dev.supportchat.http;

import io.javalin.http.Context;

/**
 * Headers that keep browsers from guessing content types, leaking URLs, running injected script, or
 * framing the dashboard. The widget page is the one page meant to be framed, by the sites listed in
 * {@code WIDGET_FRAME_ANCESTORS}. Pages may connect only to their own origin ({@code connect-src
 * 'self'}, which CSP 3 browsers also apply to websockets to the same host): an injected script
 * could not send what it read anywhere else.
 */
final class SecurityHeaders {
  private static final String BASE_POLICY =
      "default-src 'self'; script-src 'self'; "
          + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; "
          + "object-src 'none'; base-uri 'self'; form-action 'self'; ";
  private static final String WIDGET_PATH_PREFIX = "/widget";

  private final String widgetPolicy;
  private final String pagePolicy;

  /**
   * @param widgetFrameAncestors a validated CSP source list, e.g. {@code 'self'
   *     https://shop.example.com}
   */
  SecurityHeaders(String widgetFrameAncestors) {
    this.widgetPolicy = BASE_POLICY + "frame-ancestors " + widgetFrameAncestors;
    this.pagePolicy = BASE_POLICY + "frame-ancestors 'self'";
  }

  void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "strict-origin-when-cross-origin");
    boolean widget = ctx.path().startsWith(WIDGET_PATH_PREFIX);
    ctx.header("Content-Security-Policy", widget ? widgetPolicy : pagePolicy);
    if (!widget) {
      // For browsers that predate frame-ancestors.
      ctx.header("X-Frame-Options", "SAMEORIGIN");
    }
  }
}
