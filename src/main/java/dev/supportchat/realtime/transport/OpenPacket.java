package dev.supportchat.realtime.transport;

/**
 * The Engine.IO 4 OPEN packet ({@code 0{"sid": …}}) as the protocol has it since engine.io 6: with
 * {@code maxPayload}, the largest payload the server accepts. engine.io-server 6.3.2 leaves it out;
 * the official client reads it to split what it posts over long-polling into requests of at most
 * that size, so without it a client that had queued many packets could post one payload that we
 * refuse with 413. The official protocol test suite checks it.
 */
final class OpenPacket {
  private OpenPacket() {}

  /** {@code packet} with {@code maxPayload} added if it is an OPEN packet without one. */
  static String withMaxPayload(String packet, int maxPayload) {
    if (!packet.startsWith("0{") || !packet.endsWith("}") || packet.contains("\"maxPayload\"")) {
      return packet;
    }
    return packet.substring(0, packet.length() - 1) + ", \"maxPayload\": " + maxPayload + "}";
  }
}
