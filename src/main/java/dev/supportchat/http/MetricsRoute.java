package dev.supportchat.http;

import dev.supportchat.error.AppException;
import dev.supportchat.metrics.ServerMetrics;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics} in the Prometheus text format, only for a caller presenting {@code
 * METRICS_TOKEN} as a bearer token. Without the setting the route does not exist: the numbers
 * (queue depths, connected admins, request rates) tell an attacker about the deployment, so they
 * are never public by accident.
 */
final class MetricsRoute {
  static final String PATH = "/metrics";
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final ServerMetrics metrics;
  private final byte[] expected;

  MetricsRoute(ServerMetrics metrics, String token) {
    this.metrics = metrics;
    this.expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
  }

  void serve(Context ctx) {
    String presented = ctx.header("Authorization");
    // Constant-time comparison: the time taken must not tell how much of a guess was right.
    if (presented == null
        || !MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
      throw AppException.unauthorized(
          "Metrics need 'Authorization: Bearer <METRICS_TOKEN>' (see docs/DEPLOYMENT.md).");
    }
    ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
  }
}
