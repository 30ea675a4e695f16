package dev.supportchat.realtime;

/** A single node: every emit is delivered to this node's sockets. */
final class LocalBroadcaster implements Broadcaster {
  private final LocalDelivery delivery;

  LocalBroadcaster(LocalDelivery delivery) {
    this.delivery = delivery;
  }

  @Override
  public void emit(Emit emit) {
    delivery.deliver(emit);
  }

  @Override
  public void close() {
    delivery.close();
  }
}
