package dev.supportchat.logging;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/**
 * The request id and user id that every log line written while handling one HTTP request or one
 * socket event carries (the {@code requestId} and {@code userId} fields of {@code LOG_FORMAT=json},
 * and the text format's columns). Kept in SLF4J's MDC, which is per thread: set when the request or
 * event starts on its thread, cleared when it ends, so a pooled thread never carries the last
 * caller's ids into the next one's lines.
 */
public final class LogContext {
  public static final String REQUEST_ID = "requestId";
  public static final String USER_ID = "userId";

  private LogContext() {}

  /**
   * A new request id: a random (version 4) UUID. From {@link ThreadLocalRandom}, not {@code
   * UUID.randomUUID()}'s SecureRandom: an id only has to tell requests apart in the logs, and every
   * socket event takes one; SecureRandom's lock and read of the kernel's pool were 8 % of the CPU
   * of handling a chat message (issue 20's profile).
   */
  public static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }

  /** Starts a request or event on this thread: its id, and no user yet. */
  public static void begin(String requestId) {
    MDC.remove(USER_ID);
    MDC.put(REQUEST_ID, requestId);
  }

  /** The caller is now known. */
  public static void user(String userId) {
    if (userId != null) {
      MDC.put(USER_ID, userId);
    }
  }

  /** The request or event is over. */
  public static void end() {
    MDC.remove(REQUEST_ID);
    MDC.remove(USER_ID);
  }
}
