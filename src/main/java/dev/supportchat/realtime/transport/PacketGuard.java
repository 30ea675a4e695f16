package dev.supportchat.realtime.transport;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Checks every Socket.IO packet a client sends before the library's decoder sees it, so that
 * nothing is buffered beyond fixed caps. socket.io-server keeps each binary attachment of a packet
 * until the number its header declared has arrived; a header declaring 451,000,000 attachments
 * followed by a stream of 1 MB frames once filled the heap.
 *
 * <p>Refused (the caller closes the connection, nobody else is touched):
 *
 * <ul>
 *   <li>a binary packet header ({@code 5}/{@code 6}) declaring no, a malformed, or more than {@code
 *       maxAttachments} attachments;
 *   <li>a packet whose header and attachments together exceed {@code maxPacketBytes} (the most one
 *       connection can have waiting for reassembly);
 *   <li>attachments that would take the whole server's bytes waiting for reassembly over {@code
 *       maxPendingBytesTotal};
 *   <li>binary data nobody announced, text while attachments are awaited, an empty packet or an
 *       unknown type;
 *   <li>JSON nested deeper than {@code maxNestingDepth} (the decoder would refuse it anyway, after
 *       logging a thousand-line stack trace per packet).
 * </ul>
 */
final class PacketGuard {
  private final Limits limits;
  private final AtomicLong pendingTotal = new AtomicLong();

  /**
   * @param maxAttachments binary attachments one packet may declare (the seed's events use none)
   * @param maxPacketBytes bytes of one packet with its attachments
   * @param maxPendingBytesTotal bytes of attachments waiting for reassembly on all connections
   *     together
   * @param maxNestingDepth deepest JSON nesting of a packet's payload
   */
  record Limits(
      int maxAttachments, long maxPacketBytes, long maxPendingBytesTotal, int maxNestingDepth) {
    Limits {
      if (maxAttachments < 0
          || maxPacketBytes < 1
          || maxPendingBytesTotal < 1
          || maxNestingDepth < 1) {
        throw new IllegalArgumentException("packet limits must be positive");
      }
    }
  }

  PacketGuard(Limits limits) {
    this.limits = limits;
  }

  /** Bytes of attachments waiting for reassembly on all connections now. */
  long pendingBytes() {
    return pendingTotal.get();
  }

  /**
   * The state of one connection. Its packets arrive one at a time (engine.io delivers them in
   * order).
   */
  Connection connection() {
    return new Connection();
  }

  final class Connection {
    private int attachmentsAwaited;

    /**
     * Header and attachments so far of the binary packet being reassembled, all counted in
     * pendingTotal.
     */
    private long packetBytes;

    private boolean released;

    /**
     * Checks the next thing the client sent (a text packet or a binary attachment).
     *
     * @return null when it may go on to the decoder, else why the connection must be closed
     */
    synchronized String admit(Object data) {
      if (released) {
        return "connection closed";
      }
      if (data instanceof String text) {
        return admitText(text);
      }
      if (data instanceof byte[] bytes) {
        return admitBinary(bytes.length);
      }
      return "unexpected packet data " + (data == null ? "null" : data.getClass().getSimpleName());
    }

    private String admitText(String text) {
      if (attachmentsAwaited > 0) {
        return "a text packet arrived while "
            + attachmentsAwaited
            + " binary attachments were awaited";
      }
      if (text.isEmpty()) {
        return "empty packet";
      }
      char type = text.charAt(0);
      if (type < '0' || type > '6') {
        return "unknown packet type";
      }
      int depth = nestingDepth(text, limits.maxNestingDepth());
      if (depth > limits.maxNestingDepth()) {
        return "payload nested deeper than " + limits.maxNestingDepth() + " levels";
      }
      if (type != '5' && type != '6') {
        return null;
      }
      return startBinaryPacket(text);
    }

    /** A binary packet: {@code 5<attachments>-…} (event) or {@code 6<attachments>-…} (ack). */
    private String startBinaryPacket(String header) {
      int end = 1;
      while (end < header.length()
          && end <= 10
          && Character.isDigit(header.charAt(end))
          && header.charAt(end) < 128) {
        end++;
      }
      if (end == 1 || end >= header.length() || header.charAt(end) != '-' || end > 10) {
        return "malformed attachment count";
      }
      long declared = Long.parseLong(header.substring(1, end));
      if (declared < 1 || declared > limits.maxAttachments()) {
        return declared + " binary attachments declared (at most " + limits.maxAttachments() + ")";
      }
      String refusal = reserve(header.length());
      if (refusal != null) {
        return refusal;
      }
      attachmentsAwaited = (int) declared;
      return null;
    }

    private String admitBinary(int length) {
      if (attachmentsAwaited == 0) {
        return "binary data without a binary packet header";
      }
      String refusal = reserve(length);
      if (refusal != null) {
        return refusal;
      }
      attachmentsAwaited--;
      return null;
    }

    private String reserve(long bytes) {
      if (packetBytes + bytes > limits.maxPacketBytes()) {
        return "packet with its attachments over " + limits.maxPacketBytes() + " bytes";
      }
      if (pendingTotal.addAndGet(bytes) > limits.maxPendingBytesTotal()) {
        pendingTotal.addAndGet(-bytes);
        return "the server's bytes awaiting reassembly are at their cap of "
            + limits.maxPendingBytesTotal();
      }
      packetBytes += bytes;
      return null;
    }

    /**
     * Called after the admitted data went to the decoder: once a binary packet is complete the
     * decoder has handed it on, and its bytes no longer count as waiting.
     */
    synchronized void forwarded() {
      if (attachmentsAwaited == 0 && packetBytes > 0) {
        pendingTotal.addAndGet(-packetBytes);
        packetBytes = 0;
      }
    }

    /** The connection closed: whatever it had waiting is gone. */
    synchronized void release() {
      if (!released) {
        released = true;
        pendingTotal.addAndGet(-packetBytes);
        packetBytes = 0;
        attachmentsAwaited = 0;
      }
    }
  }

  /**
   * The deepest nesting of JSON arrays and objects in {@code text}, counting brackets outside
   * strings; stops counting once past {@code stopAbove}. Not a validation: the decoder parses what
   * passes.
   */
  static int nestingDepth(String text, int stopAbove) {
    int depth = 0;
    int deepest = 0;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
        if (depth > deepest) {
          deepest = depth;
          if (deepest > stopAbove) {
            return deepest;
          }
        }
      } else if (c == ']' || c == '}') {
        depth--;
      }
    }
    return deepest;
  }
}
