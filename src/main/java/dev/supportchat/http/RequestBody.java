package dev.supportchat.http;

import dev.supportchat.json.JsonBody;
import io.javalin.http.Context;

/**
 * Javalin's side of {@link JsonBody}: the reading and its rules live in json/, shared with the
 * socket payloads.
 */
public final class RequestBody {
  private RequestBody() {}

  /**
   * The request's body as a JSON object; an empty body counts as {@code {}}, anything but an object
   * is a 400.
   */
  public static JsonBody json(Context ctx) {
    return JsonBody.parse(ctx.bodyAsBytes());
  }
}
