package dev.supportchat.realtime;

import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import java.util.Arrays;
import org.json.JSONArray;
import org.json.JSONObject;

/** Delivers an {@link Broadcaster.Emit} to the sockets connected to this node. */
final class LocalDelivery {
  private final SocketIoNamespace namespace;

  LocalDelivery(SocketIoNamespace namespace) {
    this.namespace = namespace;
  }

  void deliver(Broadcaster.Emit emit) {
    String[] excluded = emit.exceptUserId() == null ? new String[0]
        : Arrays.stream(namespace.getAdapter().listClients(RoomNames.user(emit.exceptUserId())))
            .map(SocketIoSocket::getId)
            .toArray(String[]::new);
    Object payload = new JSONObject(emit.payloadJson());
    Packet<JSONArray> packet = new Packet<>(Parser.EVENT, new JSONArray().put(emit.event()).put(payload));
    // The adapter sends once per socket even when a socket is in several of the rooms.
    namespace.getAdapter().broadcast(packet, emit.rooms().toArray(String[]::new), excluded);
  }
}
