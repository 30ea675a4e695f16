package dev.supportchat.realtime;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.JedisPooled;

/**
 * Admin presence shared between nodes: every node writes the admins connected to it, with a timestamp, into one
 * Redis hash, and reads the others' entries, every {@link #PERIOD_MS}. Entries of a node that stopped writing
 * (it died) are ignored after {@link #STALE_MS}; its admins not connected elsewhere are then announced offline by
 * the live node with the lowest id. Presence may lag a change on another node by one period.
 */
final class ClusterPresence implements AutoCloseable {
  static final long PERIOD_MS = 2_000;
  static final long STALE_MS = 10_000;

  private final AdminPresence presence;
  private final JedisPooled redis;
  private final String key;
  private final String nodeId = UUID.randomUUID().toString();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "cluster-presence");
    t.setDaemon(true);
    return t;
  });

  ClusterPresence(AdminPresence presence, String redisUrl, String prefix) {
    this.presence = presence;
    this.redis = new JedisPooled(URI.create(redisUrl));
    this.key = prefix + ":presence";
    timer.scheduleWithFixedDelay(this::exchange, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
  }

  private void exchange() {
    try {
      long now = System.currentTimeMillis();
      redis.hset(key, nodeId, now + "|" + String.join(",", presence.localAdmins()));
      List<AdminPresence.NodeReport> others = new ArrayList<>();
      for (Map.Entry<String, String> e : redis.hgetAll(key).entrySet()) {
        String[] parts = e.getValue().split("\\|", 2);
        long writtenAt = Long.parseLong(parts[0]);
        if (now - writtenAt > STALE_MS) {
          redis.hdel(key, e.getKey());
        } else if (!e.getKey().equals(nodeId)) {
          Set<String> admins = parts.length > 1 && !parts[1].isEmpty() ? Set.of(parts[1].split(",")) : Set.of();
          others.add(new AdminPresence.NodeReport(e.getKey(), writtenAt, admins));
        }
      }
      // The live node with the lowest id speaks for nodes that have gone: every node computes the same one.
      boolean lowestId = others.stream().allMatch(r -> nodeId.compareTo(r.nodeId()) < 0);
      presence.otherNodesReport(others, lowestId);
    } catch (RuntimeException redisDown) {
      // Redis outage: keep the last known view; RedisBroadcaster logs the outage once.
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      // A last report with no admins rather than none: this node told its own admins' disconnects already, and a
      // report that vanished would make the node speaking for gone nodes tell them again. It goes stale in 10 s.
      redis.hset(key, nodeId, System.currentTimeMillis() + "|");
    } catch (RuntimeException ignored) {
      // Redis gone: the entry goes stale by itself
    }
    redis.close();
  }
}
