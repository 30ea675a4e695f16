package dev.supportchat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where outgoing mail goes, from {@code SMTP_URL}: {@code smtp://host:port} (STARTTLS when the
 * server offers it) or {@code smtps://host:port} (TLS from the first byte), with an optional {@code
 * user:password@} (percent-encoded).
 */
public record SmtpSettings(
    String host, int port, boolean implicitTls, Optional<String> user, Optional<String> password) {
  public static final int DEFAULT_SMTP_PORT = 587;
  public static final int DEFAULT_SMTPS_PORT = 465;

  /** Parses the URL; the message of the exception is one sentence for the operator. */
  public static SmtpSettings parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("SMTP_URL is not a URL (" + e.getReason() + ")");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
    if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
      throw new IllegalArgumentException(
          "SMTP_URL must start with smtp:// or smtps:// (like smtps://user:pass@mail.example.com:465)");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException(
          "SMTP_URL must name a host (like smtp://mail.example.com)");
    }
    boolean tls = scheme.equals("smtps");
    int port = uri.getPort() == -1 ? (tls ? DEFAULT_SMTPS_PORT : DEFAULT_SMTP_PORT) : uri.getPort();
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String info = uri.getRawUserInfo();
    if (info != null && !info.isEmpty()) {
      int colon = info.indexOf(':');
      user = Optional.of(decode(colon < 0 ? info : info.substring(0, colon)));
      password = colon < 0 ? Optional.empty() : Optional.of(decode(info.substring(colon + 1)));
    }
    return new SmtpSettings(uri.getHost(), port, tls, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The URL without its password, for the log. */
  public String describe() {
    return (implicitTls ? "smtps://" : "smtp://")
        + user.map(u -> u + "@").orElse("")
        + host
        + ":"
        + port;
  }

  @Override
  public String toString() {
    return describe();
  }
}
