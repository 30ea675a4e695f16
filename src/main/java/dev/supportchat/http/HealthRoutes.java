package dev.supportchat.http;

import dev.supportchat.store.Database;
import io.javalin.http.Context;
import java.util.Map;

/** {@code GET /health}: 200 when the database answers, 503 when it does not, for load balancers. */
public final class HealthRoutes {
  private final Database db;

  public HealthRoutes(Database db) {
    this.db = db;
  }

  void check(Context ctx) {
    boolean up = db.isReachable();
    int status = up ? 200 : 503;
    Map<String, Object> data = Map.of("status", up ? "ok" : "unavailable", "database", up ? "up" : "down");
    ctx.status(status).json(up
        ? ApiEnvelope.ok(status, data, "healthy")
        : new ApiEnvelope(status, data, "database unreachable", false, null, null));
  }
}
