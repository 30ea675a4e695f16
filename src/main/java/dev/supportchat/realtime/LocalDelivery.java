package dev.supportchat.realtime;

import dev.supportchat.metrics.RealtimeMetrics;
import dev.supportchat.realtime.transport.RoomEmitter;
import java.util.concurrent.Executor;

/** Delivers an {@link Broadcaster.Emit} to the sockets connected to this node. */
final class LocalDelivery implements AutoCloseable {
  private final RoomEmitter emitter;
  private final RealtimeMetrics metrics;

  LocalDelivery(RoomEmitter emitter, RealtimeMetrics metrics) {
    this.emitter = emitter;
    this.metrics = metrics;
  }

  /** Where committed sends are finished: the emitting thread (see {@link RoomEmitter#executor}). */
  Executor executor() {
    return emitter.executor();
  }

  void deliver(Broadcaster.Emit emit) {
    metrics.eventOut(emit.event());
    String excludedRoom = emit.exceptUserId() == null ? null : RoomNames.user(emit.exceptUserId());
    emitter.emit(emit.rooms(), excludedRoom, emit.event(), emit.payload());
  }

  @Override
  public void close() {
    emitter.close();
  }
}
