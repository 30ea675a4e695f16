package dev.supportchat.http;

import dev.supportchat.error.AppException;
import dev.supportchat.limit.SharedBudget;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a request's whole body, without holding a thread, before the application sees the request;
 * the application then reads it from memory at once.
 *
 * <p>Why: Javalin's handlers, the multipart parser and engine.io's polling read bodies with
 * blocking reads, so a client that announced a body and then sent it slowly held a thread for as
 * long as it liked. 300 such connections, without any account, left {@code /health} unanswered
 * (measured: a 20 s timeout) until Jetty's idle timeout closed them, and an attacker would just
 * open them again (docs/RELIABILITY.md). Here the bytes arrive through Jetty's demand callbacks,
 * which hold no thread between chunks; only a complete body is handed on.
 *
 * <p>What a slow, large or broken sender meets instead, each as an error of the application's own
 * (the API's envelope, CORS and security headers, a request id) with {@code Connection: close}, the
 * rest of the body unread:
 *
 * <ul>
 *   <li>a body declared larger than the largest a route takes, or growing past it: 413 at once;
 *   <li>a body slower than {@link BodyPace} over any of its windows: 408 {@code timeout};
 *   <li>a body while its address, or the whole server, holds the most memory of arriving bodies
 *       that the {@link SharedBudget} allows: 429 or 503, with {@code Retry-After};
 *   <li>a malformed chunked body: 400.
 * </ul>
 *
 * Requests without a body (GET, websocket upgrades) pass straight through.
 *
 * <p>Memory: a body's buffer grows as bytes arrive, never sized by what the client announced, and
 * the budget is charged for the buffer's size beyond its first {@link #UNCHARGED_BYTES}, so that
 * small bodies (every JSON request) are never refused because uploads filled the budget.
 *
 * <p>Written here rather than Jetty's {@code EagerContentHandler}: its loader for arbitrary content
 * retains each network chunk as it came, so a client sending one byte per packet could pin a whole
 * network buffer per byte, and it has no pace or budget (docs/DECISIONS.md).
 */
final class BodyFirstHandler extends Handler.Wrapper {
  /** Request attribute: the error the application answers instead of handling the request. */
  static final String REFUSAL = BodyFirstHandler.class.getName() + ".refusal";

  /** The first bytes of every body's buffer, not charged to the budget. */
  static final int UNCHARGED_BYTES = 64 * 1024;

  private final long largestBody;
  private final SharedBudget budget;
  private final BodyPace pace;
  private final Function<Request, String> addressOf;

  /**
   * @param largestBody the largest body any route takes
   * @param budget memory of arriving bodies, per client address
   * @param addressOf the client's address, as the per-address limits see it
   */
  BodyFirstHandler(
      long largestBody, SharedBudget budget, BodyPace pace, Function<Request, String> addressOf) {
    this.largestBody = largestBody;
    this.budget = budget;
    this.pace = pace;
    this.addressOf = addressOf;
  }

  /**
   * For the application's first handler: throws the refusal this handler decided for the request,
   * if any, so that the application answers it like any of its own errors.
   */
  static void throwRefusal(Context ctx) {
    if (ctx.attribute(REFUSAL) instanceof AppException refusal) {
      throw refusal;
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (declared <= 0 && !chunked) {
      return super.handle(request, response, callback);
    }
    Arrival arrival = new Arrival(request, response, callback, addressOf.apply(request), declared);
    if (declared > largestBody) {
      arrival.refuse(tooLarge(), null);
    } else {
      arrival.read();
    }
    return true;
  }

  private AppException tooLarge() {
    return AppException.tooLarge(
        "The request body is too large (at most " + largestBody + " bytes).");
  }

  /** One body arriving: its bytes so far and its share of the budget. */
  private final class Arrival implements Invocable.Task {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String address;
    private final long declared;
    private byte[] bytes;
    private int size;
    private long charged;
    private long windowStartedNanos = System.nanoTime();
    private long windowBytes;

    Arrival(Request request, Response response, Callback callback, String address, long declared) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.address = address;
      this.declared = declared;
      // Sized by what arrives, never by what the client announced: a client announcing 10 MB and
      // sending one byte must not cost 10 MB.
      this.bytes = new byte[(int) Math.min(declared > 0 ? declared : 8192, 16 * 1024)];
    }

    /** Jetty calls it when more of the body can be read; it never blocks. */
    @Override
    public void run() {
      read();
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    void read() {
      while (true) {
        Content.Chunk chunk = request.read();
        if (chunk == null) {
          request.demand(this);
          return;
        }
        if (Content.Chunk.isFailure(chunk)) {
          Throwable failure = chunk.getFailure();
          refuse(
              failure instanceof HttpException
                  ? AppException.invalid(null, "The request body is malformed.")
                  : AppException.timeout("The request did not arrive in time. Please try again."),
              null);
          return;
        }
        boolean last = chunk.isLast();
        int n = chunk.remaining();
        AppException refusal = n > 0 ? append(chunk.getByteBuffer(), n) : null;
        chunk.release();
        if (refusal != null) {
          refuse(refusal, refusal.code().httpStatus() == 503 ? "5" : null);
          return;
        }
        if (last) {
          request.getContext().execute(this::handOn);
          return;
        }
        refusal = paceRefusal(n);
        if (refusal != null) {
          refuse(refusal, null);
          return;
        }
      }
    }

    /** Adds {@code n} bytes to the body, growing its buffer within the budget; or why not. */
    private AppException append(ByteBuffer chunk, int n) {
      long needed = (long) size + n;
      if (needed > largestBody) {
        return tooLarge();
      }
      if (needed > bytes.length) {
        long limit = declared > 0 ? declared : largestBody;
        int grown = (int) Math.min(Math.max(needed, 2L * bytes.length), limit);
        long charge = chargeable(grown) - chargeable(bytes.length);
        SharedBudget.Refusal refusal = charge > 0 ? budget.take(address, charge) : null;
        if (refusal == SharedBudget.Refusal.HOLDER_FULL) {
          return AppException.rateLimited(
              "Too many uploads from your network are arriving at once. Try again in a moment.", 5);
        }
        if (refusal == SharedBudget.Refusal.ALL_FULL) {
          return AppException.unavailable(
              "The server is receiving too many uploads at once. Try again in a moment.");
        }
        charged += Math.max(0, charge);
        byte[] larger = new byte[grown];
        System.arraycopy(bytes, 0, larger, 0, size);
        bytes = larger;
      }
      chunk.get(bytes, size, n);
      size += n;
      return null;
    }

    /** What of a buffer of {@code length} bytes the budget is charged for. */
    private long chargeable(long length) {
      return Math.max(0, length - UNCHARGED_BYTES);
    }

    /** Judges the pace when a window is over, then starts the next one. */
    private AppException paceRefusal(int n) {
      windowBytes += n;
      long now = System.nanoTime();
      long elapsed = now - windowStartedNanos;
      if (pace.tooSlow(windowBytes, elapsed)) {
        return AppException.timeout(
            "The connection was too slow to send this (under "
                + pace.minBytesPerSecond()
                + " bytes a second). Please try again.");
      }
      if (pace.windowOver(elapsed)) {
        windowStartedNanos = now;
        windowBytes = 0;
      }
      return null;
    }

    /** The body is complete: the application handles the request on a pool thread. */
    private void handOn() {
      handOn(new BufferedRequest(request, ByteBuffer.wrap(bytes, 0, size)));
    }

    private void handOn(Request complete) {
      Callback done =
          new Callback.Nested(callback) {
            @Override
            public void succeeded() {
              giveBack();
              super.succeeded();
            }

            @Override
            public void failed(Throwable x) {
              giveBack();
              super.failed(x);
            }
          };
      try {
        if (!BodyFirstHandler.super.handle(complete, response, done)) {
          Response.writeError(complete, response, done, 404);
        }
      } catch (Throwable t) {
        Response.writeError(complete, response, done, t);
      }
    }

    private void giveBack() {
      budget.giveBack(address, charged);
      charged = 0;
      bytes = null;
    }

    /**
     * The application answers {@code refusal} instead of handling the request (its first handler
     * throws it), on a pool thread, with an empty body; the rest of the body stays unread, so the
     * connection closes after the answer.
     */
    void refuse(AppException refusal, String retryAfter) {
      giveBack();
      request.setAttribute(REFUSAL, refusal);
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      if (retryAfter != null) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
      }
      Request empty = new BufferedRequest(request, ByteBuffer.allocate(0));
      request.getContext().execute(() -> handOn(empty));
    }
  }

  /** The request with its body already read: each read returns what is left of it at once. */
  private static final class BufferedRequest extends Request.Wrapper {
    private Content.Chunk rest;

    BufferedRequest(Request request, ByteBuffer body) {
      super(request);
      this.rest = Content.Chunk.from(body, true);
    }

    @Override
    public synchronized Content.Chunk read() {
      Content.Chunk chunk = rest;
      rest = Content.Chunk.EOF;
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      // Everything is here: the next read returns at once. Run on another thread, never inside
      // the caller's own read loop.
      getContext().execute(demandCallback);
    }
  }
}
