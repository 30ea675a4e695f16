package dev.supportchat.realtime.transport;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Bridges one Jetty 12 websocket to engine.io-server.
 *
 * <p>The published {@code engine.io-server-jetty} adapter targets the Jetty 9–11 API, which Jetty 12
 * removed, hence this class. Engine.io only needs four things from a websocket: the query and headers of
 * the upgrade request, a way to write, a way to close, and "message"/"close"/"error" events.
 *
 * <p>It is auto-demanding: Jetty reads the next frame as soon as the previous handler returned, and
 * never before {@link #onWebSocketOpen} returned, so the engine.io handshake (and the connect-auth gate
 * installed on it) is complete before the first client packet is delivered.
 *
 * <p>Public only because Jetty 12 binds listener methods with MethodHandles, which fails with
 * "class is not public" for a package-private endpoint class. The constructor stays package-private.
 */
public final class EngineIoJettyWebSocket extends EngineIoWebSocket implements Session.Listener.AutoDemanding {

    private final EngineIoServer engine;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    /** One shared instance: it carries no per-write state. */
    private final Callback writeCallback =
            Callback.from(() -> { }, failure -> emit("error", "write error", String.valueOf(failure.getMessage())));
    private volatile Session session;

    EngineIoJettyWebSocket(EngineIoServer engine, Map<String, String> query, Map<String, List<String>> headers) {
        this.engine = engine;
        this.query = Map.copyOf(query);
        this.headers = Map.copyOf(headers);
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    /**
     * Sends without blocking: a broadcast to many sockets runs on the caller's thread and must not wait
     * for a slow peer. Jetty queues the frame (bounded by maxOutgoingFrames); a failed send is reported
     * as an engine.io transport error, which closes the engine.io socket.
     */
    @Override
    public void write(String message) {
        Session current = session;
        if (current != null) {
            current.sendText(message, writeCallback);
        }
    }

    @Override
    public void write(byte[] message) {
        Session current = session;
        if (current != null) {
            current.sendBinary(ByteBuffer.wrap(message), writeCallback);
        }
    }

    @Override
    public void close() {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.close();
        }
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        engine.handleWebSocket(this);
    }

    @Override
    public void onWebSocketText(String message) {
        emit("message", message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        // Jetty reuses the buffer once the callback completes, so engine.io gets its own copy.
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        callback.succeed();
        emit("message", (Object) copy);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        emit("close");
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // engine.io's WebSocket transport expects (reason, description) strings.
        emit("error", "websocket error", String.valueOf(cause.getMessage()));
    }
}
