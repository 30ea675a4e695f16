package dev.supportchat.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Builds the {@link AppConfig} from environment variables (and a {@code .env} file, whose values
 * the real environment overrides), collecting every problem before failing so a person can fix them
 * all at once.
 */
public final class ConfigLoader {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8000;

  /** Prefix of every Redis key and channel, so several deployments can share one Redis. */
  public static final String DEFAULT_REDIS_PREFIX = "support-chat";

  static final int MIN_METRICS_TOKEN_LENGTH = 16;

  public static final String DEFAULT_DATA_DIR = "data";
  public static final String SQLITE_FILE_NAME = "support-chat.db";
  public static final Duration DEFAULT_ACCESS_TOKEN_TTL = Duration.ofMinutes(15);
  static final Duration DEFAULT_INVITE_EXPIRY = Duration.ofDays(7);
  static final Duration DEFAULT_AGENT_OFFLINE_GRACE = Duration.ofMinutes(10);
  static final Duration MIN_AGENT_OFFLINE_GRACE = Duration.ofSeconds(10);
  public static final Duration DEFAULT_REFRESH_TOKEN_TTL = Duration.ofDays(10);
  public static final int DEFAULT_BCRYPT_COST = 10;
  public static final int MIN_BCRYPT_COST = 10;
  public static final int DEFAULT_MAX_MESSAGE_LENGTH = 5_000;

  /**
   * Ten a second on average, far above anyone typing in any number of tabs, yet a bound on what one
   * account can write however many sockets it opens (each socket alone may send 20 events a
   * second).
   */
  public static final int DEFAULT_MESSAGES_PER_MINUTE_PER_USER = 600;

  /**
   * Only this server's own pages may frame the widget until the operator lists the sites that embed
   * it.
   */
  public static final String DEFAULT_WIDGET_FRAME_ANCESTORS = "'self'";

  public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;
  public static final long DEFAULT_MAX_REQUEST_BYTES = 1_000_000L;
  public static final long DEFAULT_BODY_MIN_BYTES_PER_SECOND = 1_024L;
  // A browser opens up to 6 connections to one server; an office behind one address has several.
  public static final int DEFAULT_DOWNLOADS_AT_ONCE_PER_ADDRESS = 64;
  public static final int DEFAULT_DOWNLOADS_AT_ONCE = 256;
  public static final long DEFAULT_DOWNLOAD_MIN_BYTES_PER_SECOND = 1_024L;
  // Passwords, bodies, downloads, long-polls and throttled logins wait without a request thread;
  // the database (16 connections) is what most requests wait for (docs/DECISIONS.md).
  public static final int DEFAULT_HTTP_THREADS = 32;
  // About 9 s of sign-ins at bcrypt's default cost on two cores.
  public static final int DEFAULT_PASSWORD_QUEUE = 500;
  private static final long MAX_HEAP_BYTES = Runtime.getRuntime().maxMemory();
  public static final int DEFAULT_LOGIN_ATTEMPTS_PER_EMAIL = 5;
  public static final int DEFAULT_LOGIN_ATTEMPTS_PER_IP = 30;
  public static final Duration DEFAULT_LOGIN_WINDOW = Duration.ofMinutes(15);
  static final Duration DEFAULT_LOGIN_MAX_DELAY = Duration.ofSeconds(3);
  static final Duration DEFAULT_MESSAGE_SEARCH_TIMEOUT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(25);
  public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(20);
  public static final long DEFAULT_MAX_SOCKET_PACKET_BYTES = 1_000_000L;
  public static final int DEFAULT_SOCKET_MESSAGES_PER_SECOND = 20;

  /**
   * Joins, leaves, typing and re-authentication have a budget of their own: an agent's dashboard
   * joins every open chat at connect (hundreds at once), which must never use up the sends.
   */
  public static final int DEFAULT_SOCKET_ROOM_EVENTS_PER_SECOND = 100;

