package dev.supportchat;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.supportchat.config.AppConfig;
import dev.supportchat.config.ConfigException;
import dev.supportchat.config.ConfigLoader;
import dev.supportchat.http.WebServer;
import dev.supportchat.store.DatabaseUnreachableException;
import dev.supportchat.worker.Fatal;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the server from the environment; a configuration problem stops it with one sentence, not a
 * stack trace.
 */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    if (CommandLine.isCommand(args)) {
      int status;
      try {
        status = new CommandLine(System.out, System.err).run(args);
      } catch (ConfigException | DatabaseUnreachableException e) {
        System.err.println("support-chat cannot run the command: " + e.getMessage());
        status = CommandLine.FAILED;
      }
      System.exit(status);
      return;
    }
    Fatal.installUncaughtHandler();
    warnUnlessExitOnOutOfMemory();
    App app;
    try {
      AppConfig config = ConfigLoader.fromEnvironment();
      log.info("Starting support-chat with {}", config.database().describe());
      app = App.start(config, Clock.systemUTC());
      log.info("support-chat is listening on http://{}:{}", config.host(), app.port());
    } catch (ConfigException | DatabaseUnreachableException | WebServer.PortInUseException e) {
      System.err.println("support-chat cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
  }

  /**
   * Our own threads halt the process on an OutOfMemoryError (worker.Fatal), but one thrown on a
   * Jetty or JDK thread is caught and logged there, and the JVM would go on half-working. Only the
   * JVM flag covers every thread; it cannot be set from inside, so its absence is said at start-up.
   */
  private static void warnUnlessExitOnOutOfMemory() {
    try {
      var vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      boolean exits =
          "true".equals(vm.getVMOption("ExitOnOutOfMemoryError").getValue())
              || "true".equals(vm.getVMOption("CrashOnOutOfMemoryError").getValue());
      if (!exits) {
        log.warn(
            "Started without -XX:+ExitOnOutOfMemoryError: after an OutOfMemoryError on a thread that is not "
                + "ours the process would keep running half-broken. Start it with "
                + "'java -XX:+ExitOnOutOfMemoryError -jar support-chat.jar' under a supervisor that restarts it "
                + "(docs/DEPLOYMENT.md).");
      }
    } catch (RuntimeException | LinkageError notHotSpot) {
      log.warn(
          "Cannot tell whether -XX:+ExitOnOutOfMemoryError is set ({}); set it (docs/DEPLOYMENT.md).",
          notHotSpot.toString());
    }
  }
}
