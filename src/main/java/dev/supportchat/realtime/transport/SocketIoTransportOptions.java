package dev.supportchat.realtime.transport;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Tunables of the Socket.IO endpoint. Defaults follow the Node.js Socket.IO server where it has
 * one.
 *
 * @param allowedOrigins browser origins besides the server's own (CORS_ORIGIN); never "*"
 * @param pingInterval how often the server pings (Node default 25 s)
 * @param pingTimeout how long it waits for the pong before dropping the connection (Node default 20
 *     s)
 * @param maxPayloadBytes largest websocket message and largest polling POST body (Node's
 *     maxHttpBufferSize, default 1 MB); larger websocket messages close the connection (1009),
 *     larger POSTs get 413
 * @param connectTimeout how long an engine.io connection may stay without a connected namespace,
 *     e.g. after its CONNECT was refused (Node default 45 s)
 * @param maxOutgoingFrames frames Jetty may queue for one websocket before failing the send and
 *     closing it, which bounds the memory a stalled client can pin
 * @param timerThreads threads of the shared scheduler for ping and timeout tasks; connections
 *     themselves use no thread of their own
 * @param maxAttachments binary attachments one packet may declare; more closes the connection
 *     before anything is buffered (Node's server has no such cap; its events here use none)
 * @param maxPendingBytesTotal bytes of binary attachments awaiting reassembly on all connections
 *     together; a connection that would go over is closed (one connection's share is capped by
 *     maxPayloadBytes)
 * @param maxNestingDepth deepest JSON nesting of a packet; deeper closes the connection before it
 *     is parsed
 */
public record SocketIoTransportOptions(
    List<String> allowedOrigins,
    Duration pingInterval,
    Duration pingTimeout,
    int maxPayloadBytes,
    Duration connectTimeout,
    int maxOutgoingFrames,
    int timerThreads,
    int maxAttachments,
    long maxPendingBytesTotal,
    int maxNestingDepth) {

  public SocketIoTransportOptions {
    allowedOrigins = List.copyOf(allowedOrigins);
    requirePositive(Objects.requireNonNull(pingInterval, "pingInterval"), "pingInterval");
    requirePositive(Objects.requireNonNull(pingTimeout, "pingTimeout"), "pingTimeout");
    requirePositive(Objects.requireNonNull(connectTimeout, "connectTimeout"), "connectTimeout");
    if (maxPayloadBytes < 1024) {
      throw new IllegalArgumentException("maxPayloadBytes must be at least 1024");
    }
    if (maxOutgoingFrames < 1) {
      throw new IllegalArgumentException("maxOutgoingFrames must be positive");
    }
    if (timerThreads < 1) {
      throw new IllegalArgumentException("timerThreads must be positive");
    }
    if (maxAttachments < 0 || maxPendingBytesTotal < maxPayloadBytes || maxNestingDepth < 1) {
      throw new IllegalArgumentException(
          "maxAttachments must be >= 0, maxPendingBytesTotal >= maxPayloadBytes, maxNestingDepth >= 1");
    }
  }

  /**
   * The decoder's own cap (org.json 20251224 parses 3,000 nested arrays and refuses 3,001,
   * measured), so the guard refuses what the decoder would, but before parsing and without the
   * decoder's stack trace in the log. Deep but parsable payloads still reach the event handlers,
   * which answer them with an {@code invalid} ack.
   */
  public static final int MAX_NESTING_DEPTH = 3_000;

  public static SocketIoTransportOptions defaults(List<String> allowedOrigins) {
    return new SocketIoTransportOptions(
        allowedOrigins,
        Duration.ofSeconds(25),
        Duration.ofSeconds(20),
        1_000_000,
        Duration.ofSeconds(45),
        4096,
        2,
        10,
        32_000_000L,
        MAX_NESTING_DEPTH);
  }

  public SocketIoTransportOptions withMaxPayloadBytes(int bytes) {
    return new SocketIoTransportOptions(
        allowedOrigins,
        pingInterval,
        pingTimeout,
        bytes,
        connectTimeout,
        maxOutgoingFrames,
        timerThreads,
        maxAttachments,
        Math.max(maxPendingBytesTotal, bytes),
        maxNestingDepth);
  }

  public SocketIoTransportOptions withPing(Duration interval, Duration timeout) {
    return new SocketIoTransportOptions(
        allowedOrigins,
        interval,
        timeout,
        maxPayloadBytes,
        connectTimeout,
        maxOutgoingFrames,
        timerThreads,
        maxAttachments,
        maxPendingBytesTotal,
        maxNestingDepth);
  }

  public SocketIoTransportOptions withPacketLimits(int attachments, long pendingBytesTotal) {
    return new SocketIoTransportOptions(
        allowedOrigins,
        pingInterval,
        pingTimeout,
        maxPayloadBytes,
        connectTimeout,
        maxOutgoingFrames,
        timerThreads,
        attachments,
        pendingBytesTotal,
        maxNestingDepth);
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
