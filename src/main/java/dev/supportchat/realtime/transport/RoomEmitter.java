package dev.supportchat.realtime.transport;

import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits to rooms from one dedicated thread, one socket at a time.
 *
 * <p>Why not the library's {@code broadcast}: its in-memory adapter holds the namespace lock while it writes to each
 * socket, and a polling socket's write takes that socket's lock. A thread handling a polling request holds its own
 * socket's lock and may need the namespace lock (join/leave/disconnect): with two polling clients the two orders
 * deadlock (seen in tests). Here no thread ever holds the namespace lock while writing, and event handlers never
 * write to other sockets themselves. One thread also keeps every emit in order.
 */
public final class RoomEmitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoomEmitter.class);

  private final SocketIoNamespace namespace;
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "socket-emitter");
    t.setDaemon(true);
    return t;
  });

  public RoomEmitter(SocketIoNamespace namespace) {
    this.namespace = namespace;
  }

  /**
   * Sends {@code event} once to every socket in any of {@code rooms}, except the sockets in {@code excludedRoom}
   * (null for none).
   *
   * @param payload a JSONObject, JSONArray, String, Number or Boolean
   */
  public void emit(Collection<String> rooms, String excludedRoom, String event, Object payload) {
    thread.execute(() -> deliver(rooms, excludedRoom, event, payload));
  }

  private void deliver(Collection<String> rooms, String excludedRoom, String event, Object payload) {
    Set<String> excluded = new HashSet<>();
    if (excludedRoom != null) {
      for (SocketIoSocket s : namespace.getAdapter().listClients(excludedRoom)) {
        excluded.add(s.getId());
      }
    }
    Map<String, SocketIoSocket> targets = new LinkedHashMap<>();
    for (String room : rooms) {
      for (SocketIoSocket s : namespace.getAdapter().listClients(room)) {
        if (!excluded.contains(s.getId())) {
          targets.putIfAbsent(s.getId(), s);
        }
      }
    }
    for (SocketIoSocket socket : targets.values()) {
      try {
        socket.send(event, payload);
      } catch (RuntimeException e) {
        // A socket that went away mid-emit must not stop the others from getting the event.
        LOG.debug("Emit of {} to socket {} failed", event, socket.getId(), e);
      }
    }
  }

  @Override
  public void close() {
    thread.shutdown();
    try {
      thread.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
