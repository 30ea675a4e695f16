package dev.supportchat.worker;

/**
 * What a thread of ours does with a {@link Throwable} it caught at its loop. An {@link
 * OutOfMemoryError} (or another error that leaves the JVM in an unknown state) ends the process at
 * once, as {@code -XX:+ExitOnOutOfMemoryError} would, so that a supervisor starts a fresh one
 * instead of a node that answers health checks while its writer or emitter is dead. Anything else
 * is the caller's to log and survive.
 */
public final class Fatal {
  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Fatal.class);

  /** The status HotSpot's ExitOnOutOfMemoryError exits with. */
  public static final int EXIT_STATUS = 3;

  private Fatal() {}

  /**
   * True for errors after which no thread's state can be trusted. A {@link StackOverflowError} is
   * not one: it unwinds the one stack that overflowed and leaves the rest intact.
   */
  public static boolean isFatal(Throwable t) {
    return t instanceof VirtualMachineError && !(t instanceof StackOverflowError);
  }

  /** Halts the JVM if {@code t} is fatal; returns otherwise. */
  public static void haltIfFatal(Throwable t, String thread) {
    if (!isFatal(t)) {
      return;
    }
    try {
      // No logging framework here: it may need memory that is not there. A constant string is the
      // most that works.
      System.err.println(
          "support-chat: fatal "
              + t.getClass().getName()
              + " on thread "
              + thread
              + "; exiting so a supervisor can restart the process");
    } finally {
      Runtime.getRuntime().halt(EXIT_STATUS);
    }
  }

  /**
   * {@code task} for a timer or an executor that must outlive its failures: a periodic task that
   * throws is never run again by a {@link java.util.concurrent.ScheduledExecutorService}, silently.
   * Failures are logged (fatal ones halt).
   */
  public static Runnable survivable(String what, Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (Throwable t) {
        haltIfFatal(t, Thread.currentThread().getName());
        log.error("{} failed; it will run again", what, t);
      }
    };
  }

  /**
   * Threads we did not write (Jetty's, the JDK's) that die of a fatal error end the process too;
   * others are logged by the JVM's default behaviour.
   */
  public static void installUncaughtHandler() {
    Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, error) -> {
          haltIfFatal(error, thread.getName());
          if (previous != null) {
            previous.uncaughtException(thread, error);
          } else {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            error.printStackTrace();
          }
        });
  }
}
