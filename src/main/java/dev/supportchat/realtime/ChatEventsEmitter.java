package dev.supportchat.realtime;

import dev.supportchat.chat.Chat;
import dev.supportchat.chat.ChatEvents;
import dev.supportchat.chat.ChatJson;
import dev.supportchat.chat.Message;
import dev.supportchat.chat.Rating;
import dev.supportchat.chat.ReadReceipt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns what the chat service reports into the Socket.IO events of the contract, each to its
 * recipients: users get chats shaped for users and never an internal note; staff get everything.
 */
public final class ChatEventsEmitter implements ChatEvents {
  static final String NEW_MESSAGE = "new_support_message";
  static final String NEW_USER_MESSAGE_NOTIFICATION = "new_user_message_notification";
  static final String ADMIN_REPLY_NOTIFICATION = "admin_reply_notification";
  static final String TYPING = "user_typing_support";
  static final String MESSAGES_READ = "support_messages_read";
  static final String STATUS_UPDATED = "support_chat_status_updated";
  static final String ASSIGNED = "support_chat_assigned";
  static final String MESSAGE_EDITED = "support_message_edited";
  static final String CHAT_CREATED = "new_support_chat";
  static final String RATED = "support_chat_rated";

  private final Broadcaster broadcaster;

  public ChatEventsEmitter(Broadcaster broadcaster) {
    this.broadcaster = broadcaster;
  }

  @Override
  public void chatCreated(Chat chat) {
    emit(
        List.of(RoomNames.ADMINS),
        CHAT_CREATED,
        Map.of("chatId", chat.id(), "chat", ChatJson.chat(chat, true)));
  }

  @Override
  public void messageSent(Message message, Chat chat) {
    Map<String, Object> msg = ChatJson.message(message);
    if (message.isInternalNote()) {
      emit(List.of(RoomNames.chatStaff(chat.id())), NEW_MESSAGE, msg);
      return;
    }
    emit(List.of(RoomNames.chatUser(chat.id()), RoomNames.chatStaff(chat.id())), NEW_MESSAGE, msg);
    if (message.fromAdmin()) {
      emit(
          List.of(RoomNames.user(chat.user().id())),
          ADMIN_REPLY_NOTIFICATION,
          Map.of("chatId", chat.id(), "message", msg));
    } else {
      emit(
          List.of(RoomNames.ADMINS),
          NEW_USER_MESSAGE_NOTIFICATION,
          Map.of("chatId", chat.id(), "message", msg, "chat", ChatJson.chat(chat, true)));
    }
  }

  /** To the chat's staff room and every admin (the dashboard shows it); the user already knows. */
  @Override
  public void rated(Chat chat, Rating rating) {
    emit(
        List.of(RoomNames.chatStaff(chat.id()), RoomNames.ADMINS),
        RATED,
        Map.of("chatId", chat.id(), "rating", ChatJson.rating(rating)));
  }

  @Override
  public void messageEdited(Message message, Chat chat) {
    Map<String, Object> msg = ChatJson.message(message);
    List<String> rooms =
        message.isInternalNote()
            ? List.of(RoomNames.chatStaff(chat.id()))
            : List.of(RoomNames.chatUser(chat.id()), RoomNames.chatStaff(chat.id()));
    emit(rooms, MESSAGE_EDITED, Map.of("chatId", chat.id(), "message", msg));
  }

  @Override
  public void messagesRead(ReadReceipt receipt) {
    String chatId = receipt.chatId();
    emit(
        List.of(RoomNames.chatUser(chatId), RoomNames.chatStaff(chatId)),
        MESSAGES_READ,
        ChatJson.readReceipt(receipt));
  }

  @Override
  public void statusUpdated(Chat chat) {
    emitToRoomAndAdmins(
        chat,
        STATUS_UPDATED,
        view -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("chatId", chat.id());
          p.put("status", chat.status().wire());
          p.put("priority", chat.priority().wire());
          p.put("chat", view);
          return p;
        });
  }

  @Override
  public void assigned(Chat chat) {
    emitToRoomAndAdmins(
        chat,
        ASSIGNED,
        view -> {
          Map<String, Object> p = new LinkedHashMap<>();
          p.put("chatId", chat.id());
          p.put("admin", chat.admin() == null ? null : ChatJson.user(chat.admin()));
          p.put("chat", view);
          return p;
        });
  }

  /**
   * The chat's user sockets get the user view; its staff room and every admin get the admin view.
   */
  private void emitToRoomAndAdmins(
      Chat chat, String event, Function<Map<String, Object>, Map<String, Object>> payload) {
    emit(List.of(RoomNames.chatUser(chat.id())), event, payload.apply(ChatJson.chat(chat, false)));
    emit(
        List.of(RoomNames.chatStaff(chat.id()), RoomNames.ADMINS),
        event,
        payload.apply(ChatJson.chat(chat, true)));
  }

  void typing(String chatId, String userId, boolean isAdmin, boolean isTyping) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("chatId", chatId);
    p.put("userId", userId);
    p.put("isAdmin", isAdmin);
    p.put("isTyping", isTyping);
    broadcaster.emit(
        new Broadcaster.Emit(
            List.of(RoomNames.chatUser(chatId), RoomNames.chatStaff(chatId)), TYPING, p, userId));
  }

  void emit(List<String> rooms, String event, Map<String, Object> payload) {
    broadcaster.emit(new Broadcaster.Emit(rooms, event, payload, null));
  }
}
