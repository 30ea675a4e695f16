package dev.supportchat.chat;

import dev.supportchat.json.IsoTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The wire shapes of chats and messages, as the original system's clients read them ({@code _id},
 * ISO dates, expanded references). Built as plain maps so REST (Jackson) and Socket.IO (org.json)
 * send the very same fields. A chat is shaped for its reader: users never see an internal note as
 * the last message.
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

  public static Map<String, Object> rating(Rating r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", r.id());
    m.put("chatId", r.chatId());
    m.put("score", r.score());
    m.put("comment", r.comment());
    m.put("admin", r.adminId());
    m.put("resolvedAt", iso(r.resolvedAt()));
    m.put("createdAt", iso(r.createdAt()));
    return m;
  }

  /** {@code {canRate, rating, history}}: history is empty for users. */
  public static Map<String, Object> ratingView(ChatService.RatingView v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("canRate", v.state().canRate());
    m.put("rating", v.state().current() == null ? null : rating(v.state().current()));
    m.put("history", v.history().stream().map(ChatJson::rating).toList());
    return m;
  }

  /** The REST answer to a messages read: {@code {messages, hasMore, nextCursor}}. */
  public static Map<String, Object> messagePage(ChatRepository.MessagePage page) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("messages", page.messages().stream().map(ChatJson::message).toList());
    m.put("hasMore", page.hasMore());
    m.put("nextCursor", page.nextCursor());
    return m;
  }

  /**
   * The admin list: {@code {chats, pagination:{page, limit, total, pages}}}, each row with its
   * {@code labels} (staff only: users are never sent this list).
   */
  public static Map<String, Object> chatPage(
      ChatPage page, Map<String, List<Map<String, Object>>> labels) {
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("page", page.page());
    pagination.put("limit", page.limit());
    pagination.put("total", page.total());
    pagination.put("pages", page.pages());
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Chat c : page.chats()) {
      Map<String, Object> row = chat(c, true);
      row.put("labels", labels.getOrDefault(c.id(), List.of()));
      rows.add(row);
    }
    m.put("chats", rows);
    m.put("pagination", pagination);
    return m;
  }

  /**
   * Marking read, the same for the REST answer, the socket ack and the {@code
   * support_messages_read} event: the union of the fields each carried before (docs/API.md), so no
   * reader lost one.
   */
  public static Map<String, Object> readReceipt(ReadReceipt r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("chatId", r.chatId());
    m.put("markedCount", r.markedCount());
    m.put("readBy", r.readBy());
    m.put("readerIsAdmin", r.readerIsAdmin());
    m.put("readAt", iso(r.readAt()));
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

  static Map<String, Object> attachment(Attachment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", a.id());
    m.put("url", a.url());
    m.put("fileName", a.fileName());
    m.put("contentType", a.contentType());
    m.put("size", a.size());
    return m;
  }

  /**
   * One timeline entry: {@code type} "status" (from, to) or "assigned" (from, to: agents or null).
   */
  static Map<String, Object> event(ChatEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", e.id());
    m.put("chatId", e.chatId());
    m.put("type", e.kind().wire());
    m.put("actor", e.actor() == null ? null : user(e.actor()));
    if (e.kind() == ChatEvent.Kind.STATUS) {
      m.put("from", e.from().wire());
      m.put("to", e.to().wire());
    } else {
      m.put("from", e.fromAgent() == null ? null : user(e.fromAgent()));
      m.put("to", e.toAgent() == null ? null : user(e.toAgent()));
    }
    m.put("createdAt", iso(e.at()));
    return m;
  }

  public static Map<String, Object> user(UserRef u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("_id", u.id());
    m.put("fullName", u.fullName());
    // A visitor may have left no email: stored as '', shown as null.
    m.put("email", u.email() == null || u.email().isEmpty() ? null : u.email());
    m.put("isAdmin", u.isAdmin());
    return m;
  }

  /** The agents' view of who they talk to ({@code GET /chats/:chatId/person}). */
  static Map<String, Object> person(ChatService.Person p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("user", p.user());
    if (p.context() == null) {
      m.put("context", null);
    } else {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("pageUrl", p.context().pageUrl());
      c.put("pageTitle", p.context().pageTitle());
      c.put("browser", p.context().browser());
      c.put("language", p.context().language());
      c.put("timeZone", p.context().timeZone());
      c.put("updatedAt", iso(p.context().updatedAt()));
      m.put("context", c);
    }
    List<Map<String, Object>> earlier = new ArrayList<>();
    for (ChatRepository.ChatSummary s : p.earlierChats()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("_id", s.id());
      e.put("subject", s.subject());
      e.put("status", s.status().wire());
      e.put("priority", s.priority().wire());
      e.put("createdAt", iso(s.createdAt()));
      e.put("lastMessageAt", iso(s.lastActivityAt()));
      earlier.add(e);
    }
    m.put("earlierChats", earlier);
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

  static String iso(Instant t) {
    return IsoTime.of(t);
  }
}
