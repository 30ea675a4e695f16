package dev.supportchat.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Which database to use and how to reach it, parsed from {@code DATABASE_URL}. */
public record DatabaseSettings(Engine engine, String jdbcUrl, String user, String password) {

  /** The two database engines the store speaks. */
  public enum Engine {
    SQLITE,
    POSTGRES
  }

  public static DatabaseSettings sqliteFile(Path file) {
    return new DatabaseSettings(Engine.SQLITE, "jdbc:sqlite:" + file, null, null);
  }

  /**
   * Parses a {@code DATABASE_URL}: absent means the SQLite file in the data folder; {@code
   * postgres://} and {@code postgresql://} URLs (with user and password in them) and {@code
   * jdbc:postgresql:} / {@code jdbc:sqlite:} URLs are accepted.
   *
   * @throws IllegalArgumentException with a sentence a person can act on
   */
  public static DatabaseSettings parse(String url, Path defaultSqliteFile) {
    if (url == null || url.isBlank()) {
      return sqliteFile(defaultSqliteFile);
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:sqlite:")) {
      return new DatabaseSettings(Engine.SQLITE, trimmed, null, null);
    }
    if (trimmed.startsWith("sqlite:")) {
      return sqliteFile(Path.of(trimmed.substring("sqlite:".length())));
    }
    if (trimmed.startsWith("jdbc:postgresql://")) {
      return new DatabaseSettings(Engine.POSTGRES, trimmed, null, null);
    }
    if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
      return fromPostgresUri(trimmed);
    }
    throw new IllegalArgumentException(
        "DATABASE_URL must start with postgres://, postgresql://, jdbc:postgresql:// or jdbc:sqlite: (got '"
            + redact(trimmed)
            + "')");
  }

  private static DatabaseSettings fromPostgresUri(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("DATABASE_URL is not a valid URL: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
      throw new IllegalArgumentException(
          "DATABASE_URL must name a host and a database, like postgres://user:password@localhost:5432/support");
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : null;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
    return new DatabaseSettings(Engine.POSTGRES, jdbc, user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** Hides a password in a URL before it is shown in a message. */
  static String redact(String url) {
    return url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@");
  }

  /** A description for logs, never containing the password. */
  public String describe() {
    return engine == Engine.SQLITE
        ? "SQLite " + jdbcUrl.substring("jdbc:sqlite:".length())
        : "PostgreSQL " + redact(jdbcUrl);
  }

  @Override
  public String toString() {
    return describe();
  }
}
