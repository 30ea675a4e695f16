package dev.supportchat.http;

import io.javalin.http.Context;

/** Writes success envelopes, so every route answers in the same shape. */
public final class Responses {
  private Responses() {}

  public static void ok(Context ctx, Object data, String message) {
    ctx.status(200).json(ApiEnvelope.ok(200, data, message));
  }

  public static void created(Context ctx, Object data, String message) {
    ctx.status(201).json(ApiEnvelope.ok(201, data, message));
  }
}
