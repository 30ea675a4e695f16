package dev.supportchat.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DirectFramesTest {
  @Test
  void findsEngineIoServersFields() {
    // Without them every emit silently takes the slower library path: an engine.io-server
    // upgrade that renames them must fail here, not in a benchmark.
    // The same holds for the session lock of polling requests (EngineSessions).
    assertTrue(EngineIoFields.available());
  }

  @Test
  void aMessageFrameIsTheEngineIoMessagePacketInUtf8() {
    MessagePacket packet = MessagePacket.event("/", "e", Map.of("t", "é"));
    ByteBuffer frame = packet.frame();
    byte[] bytes = new byte[frame.remaining()];
    frame.get(bytes);
    assertEquals("42[\"e\",{\"t\":\"é\"}]", new String(bytes, StandardCharsets.UTF_8));
    assertEquals("2[\"e\",{\"t\":\"é\"}]", packet.socketIoText());
    assertTrue(packet.frame().isReadOnly(), "shared by every recipient's frame");
  }

  @Test
  void anAckNamesItsNamespaceAndId() {
    assertEquals(
        "3/admin,12[{\"ok\":true,\"data\":null}]",
        MessagePacket.ack("/admin", 12, okNull()).socketIoText());
    assertEquals("37[null]", MessagePacket.ack("/", 7, null).socketIoText());
    assertEquals("37[{\"a\":1}]", MessagePacket.ackText("/", 7, "{\"a\":1}").socketIoText());
  }

  private static Map<String, Object> okNull() {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("ok", true);
    body.put("data", null);
    return body;
  }
}
