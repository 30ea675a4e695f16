package dev.supportchat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of node-tests/ (which uses the official socket.io-client) and returns its last JSON
 * line.
 */
public final class NodeScript {
  private static final Path DIR =
      Path.of(System.getProperty("nodeTestsDir", "node-tests")).toAbsolutePath();
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private NodeScript() {}

  public static JsonNode run(String script, String... args)
      throws IOException, InterruptedException {
    return run(TIMEOUT, script, args);
  }

  /** {@link #run(String, String...)} for a script that may take longer than two minutes. */
  public static JsonNode run(Duration timeout, String script, String... args)
      throws IOException, InterruptedException {
    if (!Files.isDirectory(DIR.resolve("node_modules"))) {
      throw new IllegalStateException("Run 'npm ci' in " + DIR + " first");
    }
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(DIR.toFile()).start();
    process.getOutputStream().close();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process, true));
    CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process, false));
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(script + " timed out; stderr: " + stderr.getNow(""));
    }
    String out = stdout.join().strip();
    if (process.exitValue() != 0 || out.isEmpty()) {
      throw new IllegalStateException(
          script + " failed (" + process.exitValue() + "): " + stderr.join() + out);
    }
    String last = out.substring(out.lastIndexOf('\n') + 1);
    return HttpTestClient.JSON.readTree(last);
  }

  /**
   * A script still running: read its lines as they come, then close its stdin and take its last
   * line.
   */
  public static final class Running {
    private final Process process;
    private final BufferedReader out;

    private Running(Process process) {
      this.process = process;
      this.out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    public JsonNode nextLine() throws IOException {
      String line = out.readLine();
      if (line == null) {
        throw new IllegalStateException("script ended early: " + read(process, true));
      }
      return HttpTestClient.JSON.readTree(line);
    }

    /** Ends the script, whatever it is doing. */
    public void kill() {
      process.destroyForcibly();
    }

    /** Writes one line to the script's stdin. */
    public void send(String line) throws IOException {
      var in = process.getOutputStream();
      in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      in.flush();
    }

    /** The next line, or an exception when none comes within {@code timeout}. */
    public JsonNode nextLine(Duration timeout) throws Exception {
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  return nextLine();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public JsonNode finish() throws IOException, InterruptedException {
      process.getOutputStream().close();
      String last = null;
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        last = line;
      }
      if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
          || process.exitValue() != 0
          || last == null) {
        throw new IllegalStateException("script failed: " + read(process, true));
      }
      return HttpTestClient.JSON.readTree(last);
    }
  }

  /**
   * Starts a script that talks back line by line (it waits for its stdin to close before
   * finishing).
   */
  public static Running start(String script, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(args));
    return new Running(new ProcessBuilder(command).directory(DIR.toFile()).start());
  }

  private static String read(Process p, boolean errors) {
    try {
      return new String(
          (errors ? p.getErrorStream() : p.getInputStream()).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      return e.toString();
    }
  }
}
