package dev.supportchat.logging;

import java.util.UUID;
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

  /** A new request id. */
  public static String newRequestId() {
    return UUID.randomUUID().toString();
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
