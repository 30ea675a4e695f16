package dev.supportchat.realtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Who is typing where. A "typing" state ends by itself after a few seconds without a new start (a
 * client that vanished mid-word does not leave "typing…" on screen), on an explicit stop, or when
 * the typist disconnects.
 */
final class TypingTracker {
  static final Duration EXPIRY = Duration.ofSeconds(6);

  /** Where the state is announced. */
  interface Announcer {
    void typing(String chatId, String userId, boolean isAdmin, boolean isTyping);
  }

  private record Key(String socketId, String chatId) {}

  private record State(String userId, boolean isAdmin, ScheduledFuture<?> expiry) {}

  private final Map<Key, State> states = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers;
  private final Announcer announcer;

  TypingTracker(ScheduledExecutorService timers, Announcer announcer) {
    this.timers = timers;
    this.announcer = announcer;
  }

  void start(String socketId, String chatId, String userId, boolean isAdmin) {
    Key key = new Key(socketId, chatId);
    ScheduledFuture<?> expiry =
        timers.schedule(() -> stop(socketId, chatId), EXPIRY.toMillis(), TimeUnit.MILLISECONDS);
    State previous = states.put(key, new State(userId, isAdmin, expiry));
    if (previous != null) {
      previous.expiry().cancel(false);
    }
    announcer.typing(chatId, userId, isAdmin, true);
  }

  void stop(String socketId, String chatId) {
    State state = states.remove(new Key(socketId, chatId));
    if (state != null) {
      state.expiry().cancel(false);
      announcer.typing(chatId, state.userId(), state.isAdmin(), false);
    }
  }

  /**
   * A typist who stopped without saying so: an explicit stop is announced for each of its chats.
   */
  void socketGone(String socketId) {
    states.keySet().stream()
        .filter(k -> k.socketId().equals(socketId))
        .toList()
        .forEach(k -> stop(k.socketId(), k.chatId()));
  }
}
