package dev.supportchat.tools;

import dev.supportchat.config.DatabaseSettings;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --name value} options of the command-line tools, checked against the names each tool
 * knows.
 */
final class ToolArgs {
  private final Map<String, String> values = new HashMap<>();

  private ToolArgs() {}

  /**
   * @throws IllegalArgumentException for an unknown option or one without a value, in a sentence
   *     for the user
   */
  /**
   * Parses the arguments and checks the database option; a mistake ends the tool with its message
   * and exit 2.
   */
  static ToolArgs parseOrExit(String tool, String[] args, Set<String> known) {
    try {
      ToolArgs parsed = parse(args, known);
      parsed.database();
      return parsed;
    } catch (IllegalArgumentException e) {
      System.err.println(tool + ": " + e.getMessage());
      System.exit(2);
      throw e;
    }
  }

  static ToolArgs parse(String[] args, Set<String> known) {
    ToolArgs parsed = new ToolArgs();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || !known.contains(arg.substring(2))) {
        throw new IllegalArgumentException(
            "unknown option " + arg + " (known: --" + String.join(", --", known) + ")");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      }
      parsed.values.put(arg.substring(2), args[++i]);
    }
    return parsed;
  }

  String string(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int positiveInt(String name, int fallback) {
    String raw = values.get(name);
    if (raw == null) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(raw.replace("_", ""));
      if (v > 0) {
        return v;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--" + name + " must be a positive whole number (got '" + raw + "')");
  }

  long longValue(String name, long fallback) {
    String raw = values.get(name);
    try {
      return raw == null ? fallback : Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + name + " must be a whole number (got '" + raw + "')");
    }
  }

  /**
   * {@code --database-url}, required: the tools never fall back to the server's own data folder by
   * accident.
   */
  DatabaseSettings database() {
    String url = values.get("database-url");
    if (url == null) {
      throw new IllegalArgumentException(
          "--database-url is required (jdbc:sqlite:<file> or postgres://…)");
    }
    return DatabaseSettings.parse(url, Path.of("unused.db"));
  }
}
