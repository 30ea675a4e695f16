package dev.supportchat.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.testing.HttpTestClient;
import dev.supportchat.testing.ServerProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The image of {@code mvn -Pimage package} (Jib, OCI layout in target/support-chat-image.tar), with
 * no Docker engine: its configuration read from the layout (non-root user, port, environment,
 * volume, entrypoint), then its layers unpacked into a folder and its entrypoint run there with
 * {@code chroot} as the image's user, against SQLite in the image's /data: the image's own runtime
 * and libraries serve /health and a registration, and its health command says healthy. Skipped
 * (with the reason) unless the image was built, or when not root (chroot needs it).
 */
class ContainerImageIT {
  private static final Path IMAGE =
      Path.of(System.getProperty("imageTar", "target/support-chat-image.tar"));

  @Test
  void theImageRunsAsNonRootWithTheJarOnSqlite() throws Exception {
    Assumptions.assumeTrue(
        Files.exists(IMAGE), "no " + IMAGE + ": build it with 'mvn -Pimage package' first");
    Path layout = Files.createTempDirectory("sc-image-");
    run(List.of("tar", "-xf", IMAGE.toAbsolutePath().toString(), "-C", layout.toString()));
    assertThat(layout.resolve("oci-layout")).exists();

    JsonNode index = json(layout.resolve("index.json"));
    JsonNode manifest = blob(layout, index.path("manifests").path(0).path("digest").asText());
    JsonNode image = blob(layout, manifest.path("config").path("digest").asText());
    JsonNode config = image.path("config");
    assertThat(config.path("User").asText()).isEqualTo("65532:65532");
    assertThat(config.path("ExposedPorts").has("8000/tcp")).isTrue();
    assertThat(config.path("Volumes").has("/data")).isTrue();
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/data");
    List<String> env = strings(config.path("Env"));
    assertThat(env).contains("HOST=0.0.0.0", "PORT=8000", "DATA_DIR=/data");
    List<String> entrypoint = strings(config.path("Entrypoint"));
    assertThat(entrypoint)
        .containsExactly(
            "/opt/java/bin/java",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:+UseSerialGC",
            "-Xms48m",
            "-Xmn24m",
            "-XX:TrimNativeHeapInterval=5000",
            "-XX:MaxRAMPercentage=75",
            "-jar",
            "/opt/support-chat/support-chat.jar");
    assertThat(config.path("Labels").path("org.opencontainers.image.licenses").asText())
        .isEqualTo("MIT");

    Path rootfs = layout.resolve("rootfs");
    Files.createDirectories(rootfs);
    for (JsonNode layer : manifest.path("layers")) {
      run(
          List.of(
              "tar",
              "-xzf",
              blobPath(layout, layer.path("digest").asText()).toString(),
              "-C",
              rootfs.toString()));
    }
    assertThat(rootfs.resolve("opt/support-chat/support-chat.jar")).exists();
    assertThat(rootfs.resolve("app/libs"))
        .as("Jib's copy of the libraries is filtered out")
        .doesNotExist();
    try (Stream<Path> files = Files.list(rootfs.resolve("opt/java/bin"))) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("java");
    }

    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "chroot needs root to run the image");
    int port = ServerProcess.freePort();
    List<String> command =
        new ArrayList<>(List.of("chroot", "--userspec=65532:65532", rootfs.toString()));
    command.addAll(entrypoint);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().clear();
    for (String variable : env) {
      int eq = variable.indexOf('=');
      pb.environment().put(variable.substring(0, eq), variable.substring(eq + 1));
    }
    // Only on this machine's loopback, and a free port.
    pb.environment().put("HOST", "127.0.0.1");
    pb.environment().put("PORT", String.valueOf(port));
    Path log = Files.createTempFile("sc-image-run-", ".log");
    pb.redirectOutput(log.toFile());
    Process server = pb.start();
    try {
      String base = "http://127.0.0.1:" + port;
      waitForHealth(base, server, log);
      HttpTestClient http = new HttpTestClient(base);
      assertThat(
              http.post(
                      "/api/v1/users/register",
                      Map.of("email", "ann@example.com", "password", "password-123"),
                      null)
                  .status())
          .isEqualTo(201);
      assertThat(rootfs.resolve("data/support-chat.db")).exists();
      assertThat(Files.getOwner(rootfs.resolve("data/support-chat.db")).getName())
          .isIn("65532", "nonroot");

      List<String> health =
          new ArrayList<>(
              List.of(
                  "chroot",
                  "--userspec=65532:65532",
                  rootfs.toString(),
                  "/opt/java/bin/java",
                  "-jar",
                  "/opt/support-chat/support-chat.jar",
                  "health"));
      ProcessBuilder check = new ProcessBuilder(health).redirectErrorStream(true);
      check.environment().putAll(pb.environment());
      Process p = check.start();
      String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as(said).isZero();
      assertThat(said).contains("healthy");
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
    }
  }

  private static void waitForHealth(String base, Process server, Path log) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < deadline) {
      if (!server.isAlive()) {
        throw new AssertionError("the image's server exited: " + Files.readString(log));
      }
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // starting
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the image's server did not become healthy: " + Files.readString(log));
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
  }

  private static Path blobPath(Path layout, String digest) {
    return layout.resolve("blobs").resolve(digest.replace(':', '/'));
  }

  private static JsonNode blob(Path layout, String digest) throws IOException {
    return json(blobPath(layout, digest));
  }

  private static JsonNode json(Path file) throws IOException {
    return HttpTestClient.JSON.readTree(file.toFile());
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
