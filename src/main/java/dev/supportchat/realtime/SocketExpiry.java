package dev.supportchat.realtime;

import io.socket.socketio.server.SocketIoSocket;
import java.time.Clock;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects each socket when its access token expires, unless it re-authenticated meanwhile (then
 * it is watched until its new expiry). Sockets are filed by the second their token expires, and a
 * sweep twice a second takes the seconds that are due: no timer and no listener per socket. A
 * socket that went away earlier stays filed until its second comes (at most the access token's
 * lifetime), then is dropped.
 */
final class SocketExpiry {
  private static final Logger log = LoggerFactory.getLogger(SocketExpiry.class);

  private final ConcurrentNavigableMap<Long, Queue<ClientSocket>> due =
      new ConcurrentSkipListMap<>();
  private final Clock clock;
  private final Consumer<SocketIoSocket> disconnect;

  SocketExpiry(Clock clock, Consumer<SocketIoSocket> disconnect) {
    this.clock = clock;
    this.disconnect = disconnect;
  }

  void watch(ClientSocket client) {
    long second = Math.floorDiv(client.user.tokenExpiresAt().toEpochMilli() + 999, 1000);
    due.computeIfAbsent(second, s -> new ConcurrentLinkedQueue<>()).add(client);
  }

  /** Disconnects the sockets whose token has expired by now. */
  void sweep() {
    long now = clock.millis();
    for (Map.Entry<Long, Queue<ClientSocket>> entry = due.firstEntry();
        entry != null && entry.getKey() * 1000 <= now;
        entry = due.firstEntry()) {
      due.remove(entry.getKey(), entry.getValue());
      for (ClientSocket client : entry.getValue()) {
        if (!client.socket.isConnected()) {
          continue;
        }
        if (client.user.tokenExpiresAt().toEpochMilli() <= now) {
          log.debug("Disconnecting socket {}: its access token expired", client.id());
          disconnect.accept(client.socket);
        } else {
          watch(client); // re-authenticated: watched until the new expiry
        }
      }
    }
  }
}
