package dev.supportchat.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.supportchat.config.DatabaseSettings;
import dev.supportchat.error.AppException;
import dev.supportchat.error.ErrorCode;
import dev.supportchat.worker.Fatal;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connection pool and the two ways to use it: {@link #read} on an auto-commit connection,
 * {@link #write} in a transaction. On SQLite, writes from this process are serialised by a lock so
 * they queue here instead of spinning on the file's busy timeout.
 */
public final class Database implements AutoCloseable {
  private static final int SQLITE_POOL_SIZE = 8;
  private static final long CHECKPOINT_PERIOD_MS = 1_000;

  /** About 40 MB of log with 4 KB pages. */
  private static final int WAL_TRUNCATE_FRAMES = 10_000;

  /**
   * How long a request waits for a connection before failing with 503: an outage answers fast, not
   * hangs.
   */
  private static final long CONNECTION_TIMEOUT_MS = 3_000;

  private final HikariDataSource pool;
  private final Dialect dialect;
  private final ReentrantLock sqliteWriteLock = new ReentrantLock(true);

  private final ScheduledExecutorService checkpoints;

  private Database(HikariDataSource pool, Dialect dialect) {
    this.pool = pool;
    this.dialect = dialect;
    this.checkpoints = dialect == Dialect.SQLITE ? startCheckpoints() : null;
  }

  /**
   * A PASSIVE checkpoint every second: it copies what it can without blocking writers or readers.
   */
  private ScheduledExecutorService startCheckpoints() {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sqlite-checkpoint");
              t.setDaemon(true);
              return t;
            });
    timer.scheduleWithFixedDelay(
        Fatal.survivable("SQLite checkpoint", this::checkpoint),
        CHECKPOINT_PERIOD_MS,
        CHECKPOINT_PERIOD_MS,
        TimeUnit.MILLISECONDS);
    return timer;
  }

  private void checkpoint() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
      int walFrames = r.next() ? r.getInt(2) : 0;
      if (walFrames > WAL_TRUNCATE_FRAMES) {
        // Readers kept the passive checkpoints from finishing and the log keeps growing: between
        // two writes,
        // copy it all and truncate it (readers are waited for by the busy timeout).
        sqliteWriteLock.lock();
        try (Statement truncate = c.createStatement()) {
          truncate.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } finally {
          sqliteWriteLock.unlock();
        }
      }
    } catch (SQLException | RuntimeException e) {
      // the next round tries again; a closed pool ends with the timer
    }
  }

  /**
   * Opens the pool; the database must be reachable. Throws {@link DatabaseUnreachableException}
   * when it is not.
   */
  public static Database open(DatabaseSettings settings, int postgresPoolSize) {
    Dialect dialect = Dialect.of(settings.engine());
    if (dialect == Dialect.SQLITE) {
      createParentFolder(settings.jdbcUrl().substring("jdbc:sqlite:".length()));
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("db");
    config.setJdbcUrl(settings.jdbcUrl());
    if (settings.user() != null) {
      config.setUsername(settings.user());
    }
    if (settings.password() != null) {
      config.setPassword(settings.password());
    }
    config.setDataSourceProperties(dialect.connectionProperties());
    if (dialect == Dialect.SQLITE) {
      // Checkpoints run in the background (below), not inside whichever commit happens to cross the
      // threshold:
      // an inline checkpoint copies the WAL into the database and fsyncs it while every waiting
      // sender waits.
      config.setConnectionInitSql("PRAGMA wal_autocheckpoint=0");
    }
    config.setMaximumPoolSize(dialect == Dialect.SQLITE ? SQLITE_POOL_SIZE : postgresPoolSize);
    config.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    // Fail at start-up, with a clear sentence, rather than at the first request.
    config.setInitializationFailTimeout(CONNECTION_TIMEOUT_MS);
    try {
      return new Database(new HikariDataSource(config), dialect);
    } catch (RuntimeException e) {
      throw new DatabaseUnreachableException(
          "Cannot connect to the database (" + settings.describe() + "): " + rootMessage(e), e);
    }
  }

  private static void createParentFolder(String file) {
    Path parent = Path.of(file).toAbsolutePath().getParent();
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data folder " + parent, e);
    }
  }

  /**
   * Reports the pool (connections active, idle, pending; acquire times) to this Micrometer
   * registry; once.
   */
  public void instrument(MeterRegistry meterRegistry) {
    pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meterRegistry));
  }

  public Dialect dialect() {
    return dialect;
  }

  /** Runs read-only work on an auto-commit connection. */
  public <T> T read(SqlWork<T> work) {
    try (Connection c = pool.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /** Runs work in one transaction: committed if it returns, rolled back if it throws. */
  public <T> T write(SqlWork<T> work) {
    boolean sqlite = dialect == Dialect.SQLITE;
    if (sqlite) {
      sqliteWriteLock.lock();
    }
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw translate(e);
    } finally {
      if (sqlite) {
        sqliteWriteLock.unlock();
      }
    }
  }

  /** True when a trivial query answers within a second; used by {@code /health}. */
  public boolean isReachable() {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      s.execute("SELECT 1");
      return true;
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** True when the exception says a unique index refused a duplicate row. */
  public boolean isUniqueViolation(SQLException e) {
    return dialect.isUniqueViolation(e);
  }

  /**
   * A connection of its own, outside the pool: the migrations hold one for their lock while Flyway
   * uses the pool, which may have only two connections.
   */
  Connection unpooledConnection() throws SQLException {
    java.util.Properties p = new java.util.Properties();
    p.putAll(pool.getDataSourceProperties());
    if (pool.getUsername() != null) {
      p.setProperty("user", pool.getUsername());
    }
    if (pool.getPassword() != null) {
      p.setProperty("password", pool.getPassword());
    }
    return java.sql.DriverManager.getConnection(pool.getJdbcUrl(), p);
  }

  /** The database file, on SQLite. */
  java.util.Optional<java.nio.file.Path> sqliteFile() {
    String url = pool.getJdbcUrl();
    if (dialect != Dialect.SQLITE || !url.startsWith("jdbc:sqlite:")) {
      return java.util.Optional.empty();
    }
    String path = url.substring("jdbc:sqlite:".length());
    int query = path.indexOf('?');
    return java.util.Optional.of(
        java.nio.file.Path.of(query < 0 ? path : path.substring(0, query)));
  }

  /** The pool, for Flyway. */
  javax.sql.DataSource dataSource() {
    return pool;
  }

  private RuntimeException translate(SQLException e) {
    if (e instanceof SQLTransientConnectionException || dialect.isConnectionFailure(e)) {
      return new AppException(
          ErrorCode.UNAVAILABLE, "The database is unavailable; try again shortly.");
    }
    return new DataAccessException("database error: " + e.getMessage(), e);
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException rollbackFailure) {
      cause.addSuppressed(rollbackFailure);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  @Override
  public void close() {
    if (checkpoints != null) {
      checkpoints.shutdownNow();
    }
    pool.close();
  }
}
