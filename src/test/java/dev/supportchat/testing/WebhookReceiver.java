package dev.supportchat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver of webhooks on 127.0.0.1, as an integrator would write one: it checks the
 * signature (HMAC-SHA256 of "t.body" with the endpoint's secret, constant-time, timestamp within
 * five minutes) and answers 401 to a bad one, drops repeats by delivery id, and can go down (port
 * closed) and come back on the same port.
 */
public final class WebhookReceiver implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TOLERANCE_SECONDS = 300;

  private final int port;
  private volatile String secret = "";
  private HttpServer server;
  private final List<JsonNode> accepted = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> timesSeen = new ConcurrentHashMap<>();
  private final AtomicInteger badSignatures = new AtomicInteger();

  public WebhookReceiver() throws IOException {
    this.port = ServerProcess.freePort();
  }

  public WebhookReceiver start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
    server.createContext(
        "/hook",
        exchange -> {
          byte[] raw;
          try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
          }
          String body = new String(raw, StandardCharsets.UTF_8);
          int status;
          if (!verified(exchange.getRequestHeaders().getFirst("X-SupportChat-Signature"), body)) {
            badSignatures.incrementAndGet();
            status = 401;
          } else {
            JsonNode json = JSON.readTree(body);
            String id = json.path("id").asText();
            if (!id.equals(exchange.getRequestHeaders().getFirst("X-SupportChat-Delivery"))) {
              status = 400;
            } else {
              if (timesSeen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
                accepted.add(json);
              }
              status = 204;
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
    return this;
  }

  /** Refuses connections from now on, as a crashed receiver does. */
  public void stop() {
    server.stop(0);
  }

  public void secret(String secret) {
    this.secret = secret;
  }

  public String url() {
    return "http://127.0.0.1:" + port + "/hook";
  }

  private boolean verified(String header, String body) {
    if (header == null) {
      return false;
    }
    String t = null;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        t = kv[1];
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t == null || v1 == null) {
      return false;
    }
    long age = Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(t));
    // The server under test may run on a clock the test moved: allow that much.
    if (age > TOLERANCE_SECONDS + Duration.ofDays(2).toSeconds()) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] expected = mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : expected) {
        hex.append(String.format("%02x", b));
      }
      return MessageDigest.isEqual(
          hex.toString().getBytes(StandardCharsets.US_ASCII),
          v1.getBytes(StandardCharsets.US_ASCII));
    } catch (Exception e) {
      return false;
    }
  }

  /** Deliveries accepted, each once, in arrival order. */
  public List<JsonNode> accepted() {
    return new ArrayList<>(accepted);
  }

  /** How many requests carried a delivery id already accepted. */
  public int repeats() {
    return timesSeen.values().stream().mapToInt(n -> n.get() - 1).sum();
  }

  public int badSignatures() {
    return badSignatures.get();
  }

  public List<JsonNode> awaitAccepted(int count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (accepted.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return accepted();
  }

  @Override
  public void close() {
    if (server != null) {
      server.stop(0);
    }
  }
}
