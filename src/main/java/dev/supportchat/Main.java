package dev.supportchat;

import dev.supportchat.config.AppConfig;
import dev.supportchat.config.ConfigException;
import dev.supportchat.config.ConfigLoader;
import dev.supportchat.http.WebServer;
import dev.supportchat.store.DatabaseUnreachableException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server from the environment; a configuration problem stops it with one sentence, not a stack trace. */
public final class Main {
  private static final Logger log = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
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
}
