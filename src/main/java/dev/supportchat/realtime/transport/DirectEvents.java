package dev.supportchat.realtime.transport;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.supportchat.json.Json;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Text events of the main namespace, read with Jackson and handed to the socket's {@link
 * SocketEvents} dispatcher without socket.io-server's decoder.
 *
 * <p>Why: socket.io-server parses every event with org.json into a tree that the handlers then copy
 * into Jackson's, and routes it through its own event emitter; on the receiving (Jetty) threads
 * that was the largest part of a send's cost after the websocket itself (issue 20,
 * docs/BENCHMARKS.md). A text EVENT is simple: {@code 2[<ack id>][<json array>]}.
 *
 * <p>One per engine.io connection, created by {@link ConnectAuthGate}. Only a packet this class is
 * sure of is taken: the main namespace's socket is connected, the text is an EVENT of that
 * namespace, and Jackson reads an array starting with a string, without duplicate keys and within
 * its nesting limit. Anything else (binary events, other namespaces, a CONNECT or DISCONNECT, JSON
 * that org.json reads differently or refuses) goes to socket.io-server exactly as before, which
 * also keeps every refusal of malformed input as it was.
 */
final class DirectEvents {
  private static final ObjectReader READER =
      Json.MAPPER
          .reader()
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /** The connection being connected to a namespace on this thread (see {@link #connecting}). */
  private static final ThreadLocal<DirectEvents> CONNECTING = new ThreadLocal<>();

  /**
   * The dispatcher of each namespace's socket on this connection (usually one), by namespace;
   * replaced, not changed.
   */
  private volatile Map<String, SocketEvents.Dispatcher<?>> dispatchers = Map.of();

  /**
   * Runs {@code connect} (socket.io-server handling a CONNECT) so that a dispatcher attached inside
   * it, in the namespace's "connection" handler, is found by this connection.
   */
  void connecting(Runnable connect) {
    CONNECTING.set(this);
    try {
      connect.run();
    } finally {
      CONNECTING.remove();
    }
  }

  /** Called by {@link SocketEvents#attach}: the socket being connected on this thread. */
  static void attached(SocketEvents.Dispatcher<?> dispatcher) {
    DirectEvents connection = CONNECTING.get();
    if (connection == null) {
      return;
    }
    Map<String, SocketEvents.Dispatcher<?>> next = new HashMap<>(connection.dispatchers);
    next.put(dispatcher.socket().getNamespace().getName(), dispatcher);
    connection.dispatchers = Map.copyOf(next);
  }

  /**
   * Whether this connection has a connected socket in {@code namespace}. socket.io-server would add
   * a second socket for a second CONNECT of the same namespace, and leave the first in its rooms: a
   * client re-sending CONNECT would multiply every broadcast it hears (the gate refuses that).
   */
  boolean connectedTo(String namespace) {
    SocketEvents.Dispatcher<?> dispatcher = dispatchers.get(namespace);
    return dispatcher != null && dispatcher.socket().isConnected();
  }

  /**
   * Dispatches {@code text} if it is a main-namespace EVENT this class is sure of, and says whether
   * it did; {@code route} is its ack route (null without an ack id).
   */
  boolean dispatch(String text, AckRoute route) {
    SocketEvents.Dispatcher<?> dispatcher = dispatchers.get("/");
    if (dispatcher == null
        || text.length() < 2
        || text.charAt(0) != '2'
        || text.charAt(1) == '/'
        || !dispatcher.socket().isConnected()) {
      return false;
    }
    int json = text.indexOf('[');
    if (json < 0 || (route == null && json != 1)) {
      return false;
    }
    JsonNode array;
    try {
      array = READER.readTree(text.substring(json));
    } catch (IOException | RuntimeException e) {
      return false; // socket.io-server decides (and closes the connection if it cannot read it)
    }
    if (array == null || !array.isArray() || array.isEmpty() || !array.get(0).isTextual()) {
      return false;
    }
    dispatcher.dispatch(array.get(0).textValue(), array.get(1), route);
    return true;
  }
}
