package dev.supportchat.testing;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts what work on a connection costs: statements executed through it (a JDBC batch counts once;
 * both engines) and, on PostgreSQL, round trips to the server on the current thread. A round trip
 * is a Sync message: pgjdbc sends one each time it waits for the server's answers, whatever number
 * of statements went before it; its own protocol log tells each one.
 */
public final class StatementCounter implements AutoCloseable {
  private static final Logger PGJDBC = Logger.getLogger("org.postgresql");
  private static final String SYNC = " FE=> Sync";

  private final Thread thread = Thread.currentThread();
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger roundTrips = new AtomicInteger();
  private final Level previousLevel = PGJDBC.getLevel();
  private final Handler syncs =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          if (Thread.currentThread() == thread && SYNC.equals(r.getMessage())) {
            roundTrips.incrementAndGet();
          }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  public StatementCounter() {
    syncs.setLevel(Level.ALL);
    PGJDBC.addHandler(syncs);
    PGJDBC.setLevel(Level.FINEST);
  }

  /** The connection, counting each statement executed through it, and commit and rollback. */
  public Connection wrap(Connection c) {
    return proxy(Connection.class, c);
  }

  public int statements() {
    return statements.get();
  }

  /** Round trips on PostgreSQL since this counter was made or reset (0 on SQLite). */
  public int roundTrips() {
    return roundTrips.get();
  }

  public void reset() {
    statements.set(0);
    roundTrips.set(0);
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target) {
    InvocationHandler counting =
        (p, method, args) -> {
          String name = method.getName();
          if (type == Connection.class && name.equals("isWrapperFor")) {
            // Statements go through this proxy to be counted, not beneath it to SQLite's cache of
            // compiled statements (store/SqliteStatements), which would not count them.
            return false;
          }
          boolean counts =
              type == Connection.class
                  ? name.equals("commit") || name.equals("rollback")
                  : name.startsWith("execute");
          if (counts) {
            statements.incrementAndGet();
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (result instanceof Statement s && method.getReturnType().isInterface()) {
            return proxy((Class<Object>) method.getReturnType(), s);
          }
          return result;
        };
    return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, counting);
  }

  /** Stops counting round trips and puts pgjdbc's log level back. */
  @Override
  public void close() {
    PGJDBC.removeHandler(syncs);
    PGJDBC.setLevel(previousLevel);
  }
}
