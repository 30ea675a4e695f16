package dev.supportchat.realtime;

import io.socket.socketio.server.SocketIoSocket;
import java.util.function.Consumer;

/**
 * A connected socket as the event handlers see it: the socket, who it authenticated as, and its
 * event budget. It is everything this server keeps per socket besides room membership, so it is
 * kept to one object.
 *
 * <p>A socket that leaves state behind (an admin counted as present, a typist) is watched for its
 * disconnect; one that does not carries no listener (socket.io-server keeps a listener queue per
 * event name per socket: ~300 bytes for the first one).
 */
final class ClientSocket extends SocketRateLimiter.Bucket {
  final SocketIoSocket socket;

  /** Replaced when the client re-authenticates with a fresh token (same user). */
  volatile SocketUser user;

  /** The budget of joins, leaves, typing and re-authentication (the sends have this object's). */
  final SocketRateLimiter.Bucket roomEvents = new SocketRateLimiter.Bucket();

  /** Shared by all sockets: cleans up after a socket that is gone. */
  private final Consumer<ClientSocket> onGone;

  private boolean watched;
  private boolean gone;

  ClientSocket(SocketIoSocket socket, SocketUser user, Consumer<ClientSocket> onGone) {
    this.socket = socket;
    this.user = user;
    this.onGone = onGone;
  }

  String id() {
    return socket.getId();
  }

  /**
   * This socket now holds state to clean up when it disconnects: from now on, its disconnect runs
   * onGone once.
   */
  void keepsState() {
    synchronized (this) {
      if (watched) {
        return;
      }
      watched = true;
    }
    socket.on(
        "disconnect",
        args -> {
          // A client event named "disconnect" reaches this listener too; only the library's own one
          // (sent after it
          // marked the socket disconnected) means the socket is gone.
          if (!socket.isConnected()) {
            goneOnce();
          }
        });
    if (!socket.isConnected()) {
      goneOnce(); // it went away before the listener was there
    }
  }

  private void goneOnce() {
    synchronized (this) {
      if (gone) {
        return;
      }
      gone = true;
    }
    onGone.accept(this);
  }
}
