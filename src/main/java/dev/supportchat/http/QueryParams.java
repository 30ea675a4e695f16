package dev.supportchat.http;

import dev.supportchat.error.AppException;
import io.javalin.http.Context;

/** Query parameters that must be numbers, refused with a 400 naming them. */
public final class QueryParams {
  private QueryParams() {}

  /** The whole number given as {@code name}, or null when it is absent or blank. */
  public static Integer optionalInt(Context ctx, String name) {
    String raw = ctx.queryParam(name);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw AppException.invalid(name, name + " must be a whole number.");
    }
  }
}
