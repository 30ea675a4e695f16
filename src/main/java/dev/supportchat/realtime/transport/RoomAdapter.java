package dev.supportchat.realtime.transport;

import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.json.JSONArray;

/**
 * Room membership of one namespace: which sockets are in each room.
 *
 * <p>Why not socket.io-server's in-memory adapter: it also keeps, per socket, a set of its rooms
 * (the socket keeps that itself) and a full hash set for the room named after the socket's id,
 * which every socket joins and almost always alone: ~450 bytes per connected socket. Here a room
 * with one member is an immutable one-element set and becomes a concurrent set when a second socket
 * joins; {@link #listClientRooms} scans the rooms instead (nothing here calls it). No lock is held
 * while sending, unlike the in-memory adapter's {@code broadcast}.
 */
final class RoomAdapter extends SocketIoAdapter {

  static final AdapterFactory FACTORY = RoomAdapter::new;

  private final Map<String, Set<SocketIoSocket>> rooms = new ConcurrentHashMap<>();

  private RoomAdapter(SocketIoNamespace namespace) {
    super(namespace);
  }

  @Override
  public void add(String room, SocketIoSocket socket) {
    require(room, socket);
    rooms.compute(
        room,
        (name, members) -> {
          if (members == null) {
            return Set.of(socket);
          }
          if (members.contains(socket)) {
            return members;
          }
          Set<SocketIoSocket> grown =
              members instanceof ConcurrentHashMap.KeySetView<?, ?>
                  ? members
                  : copyToConcurrent(members);
          grown.add(socket);
          return grown;
        });
  }

  @Override
  public void remove(String room, SocketIoSocket socket) {
    require(room, socket);
    rooms.computeIfPresent(
        room,
        (name, members) -> {
          if (!(members instanceof ConcurrentHashMap.KeySetView<?, ?>)) {
            return members.contains(socket) ? null : members;
          }
          members.remove(socket);
          return members.isEmpty() ? null : members;
        });
  }

  @Override
  public SocketIoSocket[] listClients(String room) {
    if (room == null) {
      throw new IllegalArgumentException("room must not be null.");
    }
    Set<SocketIoSocket> members = rooms.get(room);
    return members == null ? new SocketIoSocket[0] : members.toArray(new SocketIoSocket[0]);
  }

  @Override
  public String[] listClientRooms(SocketIoSocket socket) {
    if (socket == null) {
      throw new IllegalArgumentException("socket must not be null.");
    }
    List<String> found = new ArrayList<>();
    rooms.forEach(
        (room, members) -> {
          if (members.contains(socket)) {
            found.add(room);
          }
        });
    return found.toArray(new String[0]);
  }

  /**
   * Sends {@code packet} (an event) once to every connected socket in any of {@code rooms} (every
   * socket of the namespace when null), except the sockets whose ids are in {@code
   * socketsExcluded}.
   */
  @Override
  public void broadcast(Packet<?> packet, String[] rooms, String[] socketsExcluded) {
    if (packet == null) {
      throw new IllegalArgumentException("packet must not be null.");
    }
    Set<String> excluded = socketsExcluded == null ? Set.of() : Set.of(socketsExcluded);
    Set<String> sent = new HashSet<>();
    Iterable<String> targets = rooms != null ? List.of(rooms) : List.copyOf(this.rooms.keySet());
    for (String room : targets) {
      for (SocketIoSocket socket : listClients(room)) {
        if (socket.isConnected()
            && !excluded.contains(socket.getId())
            && sent.add(socket.getId())) {
          resend(socket, packet);
        }
      }
    }
  }

  /**
   * SocketIoSocket.sendPacket is package-private; its public send builds the same event packet
   * again.
   */
  private static void resend(SocketIoSocket socket, Packet<?> packet) {
    JSONArray data = (JSONArray) packet.data;
    Object[] args = new Object[data.length() - 1];
    for (int i = 1; i < data.length(); i++) {
      args[i - 1] = data.get(i);
    }
    socket.send(data.getString(0), args);
  }

  private static Set<SocketIoSocket> copyToConcurrent(Set<SocketIoSocket> members) {
    Set<SocketIoSocket> set = ConcurrentHashMap.newKeySet();
    set.addAll(members);
    return set;
  }

  private static void require(String room, SocketIoSocket socket) {
    if (room == null) {
      throw new IllegalArgumentException("room must not be null.");
    }
    if (socket == null) {
      throw new IllegalArgumentException("socket must not be null.");
    }
  }
}
