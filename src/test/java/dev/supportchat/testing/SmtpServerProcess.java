package dev.supportchat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real SMTP server (GreenMail standalone, copied by the build to target/test-tools) as a process
 * of its own on free ports, that accepts any recipient and lets the test read each mailbox through
 * its REST API. Stopping and starting it again keeps its ports (its mailboxes start empty).
 */
public final class SmtpServerProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final int smtpPort;
  private final int apiPort;
  private final Path log;
  private final HttpClient http = HttpClient.newHttpClient();
  private Process process;

  public SmtpServerProcess() throws IOException {
    this.smtpPort = ServerProcess.freePort();
    this.apiPort = ServerProcess.freePort();
    this.log = Files.createTempFile("sc-smtp-", ".log");
  }

  public static SmtpServerProcess started() throws IOException, InterruptedException {
    return new SmtpServerProcess().start();
  }

  public SmtpServerProcess start() throws IOException, InterruptedException {
    String jar = System.getProperty("greenmailJar", "target/test-tools/greenmail-standalone.jar");
    if (!Files.exists(Path.of(jar))) {
      throw new IllegalStateException(
          "GreenMail jar missing at " + jar + " (mvn generate-test-resources copies it)");
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx128m");
    // C1 only, as for the server processes: it starts on about half the CPU.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Dgreenmail.hostname=127.0.0.1");
    command.add("-Dgreenmail.smtp.port=" + smtpPort);
    command.add("-Dgreenmail.api.port=" + apiPort);
    command.add("-Dgreenmail.auth.disabled");
    command.add("-jar");
    command.add(jar);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("SMTP server exited: " + Files.readString(log));
      }
      if (listening(smtpPort) && listening(apiPort)) {
        return this;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("SMTP server did not start: " + Files.readString(log));
  }

  private static boolean listening(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** {@code SMTP_URL} for our server. */
  public String url() {
    return "smtp://127.0.0.1:" + smtpPort;
  }

  /** Stops it as a crashed mail server goes: connections are refused until {@link #start}. */
  public void stop() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The messages in a mailbox (each with Message-ID, subject and the raw mimeMessage). */
  public List<JsonNode> inbox(String address) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + apiPort
                            + "/api/user/"
                            + URLEncoder.encode(address, StandardCharsets.UTF_8)
                            + "/messages/"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    List<JsonNode> messages = new ArrayList<>();
    if (r.statusCode() == 200) {
      JSON.readTree(r.body()).forEach(messages::add);
    }
    return messages;
  }

  /** Waits until the mailbox holds at least {@code count} messages; returns them. */
  public List<JsonNode> awaitInbox(String address, int count, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonNode> messages = inbox(address);
    while (messages.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      messages = inbox(address);
    }
    return messages;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      stop();
    }
  }
}
