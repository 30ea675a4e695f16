package dev.supportchat.security;

import static dev.supportchat.security.Access.ADMINS;
import static dev.supportchat.security.Access.CHAT_MEMBERS;
import static dev.supportchat.security.Access.SENDER;
import static dev.supportchat.security.Access.SIGNED_IN;

import dev.supportchat.realtime.ClientEvents;
import java.util.Map;
import java.util.function.Function;

/**
 * The authorization rule of every client → server Socket.IO event, with a payload that would
 * succeed for a caller the rule lets through. A caller without a valid token never gets as far as
 * an event: its connection is refused.
 */
final class SocketRules {
  record Rule(Access access, Function<MatrixFixture, Map<String, Object>> payload) {
    /** {@code "ack ok"}, {@code "ack <code>"}, or {@code "connect_error unauthorized"}. */
    String expected(Caller caller) {
      if (!caller.authenticates()) {
        return "connect_error unauthorized";
      }
      return access.refusal(caller).map(code -> "ack " + code.wireName()).orElse("ack ok");
    }
  }

  static final Map<String, Rule> RULES =
      Map.of(
          ClientEvents.JOIN, new Rule(CHAT_MEMBERS, SocketRules::chat),
          // Leaving a room one is not in, or stopping one's own typing, reveals and changes nothing
          // of others.
          ClientEvents.LEAVE, new Rule(SIGNED_IN, SocketRules::chat),
          ClientEvents.SEND,
              new Rule(CHAT_MEMBERS, f -> Map.of("chatId", f.chatId, "content", "matrix socket")),
          ClientEvents.TYPING_START, new Rule(CHAT_MEMBERS, SocketRules::chat),
          ClientEvents.TYPING_STOP, new Rule(SIGNED_IN, SocketRules::chat),
          ClientEvents.MARK_READ, new Rule(CHAT_MEMBERS, SocketRules::chat),
          ClientEvents.UPDATE_STATUS,
              new Rule(ADMINS, f -> Map.of("chatId", f.chatId, "priority", "urgent")),
          ClientEvents.ASSIGN, new Rule(ADMINS, SocketRules::chat),
          // A fresh token renews only its own user's connection: the chat user's token is accepted
          // on the chat user's socket (the one caller SENDER lets through) and refused elsewhere.
          ClientEvents.REAUTHENTICATE,
              new Rule(SENDER, f -> Map.of("token", f.token(Caller.CHAT_USER))));

  private SocketRules() {}

  private static Map<String, Object> chat(MatrixFixture f) {
    return Map.of("chatId", f.chatId);
  }
}
