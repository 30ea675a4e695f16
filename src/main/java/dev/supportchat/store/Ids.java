package dev.supportchat.store;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates the 24-hex-digit ids clients of the original (MongoDB) system expect in {@code _id}: 4
 * bytes of seconds since the epoch, 5 random bytes fixed per process, 3 bytes of a counter. Ids
 * sort roughly by creation time and never collide between nodes in practice.
 */
public final class Ids {
  private static final byte[] PROCESS_RANDOM = new byte[5];
  private static final AtomicInteger COUNTER;

  static {
    SecureRandom random = new SecureRandom();
    random.nextBytes(PROCESS_RANDOM);
    COUNTER = new AtomicInteger(random.nextInt(0xFFFFFF));
  }

  private Ids() {}

  public static String newId() {
    return newId(System.currentTimeMillis());
  }

  public static String newId(long epochMillis) {
    byte[] bytes = new byte[12];
    int seconds = (int) (epochMillis / 1000);
    bytes[0] = (byte) (seconds >>> 24);
    bytes[1] = (byte) (seconds >>> 16);
    bytes[2] = (byte) (seconds >>> 8);
    bytes[3] = (byte) seconds;
    System.arraycopy(PROCESS_RANDOM, 0, bytes, 4, 5);
    int count = COUNTER.getAndIncrement() & 0xFFFFFF;
    bytes[9] = (byte) (count >>> 16);
    bytes[10] = (byte) (count >>> 8);
    bytes[11] = (byte) count;
    return HexFormat.of().formatHex(bytes);
  }

  /** True for a well-formed id; anything else can be refused before it reaches SQL. */
  public static boolean isValid(String id) {
    if (id == null || id.length() != 24) {
      return false;
    }
    for (int i = 0; i < 24; i++) { // a loop, not a stream: it runs for every socket event
      char ch = id.charAt(i);
      if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
        return false;
      }
    }
    return true;
  }
}
