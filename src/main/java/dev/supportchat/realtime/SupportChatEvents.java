package dev.supportchat.realtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.supportchat.chat.ChatJson;
import dev.supportchat.chat.ChatRepository;
import dev.supportchat.chat.ChatService;
import dev.supportchat.chat.SendPayload;
import dev.supportchat.error.AppException;
import dev.supportchat.error.ErrorCode;
import dev.supportchat.http.Json;
import dev.supportchat.http.JsonBody;
import dev.supportchat.realtime.transport.EventAck;
import dev.supportchat.realtime.transport.OrgJson;
import dev.supportchat.realtime.transport.SocketEvents;
import io.socket.socketio.server.SocketIoSocket;
import java.time.Clock;
import java.util.Map;


/**
 * The client → server events of the contract. Each one checks the socket's token is still valid and its rate,
 * reads the payload's shape, calls the same service method as its REST twin, and answers through the ack.
 */
final class SupportChatEvents {
  private final ChatService chats;
  private final TypingTracker typing;
  private final Clock clock;
  private final int messagesPerSecond;

  SupportChatEvents(ChatService chats, TypingTracker typing, Clock clock, int messagesPerSecond) {
    this.chats = chats;
    this.typing = typing;
    this.clock = clock;
    this.messagesPerSecond = messagesPerSecond;
  }

  /** A handler that gets the payload as a {@link JsonBody} and returns the ack's data. */
  private interface Handler {
    Object handle(JsonBody payload);
  }

  void register(SocketIoSocket socket, SocketUser user) {
    SocketRateLimiter limiter = new SocketRateLimiter(messagesPerSecond);
    on(socket, user, limiter, ClientEvents.JOIN, p -> {
      String chatId = p.requiredString("chatId");
      chats.checkAccess(user.principal(), chatId);
      socket.joinRoom(user.isAdmin() ? RoomNames.chatStaff(chatId) : RoomNames.chatUser(chatId));
      return Map.of("chatId", chatId);
    });
    on(socket, user, limiter, ClientEvents.LEAVE, p -> {
      String chatId = p.requiredString("chatId");
      socket.leaveRoom(RoomNames.chatStaff(chatId), RoomNames.chatUser(chatId));
      typing.stop(socket.getId(), chatId);
      return Map.of("chatId", chatId);
    });
    on(socket, user, limiter, ClientEvents.SEND, p -> {
      String chatId = p.requiredString("chatId");
      ChatService.SendResult result = chats.send(user.principal(), chatId, SendPayload.read(p));
      typing.stop(socket.getId(), chatId);
      return ChatJson.message(result.message());
    });
    on(socket, user, limiter, ClientEvents.TYPING_START, p -> {
      String chatId = p.requiredString("chatId");
      chats.checkAccess(user.principal(), chatId);
      typing.start(socket.getId(), chatId, user.userId(), user.isAdmin());
      return Map.of("chatId", chatId);
    });
    on(socket, user, limiter, ClientEvents.TYPING_STOP, p -> {
      String chatId = p.requiredString("chatId");
      typing.stop(socket.getId(), chatId);
      return Map.of("chatId", chatId);
    });
    on(socket, user, limiter, ClientEvents.MARK_READ, p -> {
      ChatRepository.ReadMarked read = chats.markRead(user.principal(), p.requiredString("chatId"));
      return Map.of("chatId", read.chat().id(), "markedCount", read.count(), "readAt", ChatJson.iso(read.at()));
    });
    on(socket, user, limiter, ClientEvents.UPDATE_STATUS, p -> ChatJson.chat(
        chats.updateStatus(user.principal(), p.requiredString("chatId"), p.string("status"), p.string("priority")),
        true));
    on(socket, user, limiter, ClientEvents.ASSIGN, p -> ChatJson.chat(
        chats.assign(user.principal(), p.requiredString("chatId"), p.string("adminId")), true));
    socket.on("disconnect", args -> typing.socketGone(socket.getId()));
  }

  private void on(SocketIoSocket socket, SocketUser user, SocketRateLimiter limiter, String event, Handler handler) {
    if (!ClientEvents.ALL.contains(event)) {
      // Tests derive the authorization matrix from ClientEvents.ALL; an unlisted event would escape it.
      throw new IllegalStateException("Event '" + event + "' must be listed in ClientEvents.ALL");
    }
    SocketEvents.on(socket, event, (payload, ack) -> {
      if (!clock.instant().isBefore(user.tokenExpiresAt())) {
        ack.error(ErrorCode.UNAUTHORIZED.wireName(), "Access token expired; reconnect with a fresh token.");
        return;
      }
      if (!limiter.tryAcquire()) {
        ack.error(ErrorCode.RATE_LIMITED.wireName(), "Too many events; slow down.");
        return;
      }
      try {
        answer(ack, handler.handle(JsonBody.wrap(Json.MAPPER.readTree(payload.toString()))));
      } catch (AppException e) {
        ack.error(e.code().wireName(), e.getMessage());
      } catch (JsonProcessingException e) {
        ack.error(ErrorCode.INVALID.wireName(), "payload must be a JSON object");
      }
    });
  }

  private static void answer(EventAck ack, Object data) {
    if (ack.requested()) {
      ack.ok(OrgJson.from(data));
    }
  }
}
