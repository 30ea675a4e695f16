package dev.supportchat.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.supportchat.json.Json;
import dev.supportchat.limit.SharedBudget;
import dev.supportchat.logging.LogContext;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>What a slow or large sender meets instead:
 *
 * <ul>
 *   <li>a body slower on average than {@link BodyPace} (after its grace) is answered 408;
 *   <li>a body while its address, or the whole server, already holds the most bytes of bodies that
 *       {@link SharedBudget} allows is answered 429 or 503, each with {@code Retry-After};
 *   <li>a body declared larger than the largest a route takes goes on at once: the application
 *       answers 413 without reading it, as before; a chunked body that grows past that is answered
 *       413 here.
 * </ul>
 *
 * These answers close the connection (the rest of the body is not read) and carry the API's error
 * envelope. Requests without a body (GET, websocket upgrades) pass straight through.
 *
 * <p>Written here rather than Jetty's {@code EagerContentHandler}: its loader for arbitrary content
 * retains each network chunk as it came, so a client sending one byte per packet could pin a whole
 * network buffer per byte, and it has no pace or budget (docs/DECISIONS.md).
 */
final class BodyFirstHandler extends Handler.Wrapper {
  private static final Logger LOG = LoggerFactory.getLogger(BodyFirstHandler.class);

  private final long largestBody;
  private final SharedBudget budget;
  private final BodyPace pace;
  private final Function<Request, String> addressOf;

  /**
   * @param largestBody the largest body any route takes (bodies declared larger go on unread)
   * @param addressOf the client's address, as the per-address limits see it
   */
  BodyFirstHandler(
      long largestBody, SharedBudget budget, BodyPace pace, Function<Request, String> addressOf) {
    this.largestBody = largestBody;
    this.budget = budget;
    this.pace = pace;
    this.addressOf = addressOf;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    long declared = request.getLength();
    boolean chunked = declared < 0 && request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    if ((declared <= 0 && !chunked) || declared > largestBody) {
      return super.handle(request, response, callback);
    }
    new Arrival(request, response, callback, addressOf.apply(request), declared).read();
    return true;
  }

  /** One body arriving: its bytes so far and its share of the budget. */
  private final class Arrival implements Invocable.Task {
    private final Request request;
    private final Response response;
    private final Callback callback;
    private final String address;
    private final ByteArrayOutputStream body;
    private final long startedNanos = System.nanoTime();
    private long taken;

    Arrival(Request request, Response response, Callback callback, String address, long declared) {
      this.request = request;
      this.response = response;
      this.callback = callback;
      this.address = address;
      this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
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
          // The client went away or stalled past the idle timeout: nobody may be listening.
          refuse(408, "The request body did not arrive in time.", null);
          return;
        }
        boolean last = chunk.isLast();
        int n = chunk.remaining();
        if (n > 0 && !take(n)) {
          chunk.release();
          return;
        }
        ByteBuffer bytes = chunk.getByteBuffer();
        if (bytes.hasArray()) {
          body.write(bytes.array(), bytes.arrayOffset() + bytes.position(), n);
        } else {
          byte[] copy = new byte[n];
          bytes.get(copy);
          body.write(copy, 0, n);
        }
        chunk.release();
        if (last) {
          request.getContext().execute(this::handOn);
          return;
        }
        if (pace.tooSlow(body.size(), System.nanoTime() - startedNanos)) {
          refuse(
              408,
              "The request body arrived too slowly (under "
                  + pace.minBytesPerSecond()
                  + " bytes a second).",
              null);
          return;
        }
      }
    }

    /** Takes {@code n} more bytes from the budget, or answers why not. */
    private boolean take(int n) {
      if (body.size() + (long) n > largestBody) {
        refuse(413, "The request body is too large (at most " + largestBody + " bytes).", null);
        return false;
      }
      SharedBudget.Refusal refusal = budget.take(address, n);
      if (refusal == SharedBudget.Refusal.HOLDER_FULL) {
        refuse(
            429,
            "Too many uploads from your network are arriving at once. Try again in a moment.",
            "5");
        return false;
      }
      if (refusal == SharedBudget.Refusal.ALL_FULL) {
        refuse(
            503, "The server is receiving too many uploads at once. Try again in a moment.", "5");
        return false;
      }
      taken += n;
      return true;
    }

    /** The body is complete: the application handles the request on a pool thread. */
    private void handOn() {
      Request complete = new BufferedRequest(request, body.toByteArray());
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
      budget.giveBack(address, taken);
      taken = 0;
    }

    private void refuse(int status, String message, String retryAfter) {
      giveBack();
      LOG.info(
          "{} {} from {} refused with {}: {}",
          request.getMethod(),
          Request.getPathInContext(request),
          address,
          status,
          message);
      byte[] json;
      try {
        json =
            Json.MAPPER.writeValueAsBytes(
                ApiEnvelope.error(status, message, null, LogContext.newRequestId()));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e); // a record of strings and numbers
      }
      response.setStatus(status);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
      // The rest of the body stays unread: this connection cannot carry another request.
      response.getHeaders().put(HttpHeader.CONNECTION, "close");
      if (retryAfter != null) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, retryAfter);
      }
      response.write(true, ByteBuffer.wrap(json), callback);
    }
  }

  /** The request with its body already read: each read returns what is left of it at once. */
  private static final class BufferedRequest extends Request.Wrapper {
    private Content.Chunk rest;

    BufferedRequest(Request request, byte[] body) {
      super(request);
      this.rest = Content.Chunk.from(ByteBuffer.wrap(body), true);
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
