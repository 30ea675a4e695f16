package dev.supportchat.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.supportchat.error.AppException;
import java.util.List;

/**
 * The response envelope every REST endpoint answers with, success or error, as the original system
 * shapes it.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ApiEnvelope(
    int statusCode,
    Object data,
    String message,
    boolean success,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<AppException.Detail> errors,
    @JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {

  public static ApiEnvelope ok(int status, Object data, String message) {
    return new ApiEnvelope(status, data, message, true, null, null);
  }

  public static ApiEnvelope error(
      int status, String message, List<AppException.Detail> errors, String requestId) {
    return new ApiEnvelope(status, null, message, false, errors, requestId);
  }
}
