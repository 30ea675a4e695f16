package dev.supportchat.testing;

import dev.supportchat.App;
import dev.supportchat.config.ConfigLoader;
import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.store.Database;
import dev.supportchat.store.Ids;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.PasswordHasher;
import dev.supportchat.user.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server, started in-process on a free port against a fresh database, with a known admin
 * account and a clock the test controls. Everything a test sees goes through real HTTP and real
 * sockets.
 */
public final class TestApp implements AutoCloseable {
  public static final String ADMIN_EMAIL = "admin@example.com";
  public static final String ADMIN_PASSWORD = "admin-password-1";
  private static final String ACCESS_TOKEN_SECRET = "test-access-secret-0123456789-abcdef";
  private static final String REFRESH_TOKEN_SECRET = "test-refresh-secret-0123456789-abcdef";

  public final TestDatabases.Fresh database;
  public final MutableClock clock;
  public final App app;
  public final HttpTestClient http;
  public final Path dataDir;
  private final boolean ownsDatabase;

  private TestApp(
      TestDatabases.Fresh database,
      MutableClock clock,
      App app,
      Path dataDir,
      boolean ownsDatabase) {
    this.database = database;
    this.clock = clock;
    this.app = app;
    this.dataDir = dataDir;
    this.ownsDatabase = ownsDatabase;
    this.http = new HttpTestClient("http://127.0.0.1:" + app.port());
  }

  public static TestApp start(Engine engine) {
    return start(engine, Map.of());
  }

  public static TestApp start(Engine engine, Map<String, String> overrides) {
    return start(TestDatabases.create(engine), new MutableClock(), overrides, true);
  }

  /**
   * Starts (or restarts) a server on an existing database; the caller keeps ownership of the
   * database.
   */
  public static TestApp start(
      TestDatabases.Fresh db,
      MutableClock clock,
      Map<String, String> overrides,
      boolean ownsDatabase) {
    Path dataDir = db.dir() != null ? db.dir() : tempDir();
    Map<String, String> env = serverEnvironment(dataDir, db.url());
    env.put("HOST", "127.0.0.1");
    env.put("PORT", "0");
    env.putAll(overrides);
    App app;
    try {
      app = App.start(ConfigLoader.load(env), clock);
    } catch (RuntimeException e) {
      if (db.dir() == null) {
        TestDatabases.deleteTree(dataDir);
      }
      throw e;
    }
    return new TestApp(db, clock, app, dataDir, ownsDatabase);
  }

  /** The secret test servers sign access tokens with (to forge tokens in tests). */
  public static String accessTokenSecret() {
    return ACCESS_TOKEN_SECRET;
  }

  /**
   * What every test server is configured with, in this JVM or as a process of its own ({@link
   * ServerProcess}): servers given the same database share accounts, and tokens one of them signs
   * are valid on all.
   */
  public static Map<String, String> serverEnvironment(Path dataDir, String databaseUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("DATA_DIR", dataDir.toString());
    env.put("DATABASE_URL", databaseUrl);
    env.put("ACCESS_TOKEN_SECRET", ACCESS_TOKEN_SECRET);
    env.put("REFRESH_TOKEN_SECRET", REFRESH_TOKEN_SECRET);
    env.put("ADMIN_EMAIL", ADMIN_EMAIL);
    env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    return env;
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("sc-data-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds another admin account straight into the database (only the first admin is bootstrapped).
   */
  public void createAdmin(String email, String password) {
    createAdmin(app.database(), clock.instant(), email, password);
  }

  /** Adds another admin account into a database the servers use, whichever process runs them. */
  public static void createAdmin(Database database, Instant now, String email, String password) {
    var users = new JdbcUserRepository(database);
    users.insert(
        new User(
            Ids.newId(),
            email,
            null,
            "Admin " + email,
            new PasswordHasher(10).hash(password),
            true,
            now,
            now));
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + app.port();
  }

  @Override
  public void close() {
    app.close();
    if (database.dir() == null) {
      // Its own directory (a PostgreSQL database keeps no files): the next start makes another.
      TestDatabases.deleteTree(dataDir);
    }
    if (ownsDatabase) {
      database.close();
    }
  }
}
