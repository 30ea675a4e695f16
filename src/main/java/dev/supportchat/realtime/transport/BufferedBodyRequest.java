package dev.supportchat.realtime.transport;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A polling POST whose body has already been read, capped at the maximum payload.
 *
 * <p>Why: engine.io-server 6.3.2 reads the body itself into {@code new byte[getContentLength()]}.
 * That has no size limit (the client's Content-Length picks the allocation; measured: a 2x-limit
 * message was accepted) and throws on a chunked body (length -1). Its read loop also passes a wrong
 * length after a short read, which only Jetty's lenient copy makes harmless. Handing it a fully
 * buffered body of known length fixes the first two and keeps the third from ever mattering.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

  private final byte[] body;

  private BufferedBodyRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  /** Reads the body; empty when it is larger than {@code maxBytes}. */
  static Optional<BufferedBodyRequest> read(HttpServletRequest request, int maxBytes)
      throws IOException {
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 512);
    byte[] chunk = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      int n;
      while ((n = in.read(chunk)) != -1) {
        if (out.size() + n > maxBytes) {
          return Optional.empty();
        }
        out.write(chunk, 0, n);
      }
    }
    return Optional.of(new BufferedBodyRequest(request, out.toByteArray()));
  }

  /** Whether the body is an Engine.IO long-polling payload ({@link PollingPayload}). */
  boolean isPollingPayload() {
    return PollingPayload.wellFormed(body);
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("body is already buffered");
      }
    };
  }
}
