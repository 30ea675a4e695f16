package dev.supportchat.realtime.transport;

import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import io.socket.socketio.server.parser.Parser;
import java.util.Arrays;
import org.json.JSONArray;

/**
 * Emits socket.io-server has no one-call form for.
 *
 * <p>The library covers: the whole room ({@code namespace.broadcast(room, event, payload)}) and the room
 * except one socket ({@code socket.broadcast(room, event, payload)}). A user may be connected from several
 * tabs, each a socket in the user's personal room; excluding all of them ("the room, except the typist's
 * own sockets") needs the adapter's exclusion list, which this class fills from the personal room.
 */
public final class Rooms {

    private Rooms() {
    }

    /** Emits to {@code room}, skipping every socket that is also in {@code excludedRoom}. */
    public static void emitExceptRoom(SocketIoNamespace namespace, String room, String excludedRoom,
                                      String event, Object payload) {
        String[] excluded = Arrays.stream(namespace.getAdapter().listClients(excludedRoom))
                .map(SocketIoSocket::getId)
                .toArray(String[]::new);
        Packet<JSONArray> packet = new Packet<>(Parser.EVENT, new JSONArray().put(event).put(payload));
        namespace.getAdapter().broadcast(packet, new String[] {room}, excluded);
    }
}
