package dev.supportchat.http;

import dev.supportchat.error.AppException;
import dev.supportchat.error.ErrorCode;
import dev.supportchat.limit.SharedBudget;
import io.javalin.http.Context;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPartFormData;
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
 * <p>Memory: a body's buffer grows as bytes arrive (by half each time, to what it needs), never
 * sized by what the client announced, and the budget is charged for the whole buffer. A body the
 * budget refuses part-way is read to its end and dropped before the refusal is answered, so the
 * client, still sending, gets the answer rather than a reset connection; a client that asked to be
 * told before it sends ({@code Expect: 100-continue}) is refused at once if its announced body does
 * not fit.
 *
 * <p>Written here rather than Jetty's {@code EagerContentHandler}: its loader for arbitrary content
 * retains each network chunk as it came, so a client sending one byte per packet could pin a whole
 * network buffer per byte, and it has no pace or budget (docs/DECISIONS.md).
 */
final class BodyFirstHandler extends Handler.Wrapper {
  /** The buffer a body starts with. */
  private static final int FIRST_BUFFER_BYTES = 16 * 1024;

  /** Where Jetty keeps a request's multipart parse (see {@code forgetFailedParts}). */
  private static final String MULTIPART_PARTS = MultiPartFormData.class.getName();

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
    Optional<AppException> refusal = BodyRefusal.of(ctx.req());
    if (refusal.isPresent()) {
      throw refusal.get();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if (declared <= 0 && !chunked) {
      // An upload with an empty body is malformed too.
      return super.handle(request, response, forgettingFailedParts(request, callback));
    }
    Arrival arrival = new Arrival(request, response, callback, addressOf.apply(request), declared);
    if (declared > largestBody) {
      arrival.refuse(tooLarge());
      return true;
    }
    AppException refusal =
        request.getHeaders().contains(HttpHeader.EXPECT, "100-continue")
            ? arrival.budgetRefusal(budget.check(arrival.address, declared))
            : null;
    if (refusal != null) {
      arrival.refuse(refusal); // before reading: the client is told not to send
      return true;
    }
    arrival.start();
    return true;
  }

  /**
   * {@code callback}, removing a multipart parse that failed from a multipart request first.
   * Requests of other types never have one: the parser runs only for multipart content.
   */
  private static Callback forgettingFailedParts(Request request, Callback callback) {
    String type = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    if (type == null || !type.regionMatches(true, 0, "multipart/", 0, 10)) {
      return callback;
    }
    return new Callback.Nested(callback) {
      @Override
      public void succeeded() {
        forgetFailedParts(request);
        super.succeeded();
      }

      @Override
      public void failed(Throwable x) {
        forgetFailedParts(request);
        super.failed(x);
      }
    };
  }

  /**
   * Removes a multipart parse that failed (a malformed upload, answered 400 by the route) from the
   * request. Jetty (12.1.12, 12.1.13) cleans up an exchange's parts as it completes by joining that
   * parse, so a failed one threw there, after the answer was sent and the exchange recycled: Jetty
   * then wrote a 500 into the recycled exchange, and the next request on the connection got it or
   * no answer at all. Parts that were parsed stay, so Jetty still deletes their files; a failed
   * parse has deleted its own.
   */
  private static void forgetFailedParts(Request request) {
    if (request.getAttribute(MULTIPART_PARTS) instanceof CompletableFuture<?> parse
        && parse.isCompletedExceptionally()) {
      request.removeAttribute(MULTIPART_PARTS);
    }
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
    final String address;
    private final long declared;
    private byte[] bytes;
    private int size;
    private long charged;
    private long received;

    /** Set when the budget refused the body part-way: the rest is read and dropped, then this. */
    private AppException refusal;

    private long windowStartedNanos = System.nanoTime();
    private long windowBytes;

    Arrival(Request request, Response response, Callback callback, String address, long declared) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.address = address;
      this.declared = declared;
    }

    /** Takes the first buffer, then reads what has arrived. */
    void start() {
      // Sized by what arrives, never by what the client announced: a client announcing 10 MB and
      // sending one byte must not cost 10 MB.
      int first = (int) Math.min(declared > 0 ? declared : FIRST_BUFFER_BYTES, FIRST_BUFFER_BYTES);
      refusal = budgetRefusal(budget.take(address, first));
      if (refusal == null) {
        charged = first;
        bytes = new byte[first];
      }
      read();
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
          refuse(
              chunk.getFailure() instanceof HttpException
                  ? AppException.invalid(null, "The request body is malformed.")
                  : AppException.timeout("The request did not arrive in time. Please try again."));
          return;
        }
        boolean last = chunk.isLast();
        int n = chunk.remaining();
        received += n;
        if (received > largestBody) {
          chunk.release();
          refuse(tooLarge()); // at once: a body without end is not read to its end
          return;
        }
        if (n > 0 && refusal == null) {
          refusal = append(chunk.getByteBuffer(), n);
          if (refusal != null) {
            giveBack(); // the rest is read and dropped
          }
        }
        chunk.release();
        if (last) {
          if (refusal != null) {
            refuse(refusal);
          } else {
            request.getContext().execute(this::handOn);
          }
          return;
        }
        AppException slow = paceRefusal(n);
        if (slow != null) {
          refuse(slow);
          return;
        }
      }
    }

    /** The error for a refusal of the budget; null for none. */
    AppException budgetRefusal(SharedBudget.Refusal refusal) {
      if (refusal == SharedBudget.Refusal.HOLDER_FULL) {
        return AppException.rateLimited(
            "Too many uploads from your network are arriving at once. Try again in a moment.", 5);
      }
      if (refusal == SharedBudget.Refusal.ALL_FULL) {
        return AppException.unavailable(
            "The server is receiving too many uploads at once. Try again in a moment.");
      }
      return null;
    }

    /** Adds {@code n} bytes to the body, growing its buffer within the budget; or why not. */
    private AppException append(ByteBuffer chunk, int n) {
      long needed = (long) size + n;
      if (needed > bytes.length) {
        int grown = grownTo(needed);
        AppException refused = budgetRefusal(budget.take(address, grown - bytes.length));
        if (refused != null) {
          return refused;
        }
        charged += grown - bytes.length;
        bytes = Arrays.copyOf(bytes, grown);
      }
      chunk.get(bytes, size, n);
      size += n;
      return null;
    }

    /**
     * The buffer for {@code needed} bytes: grown by half until it fits, at most the announced
     * length. The same steps whatever the chunks, so a body's buffer depends only on its size.
     */
    private int grownTo(long needed) {
      long length = bytes.length;
      while (length < needed) {
        length += length / 2;
      }
      return (int) Math.min(length, declared > 0 ? declared : largestBody);
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
          forgettingFailedParts(
              complete,
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
              });
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
      size = 0;
    }

    /**
     * The application answers {@code refusal} instead of handling the request (its first handler
     * throws it), on a pool thread, with an empty body; the connection closes after the answer.
     */
    void refuse(AppException refusal) {
      giveBack();
      request.setAttribute(BodyRefusal.ATTRIBUTE, refusal);
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      if (refusal.code() == ErrorCode.UNAVAILABLE) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, "5");
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
