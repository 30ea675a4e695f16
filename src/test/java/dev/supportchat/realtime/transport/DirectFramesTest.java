package dev.supportchat.realtime.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
    ByteBuffer frame = DirectFrames.message("2[\"e\",{\"t\":\"é\"}]");
    byte[] bytes = new byte[frame.remaining()];
    frame.slice().get(bytes);
    assertEquals("42[\"e\",{\"t\":\"é\"}]", new String(bytes, StandardCharsets.UTF_8));
    assertTrue(frame.isReadOnly(), "shared by every recipient's frame");
  }
}
