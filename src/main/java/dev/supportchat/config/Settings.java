package dev.supportchat.config;

import java.util.List;

/**
 * Every environment variable the server reads, with its default, for {@code --help}. The same list
 * as README's settings table; {@code SettingsTest} fails when the two differ.
 */
public final class Settings {
  /** One environment variable. */
  public record Setting(String name, String defaultValue, String meaning) {}

  public static final List<Setting> ALL =
      List.of(
          new Setting("PORT", "8000", "HTTP and Socket.IO port"),
          new Setting(
              "HOST",
              "127.0.0.1",
              "interface to listen on (use 0.0.0.0 in containers / behind a load balancer)"),
          new Setting("DATA_DIR", "./data", "SQLite file, generated secrets, attachments"),
          new Setting(
              "DATABASE_URL",
              "SQLite file DATA_DIR/support-chat.db",
              "postgres://, postgresql://, jdbc:postgresql:// or jdbc:sqlite:"),
          new Setting("REDIS_URL", "none (single node)", "share Socket.IO events between nodes"),
          new Setting(
              "ACCESS_TOKEN_SECRET",
              "generated once into DATA_DIR/secrets.properties (with a warning)",
              "signs access tokens (HS256); must be the same on every node"),
          new Setting(
              "REFRESH_TOKEN_SECRET",
              "generated once, as above",
              "keys the stored hashes of refresh tokens"),
          new Setting("ACCESS_TOKEN_EXPIRY", "15m", "access token lifetime"),
          new Setting("REFRESH_TOKEN_EXPIRY", "10d", "refresh token lifetime"),
          new Setting(
              "CORS_ORIGIN",
              "none (same origin only)",
              "other origins allowed to call the API and open sockets; * is refused"),
          new Setting("ADMIN_EMAIL", "none", "create or update this admin at start-up"),
          new Setting("ADMIN_PASSWORD", "none", "create or update this admin at start-up"),
          new Setting("BCRYPT_COST", "10", "password hashing cost (10 to 16)"),
          new Setting(
              "PASSWORD_QUEUE",
              "500",
              "password checks (sign-ins, registrations, password changes, accepted invites) that may wait for the password threads (one per core), half of them for one client network; past that 429, past the whole 503, with Retry-After"),
          new Setting(
              "HTTP_THREADS",
              "32",
              "Jetty's request threads at most (16 to 1000; Jetty takes up to 8 of them for accepting connections and watching sockets on a large machine); passwords, bodies, downloads, long-polls and throttled logins wait without one"),
          new Setting(
              "LOGIN_MAX_ATTEMPTS_PER_EMAIL",
              "5",
              "failed logins per address per window, then 429"),
          new Setting(
              "LOGIN_MAX_ATTEMPTS_PER_IP",
              "30",
              "failed sign-ins (wrong passwords, refused identity tokens) per client IP per window, then 429; successful logins are not counted, so an office behind one address is never locked out"),
          new Setting(
              "REGISTRATIONS_PER_IP_PER_HOUR",
              "300",
              "accounts created per client IP per hour (POST /users/register), then 429"),
          new Setting("LOGIN_WINDOW", "15m", "the window of the two limits above"),
          new Setting("MAX_REQUEST_BYTES", "1000000", "largest JSON request body (413 above)"),
          new Setting(
              "BODY_MIN_BYTES_PER_SECOND",
              "1024",
              "a request body must arrive at this average rate over each 30 s of its arrival, else 408"),
          new Setting(
              "BODY_BUFFER_BYTES",
              "a quarter of the heap, at most 268435456 (256 MiB)",
              "memory of request bodies the server holds while they arrive, in all; past it 503"),
          new Setting(
              "BODY_BUFFER_BYTES_PER_ADDRESS",
              "4 largest bodies (42205184 by default)",
              "the same for one client address; a body past it gets 429"),
          new Setting("MAX_MESSAGE_LENGTH", "5000", "longest message, in characters"),
          new Setting("MAX_ATTACHMENT_BYTES", "10485760", "largest attachment upload (413 above)"),
          new Setting(
              "MESSAGE_EDIT_WINDOW",
              "15m",
              "how long after sending a sender may edit their message; later edits get 409 / conflict"),
          new Setting(
              "MESSAGES_PER_MINUTE_PER_USER",
              "600",
              "messages one user (not an admin) may send per minute over REST and all its sockets together; above it 429 / rate_limited ack"),
          new Setting(
              "WIDGET_VISITORS",
              "on",
              "anonymous visitors may chat from the widget without an account (POST /widget/visitors)"),
          new Setting(
              "WIDGET_PRECHAT",
              "off",
              "the visitors' name-and-email form: off, optional (skippable) or required"),
          new Setting(
              "WIDGET_VISITORS_PER_IP_PER_HOUR",
              "500",
              "visitor sessions started per client IP per hour, then 429 (a session lasts as long as the browser keeps it)"),
          new Setting(
              "WIDGET_IDENTITY_SECRET",
              "none (signed-in users off)",
              "HS256 secret shared with your site's backend, which signs identity tokens for its signed-in users (at least 32 bytes)"),
          new Setting(
              "WIDGET_IDENTITY_PUBLIC_KEY",
              "none",
              "instead of (or beside) the secret: a PEM EC P-256 (ES256) or RSA (RS256) public key, so your site signs with a private key we never see"),
          new Setting(
              "WIDGET_IDENTITY_MAX_TTL",
              "10m",
              "longest lifetime (exp) an identity token may have"),
          new Setting(
              "WIDGET_IDENTITY_CLOCK_SKEW",
              "30s",
              "tolerated difference between your site's clock and the server's"),
          new Setting(
              "WIDGET_FRAME_ANCESTORS",
              "'self' and the origins of CORS_ORIGIN",
              "sites allowed to embed the widget in a frame (its CSP frame-ancestors); every other page may only be framed by this server"),
          new Setting(
              "TRUST_PROXY",
              "false",
              "take the client IP from X-Forwarded-For (only behind your own proxy)"),
          new Setting(
              "REDIS_PREFIX",
              "support-chat",
              "prefix of the Redis channel, so several deployments can share one Redis"),
          new Setting("SOCKET_PING_INTERVAL", "25s", "Socket.IO heartbeat interval"),
          new Setting(
              "SOCKET_PING_TIMEOUT",
              "20s",
              "how long a missing heartbeat answer is tolerated before the socket is dropped"),
          new Setting(
              "SOCKET_MAX_PACKET_BYTES",
              "1000000",
              "largest Socket.IO packet with its binary attachments (larger: connection closed / 413)"),
          new Setting(
              "SOCKET_MAX_ATTACHMENTS",
              "10",
              "binary attachments one Socket.IO packet may declare (more: connection closed before anything is buffered)"),
          new Setting(
              "SOCKET_MAX_PENDING_BYTES",
              "32000000",
              "bytes of binary attachments awaiting reassembly on all of a node's connections together (a connection that would go over is closed)"),
          new Setting(
              "LOG_FORMAT",
              "text",
              "json: one JSON object per log line (time, level, logger, thread, message, and requestId / userId while handling an HTTP request or a socket event)"),
          new Setting(
              "SMTP_URL",
              "none (no email, said once in the log)",
              "outgoing mail: smtp:// (STARTTLS when offered) or smtps:// (TLS), optional user:password@ (percent-encoded); see Email"),
          new Setting(
              "MAIL_FROM", "none (required with SMTP_URL)", "the From address of every email"),
          new Setting(
              "PUBLIC_URL",
              "none (required with SMTP_URL)",
              "this server's address as people's browsers reach it; links in emails point to it"),
          new Setting(
              "EMAIL_AFTER",
              "5m",
              "how long a person with unread agent replies is away (no socket) before they get one email of them"),
          new Setting(
              "OUTBOX_FIRST_RETRY",
              "10s",
              "wait before a failed email or webhook delivery is tried again; each next retry waits twice as long (at most 2 h apart)"),
          new Setting(
              "OUTBOX_RETRY_FOR",
              "24h",
              "how long a failing delivery is retried before it is given up (marked failed)"),
          new Setting(
              "WEBHOOKS_ALLOW_PRIVATE",
              "off",
              "let webhooks target private, loopback and link-local addresses (on-premise receivers); off, such targets are refused"),
          new Setting(
              "MESSAGE_SEARCH_TIMEOUT",
              "2s",
              "a search of message contents running longer is stopped with a 503 asking for a narrower search, so one broad search never holds up others (100ms to 1m)"),
          new Setting(
              "LOGIN_MAX_DELAY",
              "3s",
              "after 3 failed logins on an account (from any address) its login answers wait, doubling from 250 ms up to this; the right password still signs in, this much later. Each throttling is logged with the address"),
          new Setting(
              "TRUSTED_PROXIES",
              "127.0.0.1/8,::1",
              "with TRUST_PROXY: your proxies (addresses or CIDR ranges); the client is the rightmost X-Forwarded-For entry that is not one of them (as nginx's real_ip_recursive)"),
          new Setting("INVITE_EXPIRY", "7d", "how long a team invite link works (at least 1m)"),
          new Setting(
              "AGENT_OFFLINE_GRACE",
              "10m",
              "with auto-assignment on, an agent offline (no dashboard open on any node) for longer than this gives their open chats back to the front of the queue (at least 10s)"),
          new Setting(
              "UPLOADS_PER_USER_PER_HOUR",
              "120",
              "attachments one user (not an admin) may upload per hour, then 429"),
          new Setting(
              "UPLOAD_QUOTA_BYTES",
              "209715200 (200 MiB)",
              "bytes of attachments one user (not an admin) may have stored; an upload that would go over gets 413"),
          new Setting(
              "UPLOAD_MIN_FREE_BYTES",
              "1073741824 (1 GiB)",
              "uploads are refused (503) while the data disk has less free space than this, so a full disk never stops the database"),
          new Setting(
              "UPLOAD_ORPHAN_AFTER",
              "1d",
              "uploads never attached to a message are deleted this long after upload (checked hourly)"),
          new Setting(
              "DOWNLOADS_AT_ONCE",
              "256",
              "attachment downloads being written at once, in all; past it 503 with Retry-After"),
          new Setting(
              "DOWNLOADS_AT_ONCE_PER_ADDRESS",
              "64",
              "the same for one client address (an IPv6 /64); past it 429 with Retry-After"),
          new Setting(
              "DOWNLOAD_MIN_BYTES_PER_SECOND",
              "1024",
              "a download must be read at this rate, judged per 32 KB chunk (32 s each at 1 KB/s), else its connection is closed and its slot freed"),
          new Setting(
              "SOCKET_ROOM_EVENTS_PER_SECOND",
              "100",
              "joins, leaves, typing and token renewals per second per socket, a budget of their own so a dashboard joining all its chats at connect never uses up its sends"),
          new Setting(
              "SOCKET_ROOM_EVENTS_BURST",
              "1000",
              "how many of those one socket may send at once (an agent with 500 open chats joins them all at connect)"),
          new Setting(
              "METRICS_TOKEN",
              "none (no /metrics)",
              "turns on /metrics (Prometheus text), answered only to Authorization: Bearer <METRICS_TOKEN>; at least 16 characters (docs/DEPLOYMENT.md, \"Metrics\")"),
          new Setting(
              "SOCKET_MESSAGES_PER_SECOND",
              "20",
              "events per second per socket (bursts of twice that), then rate_limited acks"));

  private Settings() {}
}
