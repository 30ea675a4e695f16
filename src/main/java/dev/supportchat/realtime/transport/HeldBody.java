package dev.supportchat.realtime.transport;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * A response body engine.io-server writes, kept in memory until its owner sends it: the handshake's
 * answer ({@link HeldHandshakeResponse}) and a parked poll's ({@link PollAnswer}).
 */
final class HeldBody extends ServletOutputStream {

  /** What to do with the body when engine.io-server closes the stream (it writes it whole). */
  interface OnClose {
    void whole(byte[] body) throws IOException;
  }

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
  private final OnClose onClose;
  private PrintWriter writer;

  HeldBody(OnClose onClose) {
    this.onClose = onClose;
  }

  /** The body as a writer in {@code charset}, the same one on every call. */
  PrintWriter writer(String charset) {
    if (writer == null) {
      writer = new PrintWriter(new OutputStreamWriter(this, Charset.forName(charset)));
    }
    return writer;
  }

  /** What was written so far, as UTF-8 text (what a writer wrote is flushed first). */
  String text() {
    if (writer != null) {
      writer.flush();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) {
    bytes.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    onClose.whole(bytes.toByteArray());
  }

  @Override
  public boolean isReady() {
    return true;
  }

  @Override
  public void setWriteListener(WriteListener listener) {
    throw new UnsupportedOperationException("the body is held in memory until it is whole");
  }
}
