package dev.supportchat;

import dev.supportchat.config.AppConfig;
import dev.supportchat.config.ConfigLoader;
import dev.supportchat.config.Settings;
import dev.supportchat.error.AppException;
import dev.supportchat.store.Database;
import dev.supportchat.store.Migrations;
import dev.supportchat.user.AdminAccounts;
import dev.supportchat.user.JdbcUserRepository;
import dev.supportchat.user.PasswordHasher;
import dev.supportchat.user.SessionTermination;
import dev.supportchat.user.Sessions;
import dev.supportchat.user.UserView;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The jar's commands besides serving: {@code --help}, and {@code admin create|reset-password} for
 * operators locked out of the dashboard. They use the server's configuration (the same environment
 * and {@code .env}), so they reach the same database. The password is read from the terminal
 * without echo, or from the first line of standard input when that is not a terminal; never from an
 * argument, where it would stay in the shell history and the process list.
 */
final class CommandLine {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  private static final int DB_POOL = 2;

  private final PrintStream out;
  private final PrintStream err;

  CommandLine(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** Whether these arguments are a command rather than "serve". */
  static boolean isCommand(String[] args) {
    return args.length > 0;
  }

  int run(String[] args) {
    String first = args[0];
    if (first.equals("--help") || first.equals("-h") || first.equals("help")) {
      out.print(help());
      return OK;
    }
    if (first.equals("admin")) {
      return admin(Arrays.copyOfRange(args, 1, args.length));
    }
    if (first.equals("health")) {
      return health(System.getenv());
    }
    err.println("Unknown command '" + first + "'. Run 'java -jar support-chat.jar --help'.");
    return USAGE;
  }

  private int admin(String[] args) {
    if (args.length == 0 || !(args[0].equals("create") || args[0].equals("reset-password"))) {
      err.println(
          "Usage: admin create --email <email> [--name <name>] | admin reset-password --email <email>");
      return USAGE;
    }
    Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
    if (options == null || !options.containsKey("email")) {
      err.println("admin " + args[0] + " needs --email <email> (run --help).");
      return USAGE;
    }
    String password;
    try {
      password = readPassword();
    } catch (IOException e) {
      err.println("Cannot read the password: " + e.getMessage());
      return FAILED;
    }
    if (password == null) {
      err.println("No password given (type it at the prompt, or pipe it on standard input).");
      return FAILED;
    }
    AppConfig config = ConfigLoader.fromEnvironment();
    Clock clock = Clock.systemUTC();
    try (Database db = Database.open(config.database(), DB_POOL);
        SessionTermination sessions =
            SessionTermination.start(
                migrated(db), Sessions.repository(db), config.accessTokenTtl(), clock)) {
      AdminAccounts accounts =
          new AdminAccounts(
              new JdbcUserRepository(db), sessions, new PasswordHasher(config.bcryptCost()), clock);
      if (args[0].equals("create")) {
        UserView admin = accounts.create(options.get("email"), options.get("name"), password);
        out.println("Created admin " + admin.email() + " (" + admin.id() + ").");
      } else {
        int ended = accounts.resetPassword(options.get("email"), password);
        out.println(
            "New password set for "
                + options.get("email").strip().toLowerCase(java.util.Locale.ROOT)
                + "; "
                + ended
                + (ended == 1 ? " login" : " logins")
                + " ended.");
      }
      return OK;
    } catch (AppException e) {
      err.println("admin " + args[0] + ": " + e.getMessage());
      return FAILED;
    }
  }

  /**
   * Asks the server running beside it (HOST, PORT) for {@code /health}: the container image's
   * health check, since the image has no shell or curl.
   */
  int health(Map<String, String> env) {
    String host = env.getOrDefault("HOST", "127.0.0.1");
    if (host.isBlank() || host.equals("0.0.0.0")) {
      host = "127.0.0.1";
    }
    URI uri = URI.create("http://" + host + ":" + env.getOrDefault("PORT", "8000") + "/health");
    try {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 200) {
        out.println("healthy");
        return OK;
      }
      err.println("unhealthy: " + uri + " answered " + r.statusCode() + " " + r.body());
      return FAILED;
    } catch (IOException e) {
      err.println("unhealthy: " + uri + " does not answer (" + e.getMessage() + ")");
      return FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return FAILED;
    }
  }

  /** {@code --key value} pairs; null when malformed. */
  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        return null;
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }

  /** From the terminal without echo (twice, to catch typos), else the first line of stdin. */
  private String readPassword() throws IOException {
    Console console = System.console();
    if (console != null) {
      char[] first = console.readPassword("New password (at least 8 characters): ");
      char[] again = console.readPassword("Again: ");
      if (first == null || again == null) {
        return null;
      }
      if (!Arrays.equals(first, again)) {
        throw new IOException("the two passwords differ");
      }
      return new String(first);
    }
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    return in.readLine();
  }

  static String help() {
    StringBuilder s = new StringBuilder();
    s.append(
        """
        support-chat: a self-hosted real-time support chat (REST + Socket.IO on one port).

        Usage:
          java -XX:+ExitOnOutOfMemoryError -jar support-chat.jar
              Start the server (configured by the environment variables below).
          java -jar support-chat.jar admin create --email <email> [--name <name>]
              Create an admin account. The password is asked for without echo, or read from the
              first line of standard input when it is not a terminal.
          java -jar support-chat.jar admin reset-password --email <email>
              Set a new password on an account (asked for as above) and end all its logins.
          java -jar support-chat.jar health
              Exit 0 when the server at HOST:PORT answers /health with 200 (the image's health check).
          java -jar support-chat.jar --help
              This text.

        Environment variables (a .env file in the working directory is read too):
        """);
    int width = Settings.ALL.stream().mapToInt(x -> x.name().length()).max().orElse(10);
    for (Settings.Setting setting : Settings.ALL) {
      s.append("  ")
          .append(String.format("%-" + width + "s", setting.name()))
          .append("  default: ")
          .append(setting.defaultValue())
          .append("\n")
          .append(" ".repeat(width + 4))
          .append(setting.meaning())
          .append("\n");
    }
    s.append("\nDocumentation: README.md, docs/DEPLOYMENT.md; the API at /api/docs.\n");
    return s.toString();
  }

  private static Database migrated(Database db) {
    Migrations.apply(db);
    return db;
  }
}
