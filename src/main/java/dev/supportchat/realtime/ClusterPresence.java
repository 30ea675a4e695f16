package dev.supportchat.realtime;

import dev.supportchat.worker.Fatal;
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
 * Admin presence shared between nodes: every node writes the admins connected to it, with a
 * timestamp, into one Redis hash, and reads the others' entries, every {@link #PERIOD_MS}. An entry
 * not rewritten for {@link #STALE_MS} belongs to a node that died (or lost Redis): the node whose
 * compare-and-delete removes it, one node only, tells its admins not connected elsewhere offline.
 * Presence may lag a change on another node by one period.
 */
final class ClusterPresence implements AutoCloseable {
  static final long PERIOD_MS = 2_000;
  static final long STALE_MS = 10_000;
  private static final String DELETE_IF_UNCHANGED =
      "if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end"
          + " return 0";

  private final AdminPresence presence;
  private final JedisPooled redis;
  private final String key;
  private final String nodeId = UUID.randomUUID().toString();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "cluster-presence");
            t.setDaemon(true);
            return t;
          });

  ClusterPresence(AdminPresence presence, String redisUrl, String prefix) {
    this.presence = presence;
    this.redis = new JedisPooled(URI.create(redisUrl));
    this.key = prefix + ":presence";
    timer.scheduleWithFixedDelay(
        Fatal.survivable("cluster presence exchange", this::exchange),
        0,
        PERIOD_MS,
        TimeUnit.MILLISECONDS);
  }

  private void exchange() {
    try {
      long now = System.currentTimeMillis();
      redis.hset(key, nodeId, now + "|" + String.join(",", presence.localAdmins()));
      List<AdminPresence.NodeReport> others = new ArrayList<>();
      List<Set<String>> removedByThisNode = new ArrayList<>();
      for (Map.Entry<String, String> e : redis.hgetAll(key).entrySet()) {
        if (e.getKey().equals(nodeId)) {
          continue;
        }
        String[] parts = e.getValue().split("\\|", 2);
        long writtenAt = Long.parseLong(parts[0]);
        Set<String> admins =
            parts.length > 1 && !parts[1].isEmpty() ? Set.of(parts[1].split(",")) : Set.of();
        if (now - writtenAt <= STALE_MS) {
          others.add(new AdminPresence.NodeReport(e.getKey(), writtenAt, admins));
        } else if (deleteIfUnchanged(e.getKey(), e.getValue())) {
          removedByThisNode.add(admins);
        }
      }
      presence.otherNodesReport(others);
      removedByThisNode.forEach(presence::nodeGone);
    } catch (RuntimeException redisDown) {
      // Redis outage: keep the last known view; RedisBroadcaster logs the outage once.
    }
  }

  /**
   * Removes a stale entry unless its node rewrote it meanwhile, atomically in Redis: when several
   * nodes find the same stale entry, exactly one of them gets true.
   */
  private boolean deleteIfUnchanged(String field, String value) {
    Object deleted = redis.eval(DELETE_IF_UNCHANGED, List.of(key), List.of(field, value));
    return deleted instanceof Long n && n == 1L;
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      // This node told its own admins' disconnects (AdminPresence.stopping): its entry goes now,
      // not stale later.
      redis.hdel(key, nodeId);
    } catch (RuntimeException ignored) {
      // Redis gone: the entry goes stale, and the node that removes it tells what is still in it
    }
    redis.close();
  }
}
