package dev.supportchat.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.json.Json;
import dev.supportchat.testing.TestApp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One connection to the app on which a test writes requests byte by byte (slowly, in part, or
 * several at once) and reads each answer as it comes.
 */
final class RawRequest implements AutoCloseable {
  record Answer(int status, String head, JsonNode json) {}

  private final Socket socket;
  private final OutputStream out;

  private RawRequest(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
  }

  /** A connection to the app, for requests written byte by byte. */
  static RawRequest connect(TestApp t) throws IOException {
    URI base = URI.create(t.baseUrl());
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    socket.setSoTimeout(30_000);
    return new RawRequest(socket);
  }

  /** A connection with a request's head sent: a JSON body of {@code length} bytes to follow. */
  static RawRequest open(TestApp t, String method, String path, long length, String forwardedFor)
      throws IOException {
    URI base = URI.create(t.baseUrl());
    RawRequest r = connect(t);
    String head =
        method
            + " "
            + path
            + " HTTP/1.1\r\nHost: "
            + base.getHost()
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + length
            + "\r\n"
            + (forwardedFor == null ? "" : "X-Forwarded-For: " + forwardedFor + "\r\n")
            + "\r\n";
    r.send(head.getBytes(StandardCharsets.US_ASCII));
    return r;
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** Sends what the server still reads: it may answer and close before all of it is sent. */
  void sendQuietly(byte[] bytes) {
    try {
      send(bytes);
    } catch (IOException answeredAndClosed) {
      // the answer is read next
    }
  }

  boolean answered() throws IOException {
    return socket.getInputStream().available() > 0;
  }

  /** Reads an answer whose body is not JSON (its json is null). */
  Answer answerText() throws IOException {
    return answer(false);
  }

  /** Reads the answer: status line, headers and a body of Content-Length bytes. */
  Answer answer() throws IOException {
    return answer(true);
  }

  private Answer answer(boolean json) throws IOException {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed after " + head);
      }
      head.write(b);
    }
    String headers = head.toString(StandardCharsets.ISO_8859_1);
    int length = 0;
    for (String line : headers.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    int status = Integer.parseInt(headers.substring(9, 12));
    return new Answer(status, headers, json ? Json.MAPPER.readTree(body) : null);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
