package dev.supportchat.realtime.transport;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a long-polling handshake, held until engine.io-server has finished the handshake.
 *
 * <p>Why: engine.io-server 6.3.2 writes the handshake, with the new session id, and completes the
 * response before it registers the session and runs the engine's "connection" listeners
 * (socket.io-server's, then {@link ConnectAuthGate}'s). Sent at once, it let the client POST its
 * CONNECT while those listeners ran, on another Jetty thread: after socket.io-server's listener and
 * before the gate's, the CONNECT reached socket.io-server unauthenticated and was acknowledged. The
 * session id is random (63 bits from SecureRandom) and this answer is the only place a client
 * learns it, so once it is held no packet of the session can arrive before the gate guards it.
 *
 * <p>Status and headers (Content-Length included) go to the response at once; they do not send
 * anything before the body is written.
 */
final class HeldHandshakeResponse extends HttpServletResponseWrapper {

  private final HeldBody body = new HeldBody(whole -> {});
  private final int maxPayload;

  HeldHandshakeResponse(HttpServletResponse response, int maxPayload) {
    super(response);
    this.maxPayload = maxPayload;
  }

  /** Sends what engine.io-server wrote. Call after its {@code handleRequest} returned. */
  void release() throws IOException {
    String text = body.text();
    if (!text.isEmpty()) {
      byte[] answer = OpenPacket.withMaxPayload(text, maxPayload).getBytes(StandardCharsets.UTF_8);
      getResponse().setContentLength(answer.length);
      getResponse().getOutputStream().write(answer);
    }
  }

  @Override
  public ServletOutputStream getOutputStream() {
    return body;
  }

  @Override
  public PrintWriter getWriter() {
    return body.writer(getCharacterEncoding());
  }

  /** Nothing is sent before {@link #release}. */
  @Override
  public void flushBuffer() {}
}
