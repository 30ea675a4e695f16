package dev.supportchat.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes of chats and messages, as the original system's clients read them ({@code _id}, ISO dates,
 * expanded references). Built as plain maps so REST (Jackson) and Socket.IO (org.json) send the very same fields.
 * A chat is shaped for its reader: users never see an internal note as the last message.
 */
public final class ChatJson {
  private ChatJson() {}

  public static Map<String, Object> chat(Chat c, boolean forAdmin) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", c.id());
    m.put("user", user(c.user()));
    m.put("admin", c.admin() == null ? null : user(c.admin()));
    m.put("subject", c.subject());
    m.put("priority", c.priority().wire());
    m.put("status", c.status().wire());
    m.put("lastMessage", lastMessage(forAdmin ? c.lastMessage() : c.lastPublicMessage()));
    m.put("unreadByAdmin", c.unreadByAdmin());
    m.put("unreadByUser", c.unreadByUser());
    m.put("isActive", c.isActive());
    m.put("createdAt", iso(c.createdAt()));
    m.put("updatedAt", iso(c.updatedAt()));
    m.put("lastActivityAt", iso(c.lastActivityAt()));
    return m;
  }

  public static Map<String, Object> message(Message msg) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", msg.id());
    m.put("chat", msg.chatId());
    m.put("sender", user(msg.sender()));
    m.put("content", msg.content());
    m.put("messageType", msg.messageType().wire());
    List<Object> attachments = new ArrayList<>();
    msg.attachments().forEach(a -> attachments.add(attachment(a)));
    m.put("attachments", attachments);
    m.put("isReadByAdmin", msg.isReadByAdmin());
    m.put("isReadByUser", msg.isReadByUser());
    m.put("isInternalNote", msg.isInternalNote());
    m.put("isEdited", msg.isEdited());
    m.put("clientMessageId", msg.clientMessageId());
    m.put("createdAt", iso(msg.createdAt()));
    m.put("updatedAt", iso(msg.updatedAt()));
    return m;
  }

  public static Map<String, Object> attachment(Attachment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", a.id());
    m.put("url", a.url());
    m.put("fileName", a.fileName());
    m.put("contentType", a.contentType());
    m.put("size", a.size());
    return m;
  }

  public static Map<String, Object> user(UserRef u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", u.id());
    m.put("fullName", u.fullName());
    m.put("email", u.email());
    m.put("isAdmin", u.isAdmin());
    return m;
  }

  private static Map<String, Object> lastMessage(Chat.LastMessage lm) {
    if (lm == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", lm.id());
    m.put("sender", lm.senderId());
    m.put("content", lm.content());
    m.put("messageType", lm.messageType().wire());
    m.put("createdAt", iso(lm.createdAt()));
    return m;
  }

  public static String iso(Instant t) {
    return t == null ? null : t.toString();
  }
}
