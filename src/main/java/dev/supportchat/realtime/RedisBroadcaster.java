package dev.supportchat.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.json.Json;
import dev.supportchat.metrics.RealtimeMetrics;
import dev.supportchat.worker.Fatal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.JedisPubSub;

/**
 * Several nodes as one: every emit is delivered to this node's sockets at once and published on a
 * Redis channel, tagged with this node's id; every other node delivers it to its own sockets. A
 * socket lives on exactly one node, so each socket gets each event exactly once. When Redis is down
 * this node keeps serving its own sockets, logs the outage once, and resubscribes when Redis is
 * back (events published meanwhile are not replayed: clients catch up over REST, see
 * docs/DEPLOYMENT.md).
 */
final class RedisBroadcaster implements Broadcaster {
  private static final Logger log = LoggerFactory.getLogger(RedisBroadcaster.class);
  private static final long RETRY_DELAY_MS = 1_000;

  private final LocalDelivery local;
  private final String nodeId = UUID.randomUUID().toString();
  private final String channel;
  private final JedisPooled publisher;
  private final URI redisUri;

  /** Publishing happens off the caller's thread, in order. */
  private final ExecutorService publishThread =
      Executors.newSingleThreadExecutor(r -> daemon(r, "redis-publish"));

  private final Thread subscriberThread;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean outage = new AtomicBoolean();
  private volatile JedisPubSub subscription;

  private final RealtimeMetrics metrics;

  /** Emits handed to the publish thread and not yet published (the outbox). */
  private final AtomicInteger outbox = new AtomicInteger();

  RedisBroadcaster(
      LocalDelivery local, String redisUrl, String channelPrefix, RealtimeMetrics metrics) {
    this.local = local;
    this.metrics = metrics;
    metrics.redisOutbox(outbox::get);
    this.redisUri = URI.create(redisUrl);
    this.channel = channelPrefix + ":emit";
    this.publisher = new JedisPooled(redisUri);
    this.subscriberThread = daemon(this::subscribeLoop, "redis-subscribe");
    subscriberThread.start();
  }

  @Override
  public void emit(Emit emit) {
    local.deliver(emit);
    long made = System.nanoTime();
    outbox.incrementAndGet();
    publishThread.execute(
        Fatal.survivable(
            "Redis publish",
            () -> {
              try {
                publish(emit, made);
              } finally {
                outbox.decrementAndGet();
              }
            }));
  }

  private void publish(Emit emit, long made) {
    try {
      publisher.publish(
          channel,
          Json.MAPPER.writeValueAsString(
              Map.of(
                  "node",
                  nodeId,
                  "rooms",
                  emit.rooms(),
                  "event",
                  emit.event(),
                  "payload",
                  emit.payload(),
                  "except",
                  emit.exceptUserId() == null ? "" : emit.exceptUserId(),
                  "sentAt",
                  System.currentTimeMillis())));
      metrics.redisPublished(System.nanoTime() - made);
      recovered();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      outage(e);
    }
  }

  private void subscribeLoop() {
    while (!closed.get()) {
      JedisPubSub sub =
          new JedisPubSub() {
            @Override
            public void onMessage(String ch, String message) {
              receive(message);
            }

            @Override
            public void onSubscribe(String ch, int count) {
              recovered();
            }
          };
      subscription = sub;
      try (JedisPooled subscriber = new JedisPooled(redisUri)) {
        subscriber.subscribe(sub, channel);
      } catch (RuntimeException e) {
        if (closed.get()) {
          return;
        }
        outage(e);
      } catch (Throwable t) {
        // Anything else (an Error in a listener): resubscribe rather than end the thread and stop
        // hearing others.
        Fatal.haltIfFatal(t, Thread.currentThread().getName());
        log.error("Redis subscriber failed; subscribing again", t);
      }
      sleepQuietly();
    }
  }

  private void receive(String message) {
    try {
      JsonNode m = Json.MAPPER.readTree(message);
      if (nodeId.equals(m.path("node").asText())) {
        return;
      }
      if (m.has("sentAt")) {
        metrics.redisReceived(System.currentTimeMillis() - m.path("sentAt").asLong());
      }
      List<String> rooms = new ArrayList<>();
      m.path("rooms").forEach(r -> rooms.add(r.asText()));
      String except = m.path("except").asText();
      Object payload = Json.MAPPER.treeToValue(m.path("payload"), Object.class);
      local.deliver(
          new Emit(rooms, m.path("event").asText(), payload, except.isEmpty() ? null : except));
    } catch (JsonProcessingException | RuntimeException e) {
      log.warn("Ignoring a malformed message on {}: {}", channel, e.getMessage());
    }
  }

  private void outage(RuntimeException e) {
    if (outage.compareAndSet(false, true)) {
      log.error(
          "Redis is unreachable ({}); serving this node's sockets only until it is back.",
          e.getMessage());
    }
  }

  private void recovered() {
    if (outage.compareAndSet(true, false)) {
      metrics.redisReconnected();
      log.info("Redis is reachable again; events are shared between nodes again.");
      // Events of other nodes were missed meanwhile: tell this node's clients to catch up over
      // REST.
      local.deliver(
          new Emit(List.of(RoomNames.USERS, RoomNames.ADMINS), Realtime.RESYNC, Map.of(), null));
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(RETRY_DELAY_MS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    closed.set(true);
    JedisPubSub sub = subscription;
    if (sub != null && sub.isSubscribed()) {
      try {
        sub.unsubscribe();
      } catch (RuntimeException ignored) {
        // Redis already gone: the subscriber thread is a daemon and ends with the process.
      }
    }
    publishThread.shutdown();
    try {
      // What was emitted last (a stopping node's offline announcements) still goes out.
      publishThread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    publisher.close();
    local.close();
  }
}
