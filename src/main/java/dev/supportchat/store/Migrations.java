package dev.supportchat.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema files in {@code db/migration/} that this database has not seen yet,
 * in order, each in its own transaction, and records them in {@code schema_version}. A file runs on
 * both SQLite and PostgreSQL, unless a version needs what only one engine has (an FTS5 table, a
 * pg_trgm index): it then comes as two files, {@code V5__name.sqlite.sql} and {@code
 * V5__name.postgres.sql}, listed once as {@code V5__name.sql}. (Why not Flyway: see
 * docs/DECISIONS.md.)
 */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  /** Every migration, oldest first. A new file is added here; an applied one is never edited. */
  static final List<String> FILES =
      List.of(
          "V1__users_and_sessions.sql",
          "V2__chats_and_messages.sql",
          "V3__query_indexes.sql",
          "V4__message_counters.sql",
          "V5__chat_search.sql",
          "V6__chat_search_active_only.sql",
          "V7__visitors_and_identity.sql",
          "V8__ended_sessions_and_upload_quotas.sql",
          "V9__team_and_assignment.sql");

  private static final String RESOURCE_FOLDER = "/db/migration/";

  private Migrations() {}

  public static void apply(Database db) {
    try (Connection c = db.rawConnection()) {
      db.dialect().lockForMigrations(c);
      try {
        createVersionTable(c);
        Set<Integer> applied = appliedVersions(c);
        for (String file : FILES) {
          int version = versionOf(file);
          if (!applied.contains(version)) {
            applyFile(c, version, resolve(file, db.dialect()));
          }
        }
      } finally {
        db.dialect().unlockAfterMigrations(c);
      }
    } catch (SQLException e) {
      throw new DataAccessException("migration failed: " + e.getMessage(), e);
    }
  }

  private static void createVersionTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS schema_version ("
              + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
    }
  }

  private static Set<Integer> appliedVersions(Connection c) throws SQLException {
    return new TreeSet<>(Sql.list(c, "SELECT version FROM schema_version", rs -> rs.getInt(1)));
  }

  private static void applyFile(Connection c, int version, String file) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String statement : statements(read(file))) {
        s.execute(statement);
      }
      Sql.update(
          c,
          "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
          version,
          file,
          System.currentTimeMillis());
      c.commit();
      log.info("Applied migration {}", file);
    } catch (SQLException e) {
      c.rollback();
      // Another node may have applied it between our check and our insert (SQLite has no advisory
      // lock).
      if (Sql.count(c, "SELECT COUNT(*) FROM schema_version WHERE version = ?", version) == 0) {
        throw e;
      }
    } finally {
      c.setAutoCommit(true);
    }
  }

  /** The engine's own variant of a migration when there is one, else the shared file. */
  static String resolve(String file, Dialect dialect) {
    String engineFile =
        file.replaceFirst("\\.sql$", "." + dialect.name().toLowerCase(Locale.ROOT) + ".sql");
    return Migrations.class.getResource(RESOURCE_FOLDER + engineFile) != null ? engineFile : file;
  }

  static int versionOf(String file) {
    return Integer.parseInt(file.substring(1, file.indexOf("__")));
  }

  /**
   * Splits a file on semicolons that end a line; our migration files keep one statement per such
   * block.
   */
  static List<String> statements(String sql) {
    String withoutComments =
        sql.lines()
            .filter(line -> !line.strip().startsWith("--"))
            .reduce("", (a, b) -> a + b + "\n");
    return Arrays.stream(withoutComments.split(";\\s*\n"))
        .map(String::strip)
        .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static String read(String file) {
    try (InputStream in = Migrations.class.getResourceAsStream(RESOURCE_FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("missing migration file " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
