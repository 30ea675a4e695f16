package dev.supportchat.http;

import dev.supportchat.store.Database;
import dev.supportchat.worker.WorkerHealth;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /health}, for load balancers: 200 when the database answers and every worker thread
 * (message writer, emitters) is running and getting through its queue; 503 with the reasons
 * otherwise, so traffic leaves a node that would accept sends it can no longer store or deliver.
 */
public final class HealthRoutes {
  /**
   * Work queued this long with no batch finished means the worker is stuck (a batch normally takes
   * milliseconds).
   */
  public static final long STALL_MILLIS = 5_000;

  private final Database db;
  private final List<WorkerHealth> workers;

  public HealthRoutes(Database db, List<WorkerHealth> workers) {
    this.db = db;
    this.workers = List.copyOf(workers);
  }

  void check(Context ctx) {
    boolean dbUp = db.isReachable();
    Map<String, Object> workerStates = new LinkedHashMap<>();
    StringBuilder problems = new StringBuilder(dbUp ? "" : "database unreachable");
    for (WorkerHealth worker : workers) {
      Optional<String> problem = worker.problem(STALL_MILLIS);
      workerStates.put(worker.name(), problem.isEmpty() ? "ok" : problem.get());
      problem.ifPresent(p -> problems.append(problems.length() == 0 ? "" : "; ").append(p));
    }
    boolean healthy = problems.length() == 0;
    int status = healthy ? 200 : 503;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("status", healthy ? "ok" : "unavailable");
    data.put("database", dbUp ? "up" : "down");
    data.put("workers", workerStates);
    ctx.status(status)
        .json(
            healthy
                ? ApiEnvelope.ok(status, data, "healthy")
                : new ApiEnvelope(status, data, problems.toString(), false, null, null));
  }
}
