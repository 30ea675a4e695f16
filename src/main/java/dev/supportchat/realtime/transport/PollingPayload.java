package dev.supportchat.realtime.transport;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * The format of an Engine.IO 4 long-polling payload (a POST body): packets separated by the record
 * separator (0x1E), each a packet type ('0' to '6') and its data, or 'b' and base64 data for a
 * binary packet.
 *
 * <p>Checked before engine.io-server decodes a POST, because the protocol closes a session that
 * sends a malformed payload and answers 400, while engine.io-server answered "ok" to some (an
 * unknown packet type) and kept the session open after others (bad base64). The official protocol
 * test suite checks this ({@code node-tests/official-protocol-suite.sh}).
 */
final class PollingPayload {
  private static final byte SEPARATOR = 0x1e;

  private PollingPayload() {}

  static boolean wellFormed(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    int start = 0;
    for (int i = 0; i <= body.length; i++) {
      if (i == body.length || body[i] == SEPARATOR) {
        if (!wellFormedPacket(body, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return true;
  }

  private static boolean wellFormedPacket(byte[] body, int from, int to) {
    if (from == to) {
      return false;
    }
    byte type = body[from];
    if (type >= '0' && type <= '6') {
      return true;
    }
    if (type != 'b') {
      return false;
    }
    try {
      Base64.getDecoder().decode(ByteBuffer.wrap(body, from + 1, to - from - 1));
      return true;
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }
}
