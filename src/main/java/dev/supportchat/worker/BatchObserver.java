package dev.supportchat.worker;

/** Told of each batch a worker handled: how many items, and how long the handler took. */
@FunctionalInterface
public interface BatchObserver {
  BatchObserver NONE = (size, nanos) -> {};

  void batch(int size, long nanos);
}
