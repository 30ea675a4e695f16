package dev.supportchat.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the server is configured with, read once from the environment by {@link ConfigLoader}
 * and validated there; immutable afterwards.
 */
public record AppConfig(
    String host,
    int port,
    Path dataDir,
    DatabaseSettings database,
    Optional<String> redisUrl,
    String redisPrefix,
    String accessTokenSecret,
    String refreshTokenSecret,
    Duration accessTokenTtl,
    Duration refreshTokenTtl,
    List<String> corsOrigins,
    Optional<String> adminEmail,
    Optional<String> adminPassword,
    int bcryptCost,
    int maxMessageLength,
    int messagesPerMinutePerUser,
    long maxAttachmentBytes,
    long maxRequestBytes,
    LoginLimits loginLimits,
    SocketLimits socketLimits,
    String widgetFrameAncestors,
    boolean trustProxy) {

  /** How many login attempts are allowed in one window, per e-mail address and per client IP. */
  public record LoginLimits(int perEmail, int perIp, Duration window) {}

  /** Engine.IO heartbeat and per-socket limits. */
  /**
   * @param maxPacketBytes one packet with its binary attachments (also the most one connection can
   *     have awaiting reassembly)
   * @param maxAttachments binary attachments one packet may declare
   * @param maxPendingBytes attachments awaiting reassembly on all of this node's connections
   *     together
   */
  public record SocketLimits(
      Duration pingInterval,
      Duration pingTimeout,
      long maxPacketBytes,
      int messagesPerSecond,
      int maxAttachments,
      long maxPendingBytes) {}

  /** Where the chat's attachments are stored. */
  public Path attachmentsDir() {
    return dataDir.resolve("attachments");
  }
}
