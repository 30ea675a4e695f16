package dev.supportchat.realtime.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-event handlers of a namespace, built once and shared by all its sockets: each socket
 * gets one small listener that looks the event up here and calls the handler with that socket's
 * context, an object payload and an {@link EventAck}.
 *
 * <p>Why one listener per socket: socket.io-server keeps a listener queue per event name per
 * socket, so handlers registered with {@code socket.on(event, …)} cost ~190 bytes per event per
 * socket, for as long as it is connected (~1.8 KB for ten events; measured with a heap dump of idle
 * sockets).
 *
 * <p>socket.io-server hands listeners raw {@code Object[]} arguments and silently swallows anything
 * they throw. Here a non-object payload is answered {@code invalid} and a failing handler {@code
 * internal} (and logged), so the client is never left waiting for an ack that will not come. An
 * event without a handler is ignored, as socket.io-server ignores an event nobody listens to.
 *
 * @param <C> what a handler needs to know about the socket that sent the event (the socket, who it
 *     is, …)
 */
public final class SocketEvents<C> {

  private static final Logger LOG = LoggerFactory.getLogger(SocketEvents.class);

  @FunctionalInterface
  public interface Handler<C> {
    /** {@code payload}: the event's first argument, a JSON object (as Jackson reads it). */
    void handle(C context, ObjectNode payload, EventAck ack) throws Exception;
  }

  private final Map<String, Handler<C>> handlers;

  private SocketEvents(Map<String, Handler<C>> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  public static <C> Builder<C> builder() {
    return new Builder<>();
  }

  /** Adds handlers, one per event name. */
  public static final class Builder<C> {
    private final Map<String, Handler<C>> handlers = new LinkedHashMap<>();

    private Builder() {}

    public Builder<C> on(String event, Handler<C> handler) {
      if (handlers.putIfAbsent(event, handler) != null) {
        throw new IllegalArgumentException("Event '" + event + "' already has a handler");
      }
      return this;
    }

    public SocketEvents<C> build() {
      return new SocketEvents<>(handlers);
    }
  }

  /** The events handled here. */
  public Set<String> events() {
    return handlers.keySet();
  }

  /**
   * Dispatches {@code socket}'s client events to the handlers, each called with {@code context}.
   * Call it in the connection handler: the client may emit as soon as it is connected.
   */
  public void attach(SocketIoSocket socket, C context) {
    Dispatcher<C> dispatcher = new Dispatcher<>(this, socket, context);
    socket.registerAllEventListener(dispatcher);
    DirectEvents.attached(dispatcher);
  }

  /** An event as socket.io-server decoded it: org.json arguments, its ack callback last. */
  private void dispatch(SocketIoSocket socket, C context, String event, Object[] args) {
    Handler<C> handler = handlers.get(event);
    if (handler == null) {
      return;
    }
    EventAck ack = EventAck.fromEventArgs(args, AckRoute.current());
    Object first =
        args.length > 0 && !(args[0] instanceof ReceivedByLocalAcknowledgementCallback)
            ? args[0]
            : null;
    handle(handler, socket, context, event, first == null ? null : OrgJson.toJackson(first), ack);
  }

  private void handle(
      Handler<C> handler,
      SocketIoSocket socket,
      C context,
      String event,
      JsonNode first,
      EventAck ack) {
    if (!(first instanceof ObjectNode payload)) {
      ack.error("invalid", "payload must be an object");
      return;
    }
    try {
      handler.handle(context, payload, ack);
    } catch (Exception e) {
      LOG.error("Handler for '{}' failed on socket {}", event, socket.getId(), e);
      ack.error("internal", "internal error");
    }
  }

  /** The one listener a socket carries: three references. */
  record Dispatcher<C>(SocketEvents<C> events, SocketIoSocket socket, C context)
      implements SocketIoSocket.AllEventListener {
    @Override
    public void event(String eventName, Object... args) {
      events.dispatch(socket, context, eventName, args);
    }

    /**
     * An event read by {@link DirectEvents}: {@code first} is its first argument (null if none),
     * {@code route} where its ack goes (null if the client asked for none).
     */
    void dispatch(String eventName, JsonNode first, AckRoute route) {
      Handler<C> handler = events.handlers.get(eventName);
      if (handler != null) {
        events.handle(handler, socket, context, eventName, first, EventAck.routed(route));
      }
    }
  }
}
