package dev.supportchat.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file as a response body with the servlet's asynchronous writes: a chunk whenever Jetty
 * can take one, and no thread held while a client reads slowly or not at all. With blocking writes
 * each such client held a request thread until the idle timeout, so a few hundred unread downloads
 * of one large attachment once stopped the server (docs/RELIABILITY.md). A download now holds an
 * open file and one chunk of memory.
 *
 * <p>A client must read each chunk within the time that {@code minBytesPerSecond} gives it (32 s at
 * 1 KB a second), else its connection is closed. Jetty's idle timeout alone closes only a client
 * that reads nothing: one that read a few bytes every few seconds kept a download, and its slot,
 * for as long as it liked, so a few networks could hold every slot (docs/RELIABILITY.md). Judged
 * per chunk taken, as Jetty reports no finer progress; a pause shorter than that time (a lift, a
 * tunnel) costs nothing.
 *
 * <p>The request must be in asynchronous mode ({@code ctx.future}); the returned future completes
 * when the file was written, or when the client went away, read too slowly, or did not read before
 * the idle timeout (the response is then already broken, so there is nothing else to answer).
 */
public final class FileAnswer implements WriteListener {
  private static final Logger LOG = LoggerFactory.getLogger(FileAnswer.class);

  /** What one write hands to Jetty: a download holds this much memory beside its file. */
  static final int CHUNK_BYTES = 32 * 1024;

  private final ServletOutputStream out;
  private final InputStream file;
  private final long size;
  private final byte[] chunk = new byte[CHUNK_BYTES];
  private final CompletableFuture<Void> done = new CompletableFuture<>();
  private final Scheduler scheduler;
  private final EndPoint connection;
  private final long minBytesPerSecond;
  private long sent;
  private boolean ended;

  /**
   * Counts the writes that had to wait for the client; the overdue check names the one it is for.
   */
  private long waits;

  private Scheduler.Task overdue;

  private FileAnswer(
      ServletOutputStream out,
      InputStream file,
      long size,
      ServletContextRequest request,
      long minBytesPerSecond) {
    this.out = out;
    this.file = file;
    this.size = size;
    this.scheduler = request.getComponents().getScheduler();
    this.connection = request.getConnectionMetaData().getConnection().getEndPoint();
    this.minBytesPerSecond = minBytesPerSecond;
  }

  /**
   * Opens {@code path}, sets the response's length from the open file and starts writing it; the
   * future completes when it is over. A file that cannot be opened throws before anything of the
   * response is set, so the error is answered as usual.
   */
  public static CompletableFuture<Void> write(
      HttpServletRequest request, HttpServletResponse response, Path path, long minBytesPerSecond)
      throws IOException {
    ServletContextRequest jettyRequest = ServletContextRequest.getServletContextRequest(request);
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long size = channel.size();
      response.setContentLengthLong(size);
      FileAnswer answer =
          new FileAnswer(
              response.getOutputStream(),
              Channels.newInputStream(channel),
              size,
              jettyRequest,
              minBytesPerSecond);
      answer.out.setWriteListener(answer); // Jetty calls onWritePossible at once
      return answer.done;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  /**
   * Writes chunks while Jetty takes them; Jetty calls again when a write that did not finish at
   * once has finished. The file is on local disk, so its reads are short.
   */
  @Override
  public synchronized void onWritePossible() throws IOException {
    stopWatching();
    while (!ended && out.isReady()) {
      int n = file.read(chunk);
      if (n < 0) {
        end(); // the last write has finished (isReady), so the body is complete
        return;
      }
      out.write(chunk, 0, n);
      sent += n;
    }
    if (!ended) {
      watch(); // the last write waits for the client
    }
  }

  /** Closes the connection if the write now waiting is still waiting when its time is up. */
  private void watch() {
    long wait = ++waits;
    long millis = Math.max(1, CHUNK_BYTES * 1_000L / minBytesPerSecond);
    overdue = scheduler.schedule(() -> cutIfStillWaiting(wait), millis, TimeUnit.MILLISECONDS);
  }

  private void stopWatching() {
    if (overdue != null) {
      overdue.cancel();
      overdue = null;
    }
  }

  /**
   * Closes the connection if the write {@code wait} still waits. Under the lock, so that the last
   * write cannot finish and the connection go on to its next request in between. Jetty does not
   * call this listener back from the close: it fails the write and calls onError on another thread.
   */
  private synchronized void cutIfStillWaiting(long wait) {
    if (ended || wait != waits) {
      return; // the write it was for has finished (onWritePossible then waits anew or ends)
    }
    connection.close(
        new TimeoutException(
            "the client read more slowly than " + minBytesPerSecond + " bytes a second"));
  }

  @Override
  public synchronized void onError(Throwable failure) {
    // The request log says 200 (the status went first): this line says the body did not arrive.
    LOG.info(
        "Download ended after {} of {} bytes: {}",
        sent,
        size,
        String.valueOf(failure.getMessage()));
    end();
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    stopWatching();
    try {
      file.close();
    } catch (IOException e) {
      LOG.debug("Downloaded file not closed", e);
    }
    // A failed write ends the response, not the request's handling: nothing more can be sent.
    done.complete(null);
  }
}
