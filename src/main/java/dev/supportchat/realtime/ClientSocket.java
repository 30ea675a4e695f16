package dev.supportchat.realtime;

import io.socket.socketio.server.SocketIoSocket;

/**
 * A connected socket as the event handlers see it: the socket, who it authenticated as, and its event budget. It is
 * everything this server keeps per socket besides room membership, so it is kept to one object.
 */
final class ClientSocket extends SocketRateLimiter.Bucket {
  final SocketIoSocket socket;
  final SocketUser user;

  ClientSocket(SocketIoSocket socket, SocketUser user) {
    this.socket = socket;
    this.user = user;
  }

  String id() {
    return socket.getId();
  }
}
