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
    boolean trustProxy,
    TrustedProxies trustedProxies,
    Widget widget,
    Team team,
    Outgoing outgoing,
    Operations operations,
    Uploads uploads,
    Duration messageEditWindow,
    Bodies bodies) {

  /**
   * Request bodies while they arrive (read in full before a thread handles the request).
   *
   * @param minBytesPerSecond the average rate a body must keep over each 30 s, else 408
   *     (BODY_MIN_BYTES_PER_SECOND)
   * @param maxHeldBytes bytes of arriving bodies the server holds at once, else 503
   *     (BODY_BUFFER_BYTES)
   * @param maxHeldBytesPerAddress the same for one client address, else 429
   *     (BODY_BUFFER_BYTES_PER_ADDRESS)
   */
  public record Bodies(long minBytesPerSecond, long maxHeldBytes, long maxHeldBytesPerAddress) {}

  /**
   * The largest request body any route takes: a JSON body, or an upload with its multipart frame.
   */
  public long largestBody() {
    return largestBody(maxRequestBytes, maxAttachmentBytes);
  }

  static long largestBody(long maxRequestBytes, long maxAttachmentBytes) {
    return Math.max(maxRequestBytes, maxAttachmentBytes + MULTIPART_OVERHEAD_BYTES);
  }

  /** What a multipart upload may add to its file: boundaries, part headers, other fields. */
  public static final long MULTIPART_OVERHEAD_BYTES = 64 * 1024;

  /**
   * What one user may store (issue 13, part 5); admins are exempt from the first two.
   *
   * @param perUserPerHour uploads per user per hour (UPLOADS_PER_USER_PER_HOUR)
   * @param quotaBytesPerUser bytes of uploads one user may have stored (UPLOAD_QUOTA_BYTES)
   * @param minFreeBytes uploads are refused while the data disk has less free space than this
   *     (UPLOAD_MIN_FREE_BYTES)
   * @param orphanAfter uploads never attached to a message are deleted this long after upload
   * @param downloadsAtOnce attachment downloads being written at once, in all (DOWNLOADS_AT_ONCE)
   * @param downloadsAtOncePerAddress the same for one client network
   *     (DOWNLOADS_AT_ONCE_PER_ADDRESS)
   * @param downloadMinBytesPerSecond the slowest a client may read a download
   *     (DOWNLOAD_MIN_BYTES_PER_SECOND)
   */
  public record Uploads(
      int perUserPerHour,
      long quotaBytesPerUser,
      long minFreeBytes,
      Duration orphanAfter,
      int downloadsAtOnce,
      int downloadsAtOncePerAddress,
      long downloadMinBytesPerSecond) {}

  /**
   * @param inviteTtl how long an invite link works (INVITE_EXPIRY)
   * @param offlineGrace how long an agent may be offline before their chats go back to the queue
   *     (AGENT_OFFLINE_GRACE)
   */
  public record Team(Duration inviteTtl, Duration offlineGrace) {}

  /**
   * Emails and webhooks (issue 17).
   *
   * @param smtp where mail goes; empty: no email at all
   * @param mailFrom the From address of every email
   * @param emailAfter how long a person with unread replies is away before they are emailed
   * @param publicUrl this server's address as people's browsers reach it, for links in emails
   * @param firstRetry the wait before a failed delivery's first retry (each next one doubles)
   * @param retryFor how long a failing delivery is retried before it is given up
   * @param webhooksAllowPrivate whether webhooks may target private and loopback addresses
   */
  public record Outgoing(
      Optional<SmtpSettings> smtp,
      String mailFrom,
      Duration emailAfter,
      Optional<String> publicUrl,
      Duration firstRetry,
      Duration retryFor,
      boolean webhooksAllowPrivate) {}

  /**
   * How the server is operated.
   *
   * @param metricsToken the bearer token {@code /metrics} requires; without it there is no {@code
   *     /metrics}
   * @param messageSearchTimeout a message search running longer is cancelled (503), so one broad
   *     search never holds a database connection the others need (MESSAGE_SEARCH_TIMEOUT)
   */
  /**
   * @param metricsToken the bearer token of /metrics; none turns it off (METRICS_TOKEN)
   * @param messageSearchTimeout the longest a search of message contents runs
   *     (MESSAGE_SEARCH_TIMEOUT)
   * @param httpThreads Jetty's request threads at most (HTTP_THREADS)
   * @param passwordQueue requests that may wait for a password thread (PASSWORD_QUEUE)
   */
  public record Operations(
      Optional<String> metricsToken,
      Duration messageSearchTimeout,
      int httpThreads,
      int passwordQueue) {}

  /** How many login attempts are allowed in one window, per e-mail address and per client IP. */
  /**
   * @param perEmail failed logins per address per window
   * @param perIp failed sign-ins (logins, identity tokens) per client address per window
   * @param registrationsPerIpPerHour accounts created per client address per hour
   */
  public record LoginLimits(
      int perEmail, int perIp, Duration window, int registrationsPerIpPerHour, Duration maxDelay) {}

  /** How the widget lets people in (docs/API.md, "Widget"). */
  public enum Prechat {
    OFF,
    OPTIONAL,
    REQUIRED
  }

  /**
   * @param visitors whether anonymous visitors may chat (WIDGET_VISITORS)
   * @param prechat the visitors' name-and-email form
   * @param visitorsPerIpPerHour visitor sessions started per client address per hour
   * @param identitySecret the HS256 secret shared with the host's backend, if any
   * @param identityPublicKey a PEM public key (EC P-256 for ES256, RSA for RS256), if any
   * @param identityMaxTtl the longest lifetime an identity token may have
   * @param identityClockSkew tolerated difference between the host's clock and ours
   */
  public record Widget(
      boolean visitors,
      Prechat prechat,
      int visitorsPerIpPerHour,
      Optional<String> identitySecret,
      Optional<String> identityPublicKey,
      Duration identityMaxTtl,
      Duration identityClockSkew) {

    public boolean identityConfigured() {
      return identitySecret.isPresent() || identityPublicKey.isPresent();
    }
  }

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
      long maxPendingBytes,
      int roomEventsPerSecond,
      int roomEventsBurst) {}

  /** Where the chat's attachments are stored. */
  public Path attachmentsDir() {
    return dataDir.resolve("attachments");
  }
}
