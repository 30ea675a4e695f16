package dev.supportchat.outbox;

import dev.supportchat.worker.Fatal;
import dev.supportchat.worker.WorkerHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that delivers the outbox: it takes due items one at a time that no other sender holds
 * (on any node), hands each to the {@link Delivery} of its kind, and records what became of it;
 * with nothing due it looks again every {@link #POLL_INTERVAL}. An item is marked sent only after
 * its receiver accepted it: a sender that dies in between leaves it to be sent again, with the same
 * id, by which receivers recognise the repeat.
 */
public final class OutboxSender implements WorkerHealth, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  /** How often the table is looked at when it had nothing due. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(250);

  /**
   * How long an item taken on SQLite is this sender's (PostgreSQL holds a row lock instead): far
   * longer than one delivery may take (mail and HTTP timeouts are 10 s).
   */
  public static final Duration LEASE = Duration.ofMinutes(2);

  private final Outbox outbox;
  private final Map<String, Delivery> deliveries;
  private final Backoff backoff;
  private final Clock clock;
  private final Thread thread;
  private final AtomicLong lastProgressNanos = new AtomicLong(System.nanoTime());
  private volatile boolean running = true;

  public OutboxSender(
      Outbox outbox, Map<String, Delivery> deliveries, Backoff backoff, Clock clock) {
    this.outbox = outbox;
    this.deliveries = Map.copyOf(deliveries);
    this.backoff = backoff;
    this.clock = clock;
    this.thread = new Thread(this::loop, "outbox-sender");
    this.thread.setDaemon(true);
  }

  public OutboxSender start() {
    outbox.releaseLeases();
    thread.start();
    return this;
  }

  private void loop() {
    while (running) {
      lastProgressNanos.set(System.nanoTime());
      boolean busy = false;
      try {
        busy = runOnce() > 0;
      } catch (RuntimeException e) {
        // The database is down, most likely: the items stay where they are; try again shortly.
        log.warn("Outbox: could not read due items ({})", e.getMessage());
      } catch (Throwable t) {
        Fatal.haltIfFatal(t, thread.getName());
        log.error("Outbox sender failed", t);
      }
      if (!busy) {
        try {
          Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Delivers what is due now, one item at a time; returns how many it delivered. */
  int runOnce() {
    int n = 0;
    while (running && outbox.processOne(clock.instant(), LEASE, this::deliver)) {
      n++;
      lastProgressNanos.set(System.nanoTime());
    }
    return n;
  }

  private Outbox.Outcome deliver(Outbox.Item item) {
    Delivery delivery = deliveries.get(item.kind());
    Delivery.Result result;
    if (delivery == null) {
      result = new Delivery.Failed(false, null, "nothing on this server delivers " + item.kind());
    } else {
      try {
        result = delivery.deliver(item);
      } catch (RuntimeException e) {
        result = new Delivery.Failed(true, null, e.toString());
      }
    }
    Instant now = clock.instant();
    if (result instanceof Delivery.Sent sent) {
      return new Outbox.Outcome("sent", null, true, sent.status(), null, now, sent.also());
    }
    if (result instanceof Delivery.Skipped skipped) {
      return new Outbox.Outcome("skipped", null, false, null, skipped.why(), now, skipped.also());
    }
    if (result instanceof Delivery.Later later) {
      return new Outbox.Outcome(null, later.at(), false, null, null, now, null);
    }
    Delivery.Failed failed = (Delivery.Failed) result;
    Optional<Instant> next =
        failed.retry()
            ? backoff.next(item.attempts() + 1, item.createdAt(), now)
            : Optional.empty();
    if (next.isPresent()) {
      log.info(
          "Outbox: {} {} failed (attempt {}), again at {}: {}",
          item.kind(),
          item.id(),
          item.attempts() + 1,
          next.get(),
          failed.error());
      return new Outbox.Outcome(null, next.get(), true, failed.status(), failed.error(), now, null);
    }
    log.warn("Outbox: {} {} given up: {}", item.kind(), item.id(), failed.error());
    return new Outbox.Outcome("failed", null, true, failed.status(), failed.error(), now, null);
  }

  @Override
  public String name() {
    return thread.getName();
  }

  @Override
  public Optional<String> problem(long stallMillis) {
    if (!thread.isAlive() && running) {
      return Optional.of("outbox sender is not running");
    }
    long idleMs = (System.nanoTime() - lastProgressNanos.get()) / 1_000_000;
    // A delivery may take as long as the mail and HTTP timeouts allow.
    long allowed = Math.max(stallMillis, 60_000);
    return idleMs > allowed
        ? Optional.of("outbox sender made no progress for " + idleMs + " ms")
        : Optional.empty();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
