package dev.supportchat.realtime;

import dev.supportchat.realtime.transport.RoomEmitter;

/** Delivers an {@link Broadcaster.Emit} to the sockets connected to this node. */
final class LocalDelivery implements AutoCloseable {
  private final RoomEmitter emitter;

  LocalDelivery(RoomEmitter emitter) {
    this.emitter = emitter;
  }

  void deliver(Broadcaster.Emit emit) {
    String excludedRoom = emit.exceptUserId() == null ? null : RoomNames.user(emit.exceptUserId());
    emitter.emit(emit.rooms(), excludedRoom, emit.event(), emit.payload());
  }

  @Override
  public void close() {
    emitter.close();
  }
}
