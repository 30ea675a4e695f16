package dev.supportchat.realtime.transport;

import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import org.json.JSONObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers client-event handlers that receive an object payload and an {@link EventAck}.
 *
 * <p>socket.io-server hands listeners raw {@code Object[]} arguments and silently swallows anything they
 * throw. Here a non-object payload is answered {@code invalid} and a failing handler {@code internal}
 * (and logged), so the client is never left waiting for an ack that will not come.
 */
public final class SocketEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SocketEvents.class);

    @FunctionalInterface
    public interface Handler {
        void handle(JSONObject payload, EventAck ack) throws Exception;
    }

    private SocketEvents() {
    }

    public static void on(SocketIoSocket socket, String event, Handler handler) {
        socket.on(event, args -> dispatch(socket, event, handler, args));
    }

    private static void dispatch(SocketIoSocket socket, String event, Handler handler, Object[] args) {
        EventAck ack = EventAck.fromEventArgs(args);
        Object first = args.length > 0 && !(args[0] instanceof ReceivedByLocalAcknowledgementCallback) ? args[0] : null;
        if (!(first instanceof JSONObject payload)) {
            ack.error("invalid", "payload must be an object");
            return;
        }
        try {
            handler.handle(payload, ack);
        } catch (Exception e) {
            LOG.error("Handler for '{}' failed on socket {}", event, socket.getId(), e);
            ack.error("internal", "internal error");
        }
    }
}
