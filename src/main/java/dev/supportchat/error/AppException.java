package dev.supportchat.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The one exception type services and adapters throw for an outcome the client should see. It is
 * mapped once to the HTTP error envelope and once to the socket error ack.
 */
public class AppException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * One entry of the envelope's {@code errors} array; {@code field} names the input at fault, if
   * any.
   */
  public record Detail(
      String code, String message, @JsonInclude(JsonInclude.Include.NON_NULL) String field) {}

  private final ErrorCode code;
  private final String field;
  private final long retryAfterSeconds;

  public AppException(ErrorCode code, String message) {
    this(code, message, null, 0);
  }

  private AppException(ErrorCode code, String message, String field, long retryAfterSeconds) {
    super(message);
    this.code = code;
    this.field = field;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static AppException invalid(String field, String message) {
    return new AppException(ErrorCode.INVALID, message, field, 0);
  }

  public static AppException unauthorized(String message) {
    return new AppException(ErrorCode.UNAUTHORIZED, message);
  }

  public static AppException forbidden(String message) {
    return new AppException(ErrorCode.FORBIDDEN, message);
  }

  public static AppException notFound(String message) {
    return new AppException(ErrorCode.NOT_FOUND, message);
  }

  public static AppException conflict(String message) {
    return new AppException(ErrorCode.CONFLICT, message);
  }

  /** The request's body arrived too slowly, or not at all; the client may send it again. */
  public static AppException timeout(String message) {
    return new AppException(ErrorCode.TIMEOUT, message);
  }

  public static AppException tooLarge(String message) {
    return new AppException(ErrorCode.TOO_LARGE, message);
  }

  /** The server cannot take this now (a resource is short); the client may retry later. */
  public static AppException unavailable(String message) {
    return new AppException(ErrorCode.UNAVAILABLE, message);
  }

  /** As {@link #unavailable(String)}, with a {@code Retry-After} of that many seconds. */
  public static AppException unavailable(String message, long retryAfterSeconds) {
    return new AppException(ErrorCode.UNAVAILABLE, message, null, retryAfterSeconds);
  }

  public static AppException rateLimited(String message, long retryAfterSeconds) {
    return new AppException(ErrorCode.RATE_LIMITED, message, null, retryAfterSeconds);
  }

  public ErrorCode code() {
    return code;
  }

  /** Seconds after which a refused client may try again (Retry-After); 0 when not applicable. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public List<Detail> details() {
    return List.of(new Detail(code.wireName(), getMessage(), field));
  }
}
