package dev.supportchat.realtime;

import dev.supportchat.realtime.transport.TextFrames;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Socket.IO 4 client over one websocket that writes packets as text, for what the official
 * clients refuse to send (reserved event names). Connects to the "/" namespace with {@code
 * auth.token}.
 */
final class RawSocketIoClient implements AutoCloseable {
  private final WebSocket socket;
  private final TextFrames frames = new TextFrames();
  private final BlockingQueue<String> received = frames.received;

  /** Packets read while waiting for another one. */
  private final List<String> kept = new ArrayList<>();

  private int nextAckId;
  private final CompletableFuture<Integer> closed = frames.closed;

  private RawSocketIoClient(String baseUrl) throws Exception {
    URI uri =
        URI.create(baseUrl.replaceFirst("^http", "ws") + "/socket.io/?EIO=4&transport=websocket");
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, frames)
            .get(5, TimeUnit.SECONDS);
  }

  static RawSocketIoClient connect(String baseUrl, String token) throws Exception {
    RawSocketIoClient client = new RawSocketIoClient(baseUrl);
    client.expect("0{"); // engine.io open
    client.send("40{\"token\":\"" + token + "\"}");
    client.expect("40{"); // namespace connected
    return client;
  }

  /**
   * Connects with {@code token} and returns the CONNECT_ERROR packet the server refuses it with.
   */
  static String refusedConnect(String baseUrl, String token) throws Exception {
    try (RawSocketIoClient client = new RawSocketIoClient(baseUrl)) {
      client.expect("0{");
      client.send("40{\"token\":\"" + token + "\"}");
      return client.expect("44");
    }
  }

  void send(String packet) {
    socket.sendText(packet, true).join();
  }

  /**
   * One binary websocket message: an attachment of a binary packet (engine.io sends these as they
   * are).
   */
  void sendBinary(byte[] attachment) {
    socket.sendBinary(ByteBuffer.wrap(attachment), true).join();
  }

  /** Whether the server closed the connection (or it failed) within {@code wait}. */
  boolean closedWithin(Duration wait) {
    try {
      closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception notYet) {
      return closed.isDone();
    }
  }

  /** Emits {@code event} with a JSON payload and returns the ack packet's arguments. */
  String sendWithAck(String event, String jsonPayload) throws InterruptedException {
    return awaitAck(emit(event, jsonPayload), Duration.ofSeconds(5));
  }

  /**
   * Emits {@code event} with a JSON payload and an ack id, and returns the id without waiting for
   * the answer.
   */
  int emit(String event, String jsonPayload) {
    int id = nextAckId++;
    send("42" + id + "[\"" + event + "\"," + jsonPayload + "]");
    return id;
  }

  /** The arguments of the ack with this id, once it comes within {@code wait}. */
  String awaitAck(int id, Duration wait) throws InterruptedException {
    return expect("43" + id + "[", wait).substring(("43" + id).length());
  }

  private String expect(String prefix) throws InterruptedException {
    return expect(prefix, Duration.ofSeconds(5));
  }

  /**
   * The first packet starting with {@code prefix}; others are kept for a later call (pings are
   * answered).
   */
  private String expect(String prefix, Duration wait) throws InterruptedException {
    for (Iterator<String> it = kept.iterator(); it.hasNext(); ) {
      String packet = it.next();
      if (packet.startsWith(prefix)) {
        it.remove();
        return packet;
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      String packet = received.poll(20, TimeUnit.MILLISECONDS);
      if (packet == null) {
        continue;
      }
      if (packet.equals("2")) {
        send("3");
      } else if (packet.startsWith(prefix)) {
        return packet;
      } else {
        kept.add(packet);
      }
    }
    throw new AssertionError(
        "no packet starting with " + prefix + " within " + wait.toMillis() + " ms");
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      try {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(2, TimeUnit.SECONDS);
      } catch (Exception alreadyGone) {
        socket.abort();
      }
    }
  }
}
