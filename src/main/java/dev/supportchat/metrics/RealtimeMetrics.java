package dev.supportchat.metrics;

import java.util.function.IntSupplier;

/** What the real-time side reports for /metrics; {@link #NONE} when metrics are off. */
public interface RealtimeMetrics {
  RealtimeMetrics NONE = new RealtimeMetrics() {};

  /**
   * Whether sockets are counted: each socket then needs a disconnect listener (memory per socket),
   * so only when metrics are on.
   */
  default boolean countsSockets() {
    return false;
  }

  /** A socket connected; {@code transport} is the one it opened with (polling or websocket). */
  default void connected(boolean admin, String transport) {}

  default void disconnected(boolean admin, String transport) {}

  /** A client event arrived (before any check). */
  default void eventIn(String event) {}

  /** An event was emitted to rooms (once per emit, however many sockets receive it). */
  default void eventOut(String event) {}

  /** A client event was acknowledged, {@code nanos} after it arrived. */
  default void acknowledged(String event, long nanos) {}

  /** An emit reached Redis, {@code nanos} after it was made. */
  default void redisPublished(long nanos) {}

  /** Another node's emit arrived from Redis, {@code millis} after that node published it. */
  default void redisReceived(long millis) {}

  /** Redis was unreachable and is back. */
  default void redisReconnected() {}

  /** The emits waiting to be published to Redis (the outbox). */
  default void redisOutbox(IntSupplier waiting) {}
}
