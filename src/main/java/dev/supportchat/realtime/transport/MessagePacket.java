package dev.supportchat.realtime.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.supportchat.json.Json;
import io.socket.socketio.server.parser.Parser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * An engine.io MESSAGE packet carrying one Socket.IO packet, encoded once, as UTF-8, for all of its
 * recipients: "4", the Socket.IO type digit, the namespace and a comma unless it is "/", then the
 * packet's data.
 *
 * <p>Why bytes: a websocket frame is UTF-8, so Jackson writes the JSON straight into the frame's
 * bytes (its UTF-8 generator), with no intermediate text to concatenate and convert once more
 * (issue 20: the emitting thread's encoding). The text is made only for a recipient that engine.io
 * itself writes to (long-polling, an upgrade in progress), at most once.
 */
final class MessagePacket {
  private final byte[] utf8;
  private String text;

  private MessagePacket(byte[] utf8) {
    this.utf8 = utf8;
  }

  /**
   * The EVENT {@code [event, payload]}, without an ack id (nobody acknowledges a broadcast).
   *
   * @param payload plain Java values: maps, lists, strings, numbers, booleans, null
   */
  static MessagePacket event(String namespace, String event, Object payload) {
    ByteArrayOutputStream out = start(Parser.EVENT, namespace);
    return json(out, Arrays.asList(event, payload));
  }

  /**
   * The ACK of packet {@code id} answering {@code body}, given as plain Java values.
   *
   * @param body plain Java values: maps, lists, strings, numbers, booleans, null
   */
  static MessagePacket ack(String namespace, long id, Object body) {
    ByteArrayOutputStream out = start(Parser.ACK, namespace);
    out.writeBytes(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    return json(out, Arrays.asList(body));
  }

  /** The ACK of packet {@code id} answering {@code json}, the answer's JSON text. */
  static MessagePacket ackText(String namespace, long id, String json) {
    ByteArrayOutputStream out = start(Parser.ACK, namespace);
    out.writeBytes((id + "[" + json + "]").getBytes(StandardCharsets.UTF_8));
    return new MessagePacket(out.toByteArray());
  }

  private static MessagePacket json(ByteArrayOutputStream out, List<Object> data) {
    try {
      Json.MAPPER.writeValue(out, data);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON value: " + data, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return new MessagePacket(out.toByteArray());
  }

  private static ByteArrayOutputStream start(int type, String namespace) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    out.write('4');
    out.write('0' + type);
    if (!"/".equals(namespace)) {
      out.writeBytes(namespace.getBytes(StandardCharsets.UTF_8));
      out.write(',');
    }
    return out;
  }

  /** A read-only view of the engine.io packet's bytes: a websocket text frame's payload. */
  ByteBuffer frame() {
    return ByteBuffer.wrap(utf8).asReadOnlyBuffer();
  }

  /** The Socket.IO packet as text, for engine.io's own path. */
  synchronized String socketIoText() {
    if (text == null) {
      text = new String(utf8, 1, utf8.length - 1, StandardCharsets.UTF_8);
    }
    return text;
  }
}
