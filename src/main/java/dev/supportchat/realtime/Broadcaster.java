package dev.supportchat.realtime;

import java.util.List;

/**
 * Sends an event to every socket in any of some rooms, once per socket, wherever the socket is
 * connected. One node delivers to its own sockets; with Redis, every node receives the emit and
 * delivers to its own.
 */
public interface Broadcaster extends AutoCloseable {

  /**
   * One emit: the rooms, the event, its payload as plain JSON values (maps, lists, strings,
   * numbers, booleans), and a user whose sockets must not receive it (the typist), or null.
   */
  record Emit(List<String> rooms, String event, Object payload, String exceptUserId) {}

  void emit(Emit emit);

  @Override
  default void close() {}
}