  public static final int DEFAULT_SOCKET_ROOM_EVENTS_BURST = 1_000;
  public static final int DEFAULT_SOCKET_MAX_ATTACHMENTS = 10;

  /** An office of 200 behind one address all registering in one hour still fits. */
  public static final int DEFAULT_REGISTRATIONS_PER_IP_PER_HOUR = 300;

  /**
   * Visitor sessions per address per hour: a session lasts a browser's lifetime, so 500 is ample.
   */
  public static final int DEFAULT_VISITORS_PER_IP_PER_HOUR = 500;

  public static final Duration DEFAULT_IDENTITY_MAX_TTL = Duration.ofMinutes(10);
  public static final Duration DEFAULT_IDENTITY_CLOCK_SKEW = Duration.ofSeconds(30);
  static final int MIN_IDENTITY_SECRET_BYTES = 32;
  static final int MIN_TOKEN_SECRET_BYTES = 32;
  static final int DEFAULT_UPLOADS_PER_USER_PER_HOUR = 120;
  static final long DEFAULT_UPLOAD_QUOTA_BYTES = 200L * 1024 * 1024;
  static final long DEFAULT_UPLOAD_MIN_FREE_BYTES = 1024L * 1024 * 1024;
  static final Duration DEFAULT_UPLOAD_ORPHAN_AFTER = Duration.ofDays(1);
  static final Duration DEFAULT_MESSAGE_EDIT_WINDOW = Duration.ofMinutes(15);

  /**
   * Secrets from the original project's .env example, jwt.io, tutorials and our own docs, compared
   * lower-cased (the short ones are refused for their length anyway; listed so the rule is clear).
   */
  static final java.util.Set<String> KNOWN_EXAMPLE_SECRETS =
      java.util.Set.of(
          "your_jwt_secret",
          "your_refresh_secret",
          "your-256-bit-secret",
          "a long random string",
          "changeme",
          "change-me",
          "secret",
          "supersecret",
          "jwt_secret",
          "0123456789abcdef0123456789abcdef",
          "01234567890123456789012345678901",
          "replace-with-a-long-random-string-of-32-bytes-or-more",
          "this-is-a-very-long-secret-key-for-jwt-signing");

  public static final long DEFAULT_SOCKET_MAX_PENDING_BYTES = 32_000_000L;

  /**
   * One CSP source: a keyword, a scheme, or an origin (a wildcard subdomain allowed); nothing that
   * ends the directive.
   */
  private static final Pattern FRAME_ANCESTOR =
      Pattern.compile("'self'|'none'|\\*|https?:|https?://(\\*\\.)?[A-Za-z0-9.-]+(:\\d{1,5})?");

  public static final Duration DEFAULT_EMAIL_AFTER = Duration.ofMinutes(5);
  public static final Duration DEFAULT_OUTBOX_FIRST_RETRY = Duration.ofSeconds(10);
  public static final Duration DEFAULT_OUTBOX_RETRY_FOR = Duration.ofHours(24);

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  private final Map<String, String> env;
  private final List<String> problems = new ArrayList<>();

  private ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /**
   * Reads the process environment, with a {@code .env} file in the working directory underneath it.
   */
  public static AppConfig fromEnvironment() {
    Map<String, String> merged = new HashMap<>(DotEnv.read(Path.of(".env")));
    merged.putAll(System.getenv());
    return load(merged);
  }

  /** Builds the configuration from the given variables; tests pass their own map. */
  public static AppConfig load(Map<String, String> env) {
    return new ConfigLoader(env).build();
  }

