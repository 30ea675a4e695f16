package dev.supportchat.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a file as a response body with the servlet's asynchronous writes: a chunk whenever Jetty
 * can take one, and no thread held while a client reads slowly or not at all. With blocking writes
 * each such client held a request thread until the idle timeout, so a few hundred unread downloads
 * of one large attachment once stopped the server (docs/RELIABILITY.md). A download now holds an
 * open file and one chunk of memory.
 *
 * <p>The request must be in asynchronous mode ({@code ctx.future}); the returned future completes
 * when the file was written, or when the client went away or did not read before the idle timeout
 * (the response is then already broken, so there is nothing else to answer).
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
  private long sent;
  private boolean ended;

  private FileAnswer(ServletOutputStream out, InputStream file, long size) {
    this.out = out;
    this.file = file;
    this.size = size;
  }

  /**
   * Opens {@code path}, sets the response's length from the open file and starts writing it; the
   * future completes when it is over. A file that cannot be opened throws before anything of the
   * response is set, so the error is answered as usual.
   */
  public static CompletableFuture<Void> write(HttpServletResponse response, Path path)
      throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long size = channel.size();
      response.setContentLengthLong(size);
      FileAnswer answer =
          new FileAnswer(response.getOutputStream(), Channels.newInputStream(channel), size);
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
    while (!ended && out.isReady()) {
      int n = file.read(chunk);
      if (n < 0) {
        end(); // the last write has finished (isReady), so the body is complete
        return;
      }
      out.write(chunk, 0, n);
      sent += n;
    }
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
    try {
      file.close();
    } catch (IOException e) {
      LOG.debug("Downloaded file not closed", e);
    }
    // A failed write ends the response, not the request's handling: nothing more can be sent.
    done.complete(null);
  }
}
