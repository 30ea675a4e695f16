package dev.supportchat.testing;

import dev.supportchat.config.DatabaseSettings;
import dev.supportchat.config.DatabaseSettings.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;

/**
 * Fresh, empty databases for tests: a SQLite file in a temp folder, or a new PostgreSQL database on
 * the local server (TEST_POSTGRES_URL, default the machine's trust-auth server), dropped again by
 * {@link Fresh#close()}.
 */
public final class TestDatabases {
  private static final String ADMIN_URL =
      System.getenv()
          .getOrDefault("TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

  private TestDatabases() {}

  /** A database that exists only for one test (class). */
  public record Fresh(Engine engine, DatabaseSettings settings, String pgName, Path dir)
      implements AutoCloseable {
    /** The same database as a {@code DATABASE_URL} value. */
    public String url() {
      return settings.jdbcUrl();
    }

    @Override
    public void close() {
      if (pgName != null) {
        dropPostgres(pgName);
      }
      if (dir != null) {
        deleteTree(dir);
      }
    }
  }

  public static Fresh create(Engine engine) {
    if (engine == Engine.SQLITE) {
      try {
        Path dir = Files.createTempDirectory("sc-test-");
        return new Fresh(engine, DatabaseSettings.sqliteFile(dir.resolve("test.db")), null, dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    String name = "sc_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execAsAdmin("CREATE DATABASE " + name);
    String url = ADMIN_URL.replaceFirst("/test(\\?|$)", "/" + name + "$1");
    return new Fresh(engine, new DatabaseSettings(Engine.POSTGRES, url, null, null), name, null);
  }

  static void dropPostgres(String name) {
    execAsAdmin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  public static void execAsAdmin(String sql) {
    try (Connection c = DriverManager.getConnection(ADMIN_URL);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL test server not usable (" + ADMIN_URL + "): " + e.getMessage(), e);
    }
  }

  public static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // best effort: it is a temp folder
    }
  }
}
