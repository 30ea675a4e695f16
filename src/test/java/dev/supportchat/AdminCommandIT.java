package dev.supportchat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supportchat.config.DatabaseSettings.Engine;
import dev.supportchat.testing.HttpTestClient.Login;
import dev.supportchat.testing.HttpTestClient.Response;
import dev.supportchat.testing.MutableClock;
import dev.supportchat.testing.TestApp;
import dev.supportchat.testing.TestDatabases;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code java … Main admin create|reset-password} as an operator runs it, as its own process with
 * the password on standard input, against the database a server then uses, on both engines.
 */
class AdminCommandIT {
  private static final String PASSWORD = "operator-pass-1";

  record Run(int status, String out) {}

  @ParameterizedTest
  @EnumSource(Engine.class)
  void anOperatorCreatesAnAdminAndResetsAPasswordFromTheCommandLine(Engine engine)
      throws Exception {
    try (TestDatabases.Fresh db = TestDatabases.create(engine)) {
      Path dataDir =
          db.dir() != null ? db.dir() : java.nio.file.Files.createTempDirectory("sc-cli-");
      Map<String, String> env = TestApp.serverEnvironment(dataDir, db.url());

      Run created = run(env, PASSWORD + "\n", "admin", "create", "--email", "Ops@Example.com");
      assertThat(created.status()).as(created.out()).isZero();
      assertThat(created.out()).contains("Created admin ops@example.com").doesNotContain(PASSWORD);

      Run again = run(env, PASSWORD + "\n", "admin", "create", "--email", "ops@example.com");
      assertThat(again.status()).isEqualTo(1);
      assertThat(again.out()).contains("use 'admin reset-password' instead");

      Run shortPassword = run(env, "short\n", "admin", "create", "--email", "x@example.com");
      assertThat(shortPassword.status()).isEqualTo(1);
      assertThat(shortPassword.out()).contains("at least 8 characters");

      Run noSuchAccount =
          run(env, PASSWORD + "\n", "admin", "reset-password", "--email", "nobody@example.com");
      assertThat(noSuchAccount.status()).isEqualTo(1);
      assertThat(noSuchAccount.out()).contains("No account has this email");

      Run noPassword = run(env, "", "admin", "reset-password", "--email", "ops@example.com");
      assertThat(noPassword.status()).isEqualTo(1);
      assertThat(noPassword.out()).contains("No password given");

      MutableClock clock = new MutableClock();
      Login before;
      try (TestApp t = TestApp.start(db, clock, Map.of(), false)) {
        before = t.http.login("ops@example.com", PASSWORD);
        assertThat(before.isAdmin()).isTrue();
        assertThat(t.http.get("/api/v1/chats/admin/stats", before.accessToken()).status())
            .isEqualTo(200);
      }

      Run reset =
          run(env, "brand-new-pass-2\n", "admin", "reset-password", "--email", "ops@example.com");
      assertThat(reset.status()).as(reset.out()).isZero();
      assertThat(reset.out()).contains("1 login ended").doesNotContain("brand-new-pass-2");

      try (TestApp t = TestApp.start(db, clock, Map.of(), false)) {
        Response refreshed =
            t.http.post(
                "/api/v1/users/refresh-token", Map.of("refreshToken", before.refreshToken()), null);
        assertThat(refreshed.status()).as("the old login was ended").isEqualTo(401);
        Response oldPassword =
            t.http.post(
                "/api/v1/users/login",
                Map.of("email", "ops@example.com", "password", PASSWORD),
                null);
        assertThat(oldPassword.status()).isEqualTo(401);
        assertThat(t.http.login("ops@example.com", "brand-new-pass-2").isAdmin()).isTrue();
        // The first admin of the test environment is untouched.
        assertThat(t.http.admin().accessToken()).isNotBlank();
      }
    }
  }

  private static Run run(Map<String, String> env, String stdin, String... args)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), "dev.supportchat.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }
}
