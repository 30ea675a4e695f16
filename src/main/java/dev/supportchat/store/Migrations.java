package dev.supportchat.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.resource.LoadableResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the schema up to date with Flyway (community edition): the versioned files in {@code
 * db/migration/} listed below, each applied once, in order, in its own transaction, recorded in
 * Flyway's {@code flyway_schema_history}. A file runs on both SQLite and PostgreSQL, unless a
 * version needs what only one engine has (an FTS5 table, a pg_trgm index): it then comes as two
 * files, {@code V5__name.sqlite.sql} and {@code V5__name.postgres.sql}, listed once as {@code
 * V5__name.sql}; Flyway is handed the engine's file under the listed name.
 *
 * <p>A database made by the runner this replaced (its {@code schema_version} table, versions 1 to
 * n) is baselined at n on first start, and Flyway applies only what came after. Several nodes
 * starting together take a lock around all of it (on PostgreSQL an advisory lock, besides Flyway's
 * own; on SQLite a file lock, {@link SqliteMigrationLock}), so exactly one applies each migration.
 * (Why Flyway, and what it could not do: see docs/DECISIONS.md.)
 */
public final class Migrations {
  private static final Logger log = LoggerFactory.getLogger(Migrations.class);

  /**
   * Every migration, oldest first. A new one is one line here and its file (or two files) in {@code
   * db/migration/}; an applied one is never edited. {@code MigrationFilesTest} fails for a file
   * that is not listed.
   */
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
          "V9__team_and_assignment.sql",
          "V11__outbox_and_email.sql",
          "V12__webhooks.sql",
          "V13__saved_replies_and_labels.sql",
          "V14__ratings_and_business_hours.sql",
          "V15__message_search.sql",
          "V17__chat_timeline.sql");

  static final String RESOURCE_FOLDER = "/db/migration/";
  private static final String LEGACY_TABLE = "schema_version";

  private Migrations() {}

  public static void apply(Database db) {
    Optional<Path> sqliteFile = db.sqliteFile();
    if (sqliteFile.isPresent()) {
      try (SqliteMigrationLock lock = SqliteMigrationLock.acquire(sqliteFile.get())) {
        applyLocked(db);
      }
    } else {
      applyLocked(db);
    }
  }

  private static void applyLocked(Database db) {
    try (Connection c = db.unpooledConnection()) {
      db.dialect().lockForMigrations(c);
      try {
        migrate(db, legacyVersion(c));
      } finally {
        db.dialect().unlockAfterMigrations(c);
      }
    } catch (SQLException e) {
      throw new DataAccessException("migration failed: " + e.getMessage(), e);
    }
  }

  private static void migrate(Database db, Optional<Integer> legacy) {
    var config =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(db.dataSource())
            .resourceProvider(new ListedFiles(db.dialect()))
            .sqlMigrationSuffixes(".sql")
            // Our SQL has no placeholders; a "${" in a string literal must stay as it is.
            .placeholderReplacement(false)
            .cleanDisabled(true)
            .validateOnMigrate(true);
    if (legacy.isPresent()) {
      // Made by the old runner: what it applied is the baseline, only what came after runs.
      config
          .baselineOnMigrate(true)
          .baselineVersion(MigrationVersion.fromVersion(String.valueOf(legacy.get())))
          .baselineDescription("schema_version " + legacy.get() + " (the runner before Flyway)");
    }
    try {
      MigrateResult result = config.load().migrate();
      if (result.migrationsExecuted > 0) {
        log.info(
            "Applied {} migration(s); the schema is at version {}",
            result.migrationsExecuted,
            result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new DataAccessException("migration failed: " + e.getMessage(), e);
    }
  }

  /**
   * The newest version the runner before Flyway recorded, when this database was made by it and
   * Flyway has not taken over yet.
   */
  private static Optional<Integer> legacyVersion(Connection c) throws SQLException {
    if (!tableExists(c, LEGACY_TABLE) || tableExists(c, "flyway_schema_history")) {
      return Optional.empty();
    }
    return Sql.one(c, "SELECT MAX(version) FROM " + LEGACY_TABLE, rs -> rs.getInt(1));
  }

  private static boolean tableExists(Connection c, String table) throws SQLException {
    try (var tables = c.getMetaData().getTables(null, null, table, new String[] {"TABLE"})) {
      return tables.next();
    }
  }

  /** The engine's own variant of a migration when there is one, else the shared file. */
  static String resolve(String file, Dialect dialect) {
    String engineFile =
        file.replaceFirst("\\.sql$", "." + dialect.name().toLowerCase(Locale.ROOT) + ".sql");
    return Migrations.class.getResource(RESOURCE_FOLDER + engineFile) != null ? engineFile : file;
  }

  /**
   * Hands Flyway the listed files (no classpath scanning), each under its listed name with the
   * engine's content.
   */
  private static final class ListedFiles implements ResourceProvider {
    private final Dialect dialect;

    ListedFiles(Dialect dialect) {
      this.dialect = dialect;
    }

    @Override
    public LoadableResource getResource(String name) {
      return null;
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
      if (!prefix.equals("V")) {
        return List.of(); // no repeatable migrations, callbacks or undo files
      }
      return FILES.stream()
          .map(file -> (LoadableResource) new ListedFile(file, resolve(file, dialect)))
          .toList();
    }
  }

  /** A listed migration; {@code source} is the file read (the engine's variant, if any). */
  private static final class ListedFile extends LoadableResource {
    private final String name;
    private final String source;

    ListedFile(String name, String source) {
      this.name = name;
      this.source = source;
    }

    @Override
    public Reader read() {
      InputStream in = Migrations.class.getResourceAsStream(RESOURCE_FOLDER + source);
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing migration file " + source));
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return RESOURCE_FOLDER.substring(1) + source;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return getAbsolutePath();
    }

    @Override
    public String getFilename() {
      return name;
    }

    @Override
    public String getRelativePath() {
      return name;
    }
  }
}
