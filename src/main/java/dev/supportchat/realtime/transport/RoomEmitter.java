package dev.supportchat.realtime.transport;

import dev.supportchat.worker.WorkerHealth;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits to rooms from one dedicated thread, one socket at a time.
 *
 * <p>Why not the library's {@code broadcast}: its in-memory adapter holds the namespace lock while
 * it writes to each socket, and a polling socket's write takes that socket's lock. A thread
 * handling a polling request holds its own socket's lock and may need the namespace lock
 * (join/leave/disconnect): with two polling clients the two orders deadlock (seen in tests). Here
 * no thread ever holds the namespace lock while writing, and event handlers never write to other
 * sockets themselves. One thread also keeps every emit in order.
 *
 * <p>Why not {@code SocketIoSocket.send} per socket: it converts and encodes the payload again for
 * every recipient (org.json text per socket: the largest Java cost of a message under load,
 * docs/BENCHMARKS.md). An event is the same text for every socket of the namespace, so it is
 * encoded once and handed to each socket's Engine.IO connection as a message, which is what {@code
 * send} ends with.
 */
public final class RoomEmitter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RoomEmitter.class);

  private final SocketIoNamespace namespace;

  /** One thread keeps every emit in order; a burst of emits flushes each socket once. */
  private final BurstThread thread = new BurstThread("socket-emitter");

  public RoomEmitter(SocketIoNamespace namespace) {
    this.namespace = namespace;
  }

  /**
   * The emitting thread as an executor: work that ends in emits (a committed send's events and its
   * ack) runs here, so its emits go out at once, with no second hand-off, and the ack and the
   * sender's own copy of the event leave in one write.
   */
  public Executor executor() {
    return thread;
  }

  /**
   * Sends {@code event} once to every socket in any of {@code rooms}, except the sockets in {@code
   * excludedRoom} (null for none).
   *
   * <p>The recipients are the rooms' members now, when the event is emitted, as in the reference
   * server: a socket that leaves a room right after (a typing ack, then a leave) still gets what
   * was emitted before it left, and one that joins after does not get it. The text is encoded on
   * the caller's thread too; only the writes wait for the emitting thread.
   *
   * @param payload plain Java values: maps, lists, strings, numbers, booleans, null
   */
  public void emit(Collection<String> rooms, String excludedRoom, String event, Object payload) {
    Collection<SocketIoSocket> targets = recipients(rooms, excludedRoom);
    if (targets.isEmpty()) {
      return;
    }
    MessagePacket packet = MessagePacket.event(namespace.getName(), event, payload);
    if (thread.isCurrent()) {
      // A task of this thread emitting (see executor()): it is the emit's turn already.
      write(targets, packet, event);
    } else {
      thread.execute(() -> write(targets, packet, event));
    }
  }

  /** Each socket once, in the order the rooms list them; the adapter's reads take no lock. */
  private Collection<SocketIoSocket> recipients(Collection<String> rooms, String excludedRoom) {
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
    return targets.values();
  }

  /** Each socket gets the event through {@link DirectFrames#send}. */
  private static void write(
      Collection<SocketIoSocket> targets, MessagePacket packet, String event) {
    for (SocketIoSocket socket : targets) {
      try {
        DirectFrames.send(socket.getClient().getConnection(), packet);
      } catch (RuntimeException e) {
        // A socket that went away mid-emit must not stop the others from getting the event.
        LOG.debug("Emit of {} to socket {} failed", event, socket.getId(), e);
      }
    }
  }

  /** The emitting thread, for {@code /health}. */
  public WorkerHealth health() {
    return thread.health();
  }

  @Override
  public void close() {
    thread.close();
  }
}
