package dev.supportchat.realtime.transport;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-poll GET of an existing session as engine.io-server sees it, whose answer is written
 * without blocking the thread that sends it.
 *
 * <p>Why: engine.io-server 6.3.2 answers a waiting poll on whichever thread sends to the session
 * (our emitting thread, the threads that finish acks, engine.io's ping timer, a Jetty thread
 * handling another request of the session), holding the session's lock, with the servlet's blocking
 * {@code write}, and then completes the request. A client that pipelines its GETs on one connection
 * and never reads fills that connection's buffers with its own answers; the next one then blocked
 * the sending thread, and every delivery on the node with it, until Jetty's idle timeout
 * (docs/RELIABILITY.md, {@code NonReadingPollerIT}).
 *
 * <p>Here, once the poll is parked ({@code startAsync}), what engine.io-server writes is kept in
 * memory; when it closes the stream (it writes each answer whole, then closes), the bytes go to
 * Jetty's asynchronous write ({@link WriteListener}), and its {@code complete()} is held until that
 * write has finished. The sender returns at once; a client that never reads holds only its own
 * answer, until the idle timeout fails the write and the request is completed. engine.io-server has
 * forgotten the poll by then (it does so as soon as it wrote): what it sends meanwhile waits in the
 * session's buffer for the next GET, which Jetty reads from that connection only once this request
 * is complete, so answers stay in order. Before the poll is parked (an error answered at once), the
 * response is the servlet's own.
 *
 * <p>An answer that cannot be written (the idle timeout, a reset) ends its session ({@code
 * answerLost}), as engine.io-server ends one whose blocking write fails: its packets are lost, and
 * the client has to reconnect. The failure comes after engine.io-server returned, so it is not told
 * otherwise; left alone, the session lived on for as long as its client kept posting (every packet
 * it receives puts off the ping timeout), holding all that was sent to it.
 */
final class PollAnswer {
  private static final Logger LOG = LoggerFactory.getLogger(PollAnswer.class);

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final HttpServletRequest requestView;
  private final HttpServletResponse responseView;
  private final Runnable answerLost;

  /** What engine.io-server writes once the poll is parked; null before. */
  private HeldBody body;

  private HeldCompletion context;
  private ServletOutputStream out;

  // Guarded by this: the answer's bytes once engine.io-server closed the stream, whether they were
  // handed to Jetty, whether engine.io-server asked for completion, and whether it was done.
  private byte[] answer;
  private boolean written;
  private boolean completeAsked;
  private boolean completed;

  /**
   * @param answerLost ends the session; run when a parked poll's answer could not be written
   */
  PollAnswer(HttpServletRequest request, HttpServletResponse response, Runnable answerLost) {
    this.request = request;
    this.response = response;
    this.answerLost = answerLost;
    this.requestView = new RequestView();
    this.responseView = new ResponseView();
  }

  /** The request to hand to engine.io-server. */
  HttpServletRequest request() {
    return requestView;
  }

  /** The response to hand to engine.io-server. */
  HttpServletResponse response() {
    return responseView;
  }

  /** The poll is parked: writes from now on are held (see the class comment). */
  private boolean parked() {
    return context != null && request.isAsyncStarted();
  }

  /** engine.io-server closed the stream: its bytes go to Jetty's asynchronous write. */
  private synchronized void answer(byte[] bytes) throws IOException {
    if (answer != null) {
      return;
    }
    answer = bytes;
    response.setContentLength(bytes.length); // the write is the last: Jetty then ends the body
    out = response.getOutputStream();
    out.setWriteListener(
        new WriteListener() {
          @Override
          public void onWritePossible() throws IOException {
            pump();
          }

          @Override
          public void onError(Throwable failure) {
            // The client did not read (idle timeout) or went away: its request ends here, and so
            // does its session (the class comment says why). Not under this object's lock: ending
            // the session takes the session's, which a sender holds when it takes this one.
            LOG.debug("Poll answer not written", failure);
            completeNow();
            answerLost.run();
          }
        });
    pump();
  }

  /** engine.io-server asked for completion: done once the answer is written. */
  private synchronized void complete() {
    completeAsked = true;
    if (answer == null) {
      completeNow(); // nothing was written (engine.io-server always writes first; be safe)
      return;
    }
    try {
      pump();
    } catch (IOException failed) {
      LOG.debug("Poll answer not written", failed);
      completeNow();
    }
  }

  /**
   * Writes the answer when Jetty can take it and completes the request when the write is done and
   * completion was asked for. Called again by Jetty ({@code onWritePossible}) after an unfinished
   * write finishes; never blocks.
   */
  private synchronized void pump() throws IOException {
    if (completed || !out.isReady()) {
      return;
    }
    if (!written) {
      written = true;
      out.write(answer);
      if (!out.isReady()) {
        return; // still being written: Jetty calls onWritePossible when it is done
      }
    }
    if (completeAsked) {
      completeNow();
    }
  }

  private synchronized void completeNow() {
    if (completed) {
      return;
    }
    completed = true;
    try {
      context.completeReally();
    } catch (IllegalStateException alreadyOver) {
      LOG.debug("Poll already completed", alreadyOver);
    }
  }

  private final class RequestView extends HttpServletRequestWrapper {
    RequestView() {
      super(request);
    }

    @Override
    public AsyncContext startAsync() {
      context = new HeldCompletion(request.startAsync());
      return context;
    }

    @Override
    public AsyncContext getAsyncContext() {
      return context != null ? context : request.getAsyncContext();
    }
  }

  private final class ResponseView extends HttpServletResponseWrapper {
    ResponseView() {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (!parked()) {
        return response.getOutputStream();
      }
      if (body == null) {
        body = new HeldBody(PollAnswer.this::answer);
      }
      return body;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (!parked()) {
        return response.getWriter();
      }
      getOutputStream();
      return body.writer(getCharacterEncoding());
    }

    /** Nothing of a parked poll's answer is sent before it is whole. */
    @Override
    public void flushBuffer() throws IOException {
      if (!parked()) {
        response.flushBuffer();
      }
    }
  }

  /** The parked poll's context, whose {@code complete()} waits for the answer's write. */
  private final class HeldCompletion implements AsyncContext {
    private final AsyncContext real;

    HeldCompletion(AsyncContext real) {
      this.real = real;
    }

    @Override
    public void complete() {
      PollAnswer.this.complete();
    }

    /** The real completion, once the answer is written. */
    void completeReally() {
      real.complete();
    }

    @Override
    public ServletRequest getRequest() {
      return real.getRequest();
    }

    @Override
    public ServletResponse getResponse() {
      return real.getResponse();
    }

    @Override
    public boolean hasOriginalRequestAndResponse() {
      return real.hasOriginalRequestAndResponse();
    }

    @Override
    public void dispatch() {
      real.dispatch();
    }

    @Override
    public void dispatch(String path) {
      real.dispatch(path);
    }

    @Override
    public void dispatch(ServletContext context, String path) {
      real.dispatch(context, path);
    }

    @Override
    public void start(Runnable run) {
      real.start(run);
    }

    @Override
    public void addListener(AsyncListener listener) {
      real.addListener(listener);
    }

    @Override
    public void addListener(
        AsyncListener listener, ServletRequest servletRequest, ServletResponse servletResponse) {
      real.addListener(listener, servletRequest, servletResponse);
    }

    @Override
    public <T extends AsyncListener> T createListener(Class<T> clazz) throws ServletException {
      return real.createListener(clazz);
    }

    @Override
    public void setTimeout(long timeout) {
      real.setTimeout(timeout);
    }

    @Override
    public long getTimeout() {
      return real.getTimeout();
    }
  }
}
