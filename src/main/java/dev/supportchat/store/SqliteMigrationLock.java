package dev.supportchat.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets one migration run at a time on a SQLite file, across threads and processes: Flyway locks
 * nothing on SQLite (on PostgreSQL it takes an advisory lock), so two servers starting together on
 * one file both applied V3 and one failed with SQLITE_BUSY_SNAPSHOT (FlywayUpgradeIT). An OS file
 * lock on {@code <database>.migration-lock} covers other processes; since the JVM refuses a second
 * lock on the same file from within itself instead of waiting, threads wait on a lock per path
 * first.
 */
final class SqliteMigrationLock implements AutoCloseable {
  private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final ReentrantLock inProcess;
  private final FileChannel channel;
  private final FileLock fileLock;

  private SqliteMigrationLock(ReentrantLock inProcess, FileChannel channel, FileLock fileLock) {
    this.inProcess = inProcess;
    this.channel = channel;
    this.fileLock = fileLock;
  }

  /** Waits until no other thread or process migrates this database file. */
  static SqliteMigrationLock acquire(Path databaseFile) {
    Path lockFile = databaseFile.resolveSibling(databaseFile.getFileName() + ".migration-lock");
    ReentrantLock inProcess =
        IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
    inProcess.lock();
    try {
      FileChannel channel =
          FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      try {
        return new SqliteMigrationLock(inProcess, channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        channel.close();
        throw e;
      }
    } catch (IOException e) {
      inProcess.unlock();
      throw new UncheckedIOException("cannot lock " + lockFile + " for the migrations", e);
    } catch (RuntimeException e) {
      inProcess.unlock();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      fileLock.release();
      channel.close();
    } catch (IOException ignored) {
      // the lock goes with the channel or the process anyway
    } finally {
      inProcess.unlock();
    }
  }
}
