package dev.supportchat.realtime.transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.json.JSONObject;

/**
 * Runs a scenario of node-tests/transport-scenarios.mjs (the official socket.io-client) against a
 * server.
 */
final class NodeClient implements AutoCloseable {

  /** Where package.json and scenarios.mjs live; override with -Dsio.nodeClientDir=… */
  private static final Path DIR =
      Path.of(System.getProperty("nodeTestsDir", "node-tests")).toAbsolutePath();

  private final Process process;
  private final BufferedReader stdout;
  private final CompletableFuture<String> stderr;

  private NodeClient(String baseUrl, String scenario, String... args) throws IOException {
    if (!Files.isDirectory(DIR.resolve("node_modules"))) {
      throw new IllegalStateException("Run 'npm ci' in " + DIR + " first");
    }
    List<String> command =
        new ArrayList<>(List.of("node", "transport-scenarios.mjs", baseUrl, scenario));
    command.addAll(List.of(args));
    process = new ProcessBuilder(command).directory(DIR.toFile()).start();
    stdout =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    stderr =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (IOException e) {
                return e.toString();
              }
            });
  }

  /** Runs a scenario to completion and returns its JSON result. */
  static JSONObject run(String baseUrl, String scenario, String... args) throws Exception {
    try (NodeClient client = start(baseUrl, scenario, args)) {
      return client.finish();
    }
  }

  /** Starts a long-running scenario; read its lines with {@link #nextLine()}. */
  static NodeClient start(String baseUrl, String scenario, String... args) throws IOException {
    return new NodeClient(baseUrl, scenario, args);
  }

  JSONObject nextLine() throws IOException {
    String line = stdout.readLine();
    if (line == null) {
      throw new IllegalStateException("node exited early: " + stderr.join());
    }
    return new JSONObject(line);
  }

  /** Closes the scenario's stdin (its "go on" signal) and returns its final JSON line. */
  JSONObject finish() throws Exception {
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.flush();
    }
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      throw new IllegalStateException("node scenario timed out");
    }
    String last = null;
    for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
      last = line;
    }
    if (process.exitValue() != 0 || last == null) {
      throw new IllegalStateException(
          "node failed (" + process.exitValue() + "): " + stderr.join());
    }
    return new JSONObject(last);
  }

  @Override
  public void close() {
    process.destroy();
  }
}
