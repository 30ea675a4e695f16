package dev.supportchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code --help} lists every command and every setting; the settings are README's. */
class CommandLineTest {
  private static final Pattern README_ROW =
      Pattern.compile("(?m)^\\| `([A-Z_]+)`(?: / `([A-Z_]+)`)? \\|");

  @Test
  void helpListsEveryCommandAndEverySettingWithItsDefault() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
            .run(new String[] {"--help"});
    String help = out.toString(StandardCharsets.UTF_8);
    assertThat(status).isZero();
    assertThat(help)
        .contains("admin create --email <email>")
        .contains("admin reset-password --email <email>")
        .contains("support-chat.jar health")
        .contains("--help");
    for (Settings.Setting s : Settings.ALL) {
      assertThat(help).contains(s.name()).contains("default: " + s.defaultValue());
    }
    assertThat(help).contains("METRICS_TOKEN").contains("LOG_FORMAT");
  }

  @Test
  void theSettingsOfHelpAreTheSettingsOfTheReadme() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    TreeSet<String> inReadme = new TreeSet<>();
    Matcher m = README_ROW.matcher(readme);
    while (m.find()) {
      inReadme.add(m.group(1));
      if (m.group(2) != null) {
        inReadme.add(m.group(2));
      }
    }
    TreeSet<String> inHelp =
        new TreeSet<>(Settings.ALL.stream().map(Settings.Setting::name).toList());
    assertThat(missing(inReadme, inHelp))
        .as("README settings missing from config/Settings.java (add them there for --help)")
        .isEmpty();
    assertThat(missing(inHelp, inReadme))
        .as("config/Settings.java entries missing from README's settings table")
        .isEmpty();
  }

  @Test
  void unknownCommandsAndMissingOptionsAreUsageErrors() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine cli =
        new CommandLine(System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(cli.run(new String[] {"serve-please"})).isEqualTo(CommandLine.USAGE);
    assertThat(cli.run(new String[] {"admin", "delete"})).isEqualTo(CommandLine.USAGE);
    assertThat(cli.run(new String[] {"admin", "create"})).isEqualTo(CommandLine.USAGE);
    assertThat(cli.run(new String[] {"admin", "create", "--email"})).isEqualTo(CommandLine.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Unknown command 'serve-please'")
        .contains("needs --email");
  }

  @Test
  void healthFailsWithASentenceWhenNothingAnswers() throws Exception {
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        new CommandLine(System.out, new PrintStream(err, true, StandardCharsets.UTF_8))
            .health(java.util.Map.of("HOST", "0.0.0.0", "PORT", String.valueOf(port)));
    assertThat(status).isEqualTo(CommandLine.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unhealthy: http://127.0.0.1:" + port + "/health does not answer");
  }

  private static List<String> missing(TreeSet<String> these, TreeSet<String> in) {
    return these.stream().filter(x -> !in.contains(x)).toList();
  }
}
