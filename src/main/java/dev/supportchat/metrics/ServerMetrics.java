package dev.supportchat.metrics;

import dev.supportchat.worker.WorkerHealth;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The server's meters, in Micrometer's Prometheus registry when metrics are on ({@code
 * METRICS_TOKEN} set), else in an empty composite registry, where every meter is a no-op. One per
 * {@code App}: tests start several servers in one JVM, so nothing goes to Micrometer's global
 * registry.
 */
public final class ServerMetrics implements AutoCloseable {
  private static final Duration FASTEST = Duration.ofMillis(1);
  private static final Duration SLOWEST = Duration.ofSeconds(30);

  private final MeterRegistry registry;
  private final PrometheusMeterRegistry prometheus;
  private final JvmGcMetrics gc;
  private final Map<String, AtomicInteger> sockets = new ConcurrentHashMap<>();

  private ServerMetrics(PrometheusMeterRegistry prometheus) {
    this.prometheus = prometheus;
    this.registry = prometheus != null ? prometheus : new CompositeMeterRegistry();
    if (prometheus != null) {
      new JvmMemoryMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ClassLoaderMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
      this.gc = new JvmGcMetrics();
      gc.bindTo(registry);
    } else {
      this.gc = null;
    }
  }

  /** A latency histogram between {@code fastest} and {@link #SLOWEST}. */
  private static Timer.Builder latency(String name, String description, Duration fastest) {
    return Timer.builder(name)
        .description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(fastest)
        .maximumExpectedValue(SLOWEST);
  }

  /** Recording metrics for {@code /metrics}, or (when off) a registry that records nothing. */
  public static ServerMetrics create(boolean enabled) {
    return new ServerMetrics(
        enabled ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null);
  }

  public boolean enabled() {
    return prometheus != null;
  }

  /** For libraries that report to Micrometer themselves (the connection pool). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Everything, in the Prometheus text format. */
  public String scrape() {
    if (prometheus == null) {
      throw new IllegalStateException("metrics are off");
    }
    return prometheus.scrape();
  }

  /**
   * One HTTP request; {@code route} is the path template ({@code /api/v1/chats/{chatId}}), never
   * the raw path, so ids do not become label values.
   */
  public void httpRequest(String method, String route, int status, long nanos) {
    latency("http.server.requests", "HTTP requests by route and status", FASTEST)
        .tags("method", method, "route", route, "status", String.valueOf(status))
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /**
   * Queue depth, batch size and batch time of each worker thread: the group-commit writer, the
   * socket emitter (which also finishes committed socket sends).
   */
  public void watchWorkers(List<WorkerHealth> workers) {
    for (WorkerHealth worker : workers) {
      Gauge.builder("worker.queue.depth", worker, WorkerHealth::queued)
          .description("Items waiting for the worker thread")
          .tag("worker", worker.name())
          .register(registry);
      DistributionSummary size =
          DistributionSummary.builder("worker.batch.size")
              .description("Items per batch (for the writer: messages per group commit)")
              .tag("worker", worker.name())
              .publishPercentileHistogram()
              .minimumExpectedValue(1.0)
              .maximumExpectedValue(1024.0)
              .register(registry);
      Timer time =
          latency(
                  "worker.batch.duration",
                  "Time to handle one batch (for the writer: one group commit)",
                  Duration.ofNanos(100_000))
              .tag("worker", worker.name())
              .register(registry);
      worker.observeBatches(
          (items, nanos) -> {
            size.record(items);
            time.record(nanos, TimeUnit.NANOSECONDS);
          });
    }
  }

  /** The real-time side's meters. */
  public RealtimeMetrics realtime() {
    return enabled() ? new Realtime() : RealtimeMetrics.NONE;
  }

  private final class Realtime implements RealtimeMetrics {
    private final Timer redisPublish =
        latency(
                "redis.publish.lag",
                "From an emit to its publication on Redis (outbox wait included)",
                FASTEST)
            .register(registry);
    private final Timer redisReceive =
        latency(
                "redis.receive.lag",
                "From another node's publication to its arrival here (clocks of both)",
                FASTEST)
            .register(registry);
    private final Counter redisReconnects =
        Counter.builder("redis.reconnects")
            .description("Times Redis came back after being unreachable")
            .register(registry);

    @Override
    public boolean countsSockets() {
      return true;
    }

    @Override
    public void connected(boolean admin, String transport) {
      sockets(admin, transport).incrementAndGet();
    }

    @Override
    public void disconnected(boolean admin, String transport) {
      sockets(admin, transport).decrementAndGet();
    }

    private AtomicInteger sockets(boolean admin, String transport) {
      String role = admin ? "admin" : "user";
      String via = "websocket".equals(transport) ? "websocket" : "polling";
      return ServerMetrics.this.sockets.computeIfAbsent(
          role + "/" + via,
          key -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("socketio.connections", count, AtomicInteger::get)
                .description("Connected sockets by role and the transport they opened with")
                .tags("role", role, "transport", via)
                .register(registry);
            return count;
          });
    }

    @Override
    public void eventIn(String event) {
      registry.counter("socketio.events.in", "event", event).increment();
    }

    @Override
    public void eventOut(String event) {
      registry.counter("socketio.events.out", "event", event).increment();
    }

    @Override
    public void acknowledged(String event, long nanos) {
      latency(
              "socketio.ack.latency",
              "From a client event's arrival to its acknowledgement (sends: after commit)",
              Duration.ofNanos(100_000))
          .tag("event", event)
          .register(registry)
          .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void redisPublished(long nanos) {
      redisPublish.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void redisReceived(long millis) {
      redisReceive.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    @Override
    public void redisReconnected() {
      redisReconnects.increment();
    }

    @Override
    public void redisOutbox(IntSupplier waiting) {
      Gauge.builder("redis.outbox.depth", waiting, w -> w.getAsInt())
          .description("Emits waiting to be published to Redis")
          .register(registry);
    }
  }

  @Override
  public void close() {
    if (gc != null) {
      gc.close();
    }
    registry.close();
  }
}