  private AppConfig build() {
    String host = text("HOST").orElse(DEFAULT_HOST);
    int port = integer("PORT", DEFAULT_PORT, 0, 65_535);
    Path dataDir = Path.of(text("DATA_DIR").orElse(DEFAULT_DATA_DIR)).toAbsolutePath().normalize();
    DatabaseSettings database = null;
    try {
      database = DatabaseSettings.parse(env.get("DATABASE_URL"), dataDir.resolve(SQLITE_FILE_NAME));
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage() + ".");
    }
    Optional<String> redisUrl = text("REDIS_URL");
    redisUrl.ifPresent(
        url -> {
          if (!url.startsWith("redis://") && !url.startsWith("rediss://")) {
            problems.add("REDIS_URL must start with redis:// or rediss:// (got '" + url + "').");
          }
        });
    Optional<String> adminEmail = text("ADMIN_EMAIL");
    Optional<String> adminPassword = text("ADMIN_PASSWORD");
    if (adminEmail.isPresent() != adminPassword.isPresent()) {
      problems.add("ADMIN_EMAIL and ADMIN_PASSWORD must be set together.");
    }
    adminPassword.ifPresent(
        p -> {
          if (p.length() < 8) {
            problems.add("ADMIN_PASSWORD must be at least 8 characters long.");
          }
        });
    int bcryptCost = integer("BCRYPT_COST", DEFAULT_BCRYPT_COST, MIN_BCRYPT_COST, 16);
    Duration accessTtl = duration("ACCESS_TOKEN_EXPIRY", DEFAULT_ACCESS_TOKEN_TTL);
    Duration refreshTtl = duration("REFRESH_TOKEN_EXPIRY", DEFAULT_REFRESH_TOKEN_TTL);
    List<String> corsOrigins =
        text("CORS_ORIGIN").map(ConfigLoader::splitOrigins).orElse(List.of());
    corsOrigins.forEach(
        origin -> {
          if (origin.equals("*")) {
            problems.add("CORS_ORIGIN must list origins; '*' (everyone) is not allowed.");
          } else if (!origin.matches("https?://[^/]+")) {
            problems.add(
                "CORS_ORIGIN entries must look like https://example.com (got '" + origin + "').");
          }
        });
    var loginLimits =
        new AppConfig.LoginLimits(
            integer("LOGIN_MAX_ATTEMPTS_PER_EMAIL", DEFAULT_LOGIN_ATTEMPTS_PER_EMAIL, 1, 1_000_000),
            integer("LOGIN_MAX_ATTEMPTS_PER_IP", DEFAULT_LOGIN_ATTEMPTS_PER_IP, 1, 1_000_000),
            duration("LOGIN_WINDOW", DEFAULT_LOGIN_WINDOW),
            integer(
                "REGISTRATIONS_PER_IP_PER_HOUR",
                DEFAULT_REGISTRATIONS_PER_IP_PER_HOUR,
                1,
                1_000_000),
            duration("LOGIN_MAX_DELAY", DEFAULT_LOGIN_MAX_DELAY));
    var widget = widget();
    var outgoing = outgoing();
    var socketLimits =
        new AppConfig.SocketLimits(
            duration("SOCKET_PING_INTERVAL", DEFAULT_PING_INTERVAL),
            duration("SOCKET_PING_TIMEOUT", DEFAULT_PING_TIMEOUT),
            longValue(
                "SOCKET_MAX_PACKET_BYTES", DEFAULT_MAX_SOCKET_PACKET_BYTES, 1_024, 100_000_000),
            integer("SOCKET_MESSAGES_PER_SECOND", DEFAULT_SOCKET_MESSAGES_PER_SECOND, 1, 1_000_000),
            integer("SOCKET_MAX_ATTACHMENTS", DEFAULT_SOCKET_MAX_ATTACHMENTS, 0, 1_000),
            longValue(
                "SOCKET_MAX_PENDING_BYTES",
                DEFAULT_SOCKET_MAX_PENDING_BYTES,
                1_024,
                10_000_000_000L),
            integer(
                "SOCKET_ROOM_EVENTS_PER_SECOND",
                DEFAULT_SOCKET_ROOM_EVENTS_PER_SECOND,
                1,
                1_000_000),
            integer("SOCKET_ROOM_EVENTS_BURST", DEFAULT_SOCKET_ROOM_EVENTS_BURST, 1, 10_000_000));
    int maxMessageLength = integer("MAX_MESSAGE_LENGTH", DEFAULT_MAX_MESSAGE_LENGTH, 1, 1_000_000);
    int messagesPerMinutePerUser =
        integer(
            "MESSAGES_PER_MINUTE_PER_USER", DEFAULT_MESSAGES_PER_MINUTE_PER_USER, 1, 100_000_000);
    // By default the sites already trusted in CORS_ORIGIN may also embed the widget: one list for
    // the operator.
    String widgetFrameAncestors =
        frameAncestors(
            "WIDGET_FRAME_ANCESTORS",
            String.join(
                " ",
                Stream.concat(Stream.of(DEFAULT_WIDGET_FRAME_ANCESTORS), corsOrigins.stream())
                    .toList()));
    long maxAttachmentBytes =
        longValue("MAX_ATTACHMENT_BYTES", DEFAULT_MAX_ATTACHMENT_BYTES, 1, 1_000_000_000L);
    long maxRequestBytes =
        longValue("MAX_REQUEST_BYTES", DEFAULT_MAX_REQUEST_BYTES, 1_024, 100_000_000L);
    var bodies = bodies(AppConfig.largestBody(maxRequestBytes, maxAttachmentBytes));
    var team =
        new AppConfig.Team(
            duration("INVITE_EXPIRY", DEFAULT_INVITE_EXPIRY),
            duration("AGENT_OFFLINE_GRACE", DEFAULT_AGENT_OFFLINE_GRACE));
    if (team.offlineGrace().compareTo(MIN_AGENT_OFFLINE_GRACE) < 0) {
      problems.add(
          "AGENT_OFFLINE_GRACE must be at least 10s (a reconnecting dashboard is not offline).");
    }
    if (team.inviteTtl().compareTo(Duration.ofMinutes(1)) < 0) {
      problems.add("INVITE_EXPIRY must be at least 1m.");
    }
    boolean trustProxy =
        text("TRUST_PROXY").map(v -> v.equalsIgnoreCase("true") || v.equals("1")).orElse(false);
    var operations = operations();
    TrustedProxies trustedProxies = TrustedProxies.parse(TrustedProxies.DEFAULT);
    try {
      trustedProxies = TrustedProxies.parse(text("TRUSTED_PROXIES").orElse(TrustedProxies.DEFAULT));
    } catch (IllegalArgumentException e) {
      problems.add(
          "TRUSTED_PROXIES must list IP addresses or CIDR ranges, such as 10.0.0.0/8 ("
              + e.getMessage()
              + ").");
    }
    Optional<String> accessSecret = tokenSecret("ACCESS_TOKEN_SECRET");
    Optional<String> refreshSecret = tokenSecret("REFRESH_TOKEN_SECRET");

    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    SecretStore secrets = new SecretStore(dataDir);
    return new AppConfig(
        host,
        port,
        dataDir,
        database,
        redisUrl,
        text("REDIS_PREFIX").orElse(DEFAULT_REDIS_PREFIX),
        accessSecret.orElseGet(() -> secrets.getOrCreate("ACCESS_TOKEN_SECRET")),
        refreshSecret.orElseGet(() -> secrets.getOrCreate("REFRESH_TOKEN_SECRET")),
        accessTtl,
        refreshTtl,
        corsOrigins,
        adminEmail.map(String::toLowerCase),
        adminPassword,
        bcryptCost,
        maxMessageLength,
        messagesPerMinutePerUser,
        maxAttachmentBytes,
        maxRequestBytes,
        loginLimits,
        socketLimits,
        widgetFrameAncestors,
        trustProxy,
        trustedProxies,
        widget,
        team,
        outgoing,
        operations,
        new AppConfig.Uploads(
            integer("UPLOADS_PER_USER_PER_HOUR", DEFAULT_UPLOADS_PER_USER_PER_HOUR, 1, 1_000_000),
            longValue("UPLOAD_QUOTA_BYTES", DEFAULT_UPLOAD_QUOTA_BYTES, 1, 1_000_000_000_000_000L),
            longValue("UPLOAD_MIN_FREE_BYTES", DEFAULT_UPLOAD_MIN_FREE_BYTES, 0, Long.MAX_VALUE),
            duration("UPLOAD_ORPHAN_AFTER", DEFAULT_UPLOAD_ORPHAN_AFTER),
            integer("DOWNLOADS_AT_ONCE", DEFAULT_DOWNLOADS_AT_ONCE, 1, 100_000),
            integer(
                "DOWNLOADS_AT_ONCE_PER_ADDRESS", DEFAULT_DOWNLOADS_AT_ONCE_PER_ADDRESS, 1, 100_000),
            longValue(
                "DOWNLOAD_MIN_BYTES_PER_SECOND",
                DEFAULT_DOWNLOAD_MIN_BYTES_PER_SECOND,
                1,
                // At most 32 KB in 32 ms: a faster floor would cut downloads at their first wait.
                1_048_576L)),
        duration("MESSAGE_EDIT_WINDOW", DEFAULT_MESSAGE_EDIT_WINDOW),
        bodies);
  }

  /**
   * Arriving request bodies. By default the server holds a quarter of its heap of them (at most 256
   * MiB), one address four of the largest; each cap at least one largest body, or that body could
   * never arrive.
   */
  private AppConfig.Bodies bodies(long largestBody) {
    long heldByDefault = Math.max(largestBody, Math.min(256L << 20, MAX_HEAP_BYTES / 4));
    long held = longValue("BODY_BUFFER_BYTES", heldByDefault, 1, Long.MAX_VALUE);
    long perAddress =
        longValue(
            "BODY_BUFFER_BYTES_PER_ADDRESS", Math.min(held, 4 * largestBody), 1, Long.MAX_VALUE);
    for (var cap :
        List.of(
            Map.entry("BODY_BUFFER_BYTES", held),
            Map.entry("BODY_BUFFER_BYTES_PER_ADDRESS", perAddress))) {
      if (cap.getValue() < largestBody) {
        problems.add(
            cap.getKey()
                + " must be at least the largest request body ("
                + largestBody
                + " bytes: MAX_ATTACHMENT_BYTES and its multipart frame, or MAX_REQUEST_BYTES).");
      }
    }
    return new AppConfig.Bodies(
        longValue(
            "BODY_MIN_BYTES_PER_SECOND", DEFAULT_BODY_MIN_BYTES_PER_SECOND, 1, 1_000_000_000L),
        held,
        perAddress);
  }

  private AppConfig.Outgoing outgoing() {
    Optional<SmtpSettings> smtp = Optional.empty();
    Optional<String> smtpUrl = text("SMTP_URL");
    if (smtpUrl.isPresent()) {
      try {
        smtp = Optional.of(SmtpSettings.parse(smtpUrl.get()));
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage() + ".");
      }
    }
    Optional<String> from = text("MAIL_FROM");
    if (smtpUrl.isPresent() && from.isEmpty()) {
      problems.add("MAIL_FROM must be set when SMTP_URL is (like Support <support@example.com>).");
    }
    from.ifPresent(
        f -> {
          try {
            new jakarta.mail.internet.InternetAddress(f, true);
          } catch (jakarta.mail.internet.AddressException e) {
            problems.add("MAIL_FROM is not an email address (got '" + f + "').");
          }
        });
    Optional<String> publicUrl = text("PUBLIC_URL").map(u -> u.replaceAll("/+$", ""));
    publicUrl.ifPresent(
        u -> {
          if (!u.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
            problems.add(
                "PUBLIC_URL must be an http(s) address like https://support.example.com (got '"
                    + u
                    + "').");
          }
        });
    if (smtpUrl.isPresent() && publicUrl.isEmpty()) {
      problems.add(
          "PUBLIC_URL must be set when SMTP_URL is: the links in emails point to it"
              + " (like https://support.example.com).");
    }
    return new AppConfig.Outgoing(
        smtp,
        from.orElse(""),
        duration("EMAIL_AFTER", DEFAULT_EMAIL_AFTER),
        publicUrl,
        duration("OUTBOX_FIRST_RETRY", DEFAULT_OUTBOX_FIRST_RETRY),
        duration("OUTBOX_RETRY_FOR", DEFAULT_OUTBOX_RETRY_FOR),
        onOff("WEBHOOKS_ALLOW_PRIVATE", false));
  }

  private AppConfig.Operations operations() {
    Optional<String> metricsToken = text("METRICS_TOKEN");
    metricsToken.ifPresent(
        token -> {
          if (token.length() < MIN_METRICS_TOKEN_LENGTH) {
            problems.add(
                "METRICS_TOKEN must be at least "
                    + MIN_METRICS_TOKEN_LENGTH
                    + " characters long (a random string; Prometheus sends it as a bearer token).");
          }
        });
    // Read by logback.xml itself (it picks the appender of that name); checked here so that a typo
    // stops start-up with a sentence instead of silencing the log.
    text("LOG_FORMAT")
        .filter(format -> !format.equals("text") && !format.equals("json"))
        .ifPresent(
            format -> problems.add("LOG_FORMAT must be text or json (got '" + format + "')."));
    Duration searchTimeout = duration("MESSAGE_SEARCH_TIMEOUT", DEFAULT_MESSAGE_SEARCH_TIMEOUT);
    if (searchTimeout.compareTo(Duration.ofMillis(100)) < 0
        || searchTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
      problems.add("MESSAGE_SEARCH_TIMEOUT must be between 100ms and 1m.");
    }
    return new AppConfig.Operations(
        metricsToken,
        searchTimeout,
        integer("HTTP_THREADS", DEFAULT_HTTP_THREADS, 16, 1_000),
        integer("PASSWORD_QUEUE", DEFAULT_PASSWORD_QUEUE, 1, 100_000));
  }

  /**
   * A token secret set in the environment, refused when it is short (HS256 wants 256 bits of key)
   * or a value published in examples, which anyone could sign tokens with.
   */
  private Optional<String> tokenSecret(String name) {
    Optional<String> value = text(name);
    value.ifPresent(
        v -> {
          int bytes = v.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
          if (KNOWN_EXAMPLE_SECRETS.contains(v.strip().toLowerCase(java.util.Locale.ROOT))) {
            problems.add(
                name
                    + " is a value published in examples, so anyone could sign tokens with it;"
                    + " set a random one (openssl rand -hex 32) or leave it unset to have one"
                    + " generated.");
          } else if (bytes < MIN_TOKEN_SECRET_BYTES) {
            problems.add(
                name
                    + " must be at least "
                    + MIN_TOKEN_SECRET_BYTES
                    + " bytes of random text (it has "
                    + bytes
                    + "); generate one with openssl rand -hex 32, or leave it unset to have one"
                    + " generated.");
          }
        });
    return value;
  }

  private AppConfig.Widget widget() {
    boolean visitors = onOff("WIDGET_VISITORS", true);
    AppConfig.Prechat prechat = AppConfig.Prechat.OFF;
    Optional<String> rawPrechat = text("WIDGET_PRECHAT");
    if (rawPrechat.isPresent()) {
      try {
        prechat = AppConfig.Prechat.valueOf(rawPrechat.get().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            "WIDGET_PRECHAT must be off, optional or required (got '" + rawPrechat.get() + "').");
      }
    }
    Optional<String> secret = text("WIDGET_IDENTITY_SECRET");
    secret.ifPresent(
        value -> {
          if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
              < MIN_IDENTITY_SECRET_BYTES) {
            problems.add(
                "WIDGET_IDENTITY_SECRET must be at least "
                    + MIN_IDENTITY_SECRET_BYTES
                    + " bytes long (a random string; see the README).");
          }
        });
    Optional<String> publicKey = text("WIDGET_IDENTITY_PUBLIC_KEY");
    publicKey.ifPresent(
        pem -> {
          try {
            PublicKeys.parse(pem);
          } catch (IllegalArgumentException e) {
            problems.add("WIDGET_IDENTITY_PUBLIC_KEY: " + e.getMessage());
          }
        });
    Duration maxTtl = duration("WIDGET_IDENTITY_MAX_TTL", DEFAULT_IDENTITY_MAX_TTL);
    Duration skew = duration("WIDGET_IDENTITY_CLOCK_SKEW", DEFAULT_IDENTITY_CLOCK_SKEW);
    return new AppConfig.Widget(
        visitors,
        prechat,
        integer(
            "WIDGET_VISITORS_PER_IP_PER_HOUR", DEFAULT_VISITORS_PER_IP_PER_HOUR, 1, 100_000_000),
        secret,
        publicKey,
        maxTtl,
        skew);
  }

  private boolean onOff(String name, boolean fallback) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
      case "on", "true", "1", "yes":
        return true;
      case "off", "false", "0", "no":
        return false;
      default:
        problems.add(name + " must be on or off (got '" + raw.get() + "').");
        return fallback;
    }
  }

  private static List<String> splitOrigins(String value) {
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
        .toList();
  }

  /** A CSP source list, separated by spaces or commas, normalised to spaces. */
  private String frameAncestors(String name, String fallback) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    List<String> sources =
        Arrays.stream(raw.get().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
    List<String> bad = sources.stream().filter(s -> !FRAME_ANCESTOR.matcher(s).matches()).toList();
    if (!bad.isEmpty()) {
      problems.add(
          name
              + " must list 'self', 'none', * or origins like https://shop.example.com (got "
              + String.join(" ", bad)
              + ").");
      return fallback;
    }
    return String.join(" ", sources);
  }

  private Optional<String> text(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private int integer(String name, int fallback, int min, int max) {
    return (int) number(name, fallback, min, max, Integer::parseInt);
  }

  private long longValue(String name, long fallback, long min, long max) {
    return number(name, fallback, min, max, Long::parseLong);
  }

  private long number(
      String name, long fallback, long min, long max, Function<String, Number> parser) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    try {
      long value = parser.apply(raw.get()).longValue();
      if (value < min || value > max) {
        problems.add(name + " must be between " + min + " and " + max + " (got " + value + ").");
      }
      return value;
    } catch (NumberFormatException e) {
      problems.add(name + " must be a whole number (got '" + raw.get() + "').");
      return fallback;
    }
  }

  /**
   * Durations like {@code 900}, {@code 900s}, {@code 15m}, {@code 12h}, {@code 10d}; a bare number
   * is seconds.
   */
  private Duration duration(String name, Duration fallback) {
    Optional<String> raw = text(name);
    if (raw.isEmpty()) {
      return fallback;
    }
    Matcher m = DURATION.matcher(raw.get());
    if (!m.matches()) {
      problems.add(
          name + " must be a duration like 900s, 15m, 12h or 10d (got '" + raw.get() + "').");
      return fallback;
    }
    long amount = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "s" : m.group(2);
    Duration value =
        switch (unit) {
          case "ms" -> Duration.ofMillis(amount);
          case "m" -> Duration.ofMinutes(amount);
          case "h" -> Duration.ofHours(amount);
          case "d" -> Duration.ofDays(amount);
          default -> Duration.ofSeconds(amount);
        };
    if (value.isZero()) {
      problems.add(name + " must be longer than zero.");
    }
    return value;
  }
}
