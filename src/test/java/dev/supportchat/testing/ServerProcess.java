package dev.supportchat.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server as a separate operating-system process (the same classes as the jar), so a test can
 * kill it with SIGKILL and start it again on the same port and data.
 */
public final class ServerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, String> env;
  private final List<String> jvmArgs;
  private int port;
  private boolean startedOnce;
  private final Path log;
  private Process process;

  /**
   * JVM options of a server process unless a test gives its own. C1 only: a test server lives for
   * seconds, where C2 compiling the start-up path costs about half the CPU of starting (measured 7
   * s against 3.5 s of CPU to the first healthy answer), and the machines run tests side by side.
   * The compiler tier changes how fast code runs, never what it does.
   */
  private static final List<String> DEFAULT_JVM_ARGS =
      List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

  public ServerProcess(Map<String, String> env) throws IOException {
    this(env, DEFAULT_JVM_ARGS);
  }

  /**
   * @param jvmArgs options for the server's JVM, e.g. a small heap
   */
  public ServerProcess(Map<String, String> env, List<String> jvmArgs) throws IOException {
    this.jvmArgs = List.copyOf(jvmArgs);
    this.port = freePort();
    this.env = new HashMap<>(env);
    this.env.put("PORT", String.valueOf(port));
    this.env.put("HOST", "127.0.0.1");
    this.log = Files.createTempFile("sc-server-", ".log");
  }

  public static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Path log() {
    return log;
  }

  /**
   * Starts the server. The free port was only free when it was picked: if another process took it
   * meanwhile, a first start moves to a new port; a restart (clients will reconnect to the same
   * port) waits and tries that port again.
   */
  public ServerProcess start() throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        launch();
        startedOnce = true;
        return this;
      } catch (IllegalStateException e) {
        boolean portTaken = e.getMessage() != null && e.getMessage().contains("already in use");
        if (!portTaken || attempt == 3) {
          throw e;
        }
        if (!startedOnce) {
          port = freePort();
          env.put("PORT", String.valueOf(port));
        }
        Thread.sleep(500);
      }
    }
  }

  private void launch() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(jvmArgs);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.supportchat.Main"));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
    waitUntilHealthy();
  }

  private void waitUntilHealthy() throws InterruptedException, IOException {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: " + Files.readString(log));
      }
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("server did not become healthy: " + Files.readString(log));
  }

  /** SIGKILL: no shutdown hook, no flush, exactly like a crash. */
  public void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
    new File(log.toString()).deleteOnExit();
  }
}
