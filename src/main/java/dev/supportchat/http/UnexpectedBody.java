package dev.supportchat.http;

import dev.supportchat.error.AppException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * GET, HEAD, DELETE and OPTIONS requests carry no body in our API, and their handlers never read
 * one. A client that sends one anyway gets it dropped (up to {@code MAX_REQUEST_BYTES}; a 413
 * above). {@link BodyFirstHandler} has already read it into memory, so this costs no waiting; the
 * limit keeps GET bodies to the size of any other JSON request.
 */
final class UnexpectedBody {
  private static final Set<HandlerType> WITHOUT_BODY =
      Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.DELETE, HandlerType.OPTIONS);

  private UnexpectedBody() {}

  static void discard(Context ctx, long maxBytes) throws IOException {
    if (!WITHOUT_BODY.contains(ctx.method()) || !declaresBody(ctx)) {
      return;
    }
    if (ctx.contentLength() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    byte[] buffer = new byte[16 * 1024];
    long read = 0;
    InputStream in = ctx.req().getInputStream();
    for (int n; (n = in.read(buffer)) != -1; ) {
      read += n;
      if (read > maxBytes) {
        throw tooLarge(maxBytes);
      }
    }
  }

  private static boolean declaresBody(Context ctx) {
    return ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  private static AppException tooLarge(long maxBytes) {
    return AppException.tooLarge(
        "The request body is too large (at most " + maxBytes + " bytes; this request needs none).");
  }
}
