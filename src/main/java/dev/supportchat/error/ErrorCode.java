package dev.supportchat.error;

/**
 * The error codes a client sees, in REST envelopes and socket acks alike, with the HTTP status each
 * maps to.
 */
public enum ErrorCode {
  INVALID("invalid", 400),
  UNAUTHORIZED("unauthorized", 401),
  FORBIDDEN("forbidden", 403),
  NOT_FOUND("not_found", 404),
  CONFLICT("conflict", 409),
  /** A request body that arrived too slowly, or not at all. */
  TIMEOUT("timeout", 408),
  TOO_LARGE("too_large", 413),
  RATE_LIMITED("rate_limited", 429),
  INTERNAL("internal", 500),
  /**
   * The database (or another required dependency) is unreachable right now; retrying later may
   * work.
   */
  UNAVAILABLE("unavailable", 503);

  private final String wireName;
  private final int httpStatus;

  ErrorCode(String wireName, int httpStatus) {
    this.wireName = wireName;
    this.httpStatus = httpStatus;
  }

  public String wireName() {
    return wireName;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
