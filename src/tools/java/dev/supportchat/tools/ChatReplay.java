package dev.supportchat.tools;

import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.Priority;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat's history replayed in memory with the write rules of {@code JdbcChatRepository} (append, markRead,
 * updateStatus, assign), so the denormalised chat columns come out exactly as the live server would have left them:
 * last (public) message, unread counters, reopening, first response and resolution times, activity and update times.
 */
final class ChatReplay {
  private final String chatId;
  private final String userId;
  private final String subject;
  private final Priority priority;
  private final long createdAt;
  private final List<MutableMessage> messages = new ArrayList<>();

  private ChatStatus status = ChatStatus.OPEN;
  private String adminId;
  private String lastMessageId;
  private String lastPublicMessageId;
  private int unreadByAdmin;
  private int unreadByUser;
  private Long firstUserMessageAt;
  private Long firstResponseMs;
  private Long resolutionMs;
  private long lastActivityAt;
  private long updatedAt;

  /** As {@code createChat}: open, no messages, every time column at the creation time. */
  ChatReplay(String chatId, String userId, String subject, Priority priority, long createdAt) {
    this.chatId = chatId;
    this.userId = userId;
    this.subject = subject;
    this.priority = priority;
    this.createdAt = createdAt;
    this.lastActivityAt = createdAt;
    this.updatedAt = createdAt;
  }

  /** As {@code append}: the message's read flags, then the chat's counters, status and times. */
  void append(String id, String senderId, boolean senderIsAdmin, boolean note, String content, String clientId,
      long t) {
    boolean fromUser = !senderIsAdmin;
    boolean publicReply = senderIsAdmin && !note;
    messages.add(new MutableMessage(id, senderId, senderIsAdmin, content, senderIsAdmin, fromUser || note, note,
        clientId, t));
    lastMessageId = id;
    if (!note) {
      lastPublicMessageId = id;
    }
    unreadByAdmin += fromUser ? 1 : 0;
    unreadByUser += publicReply ? 1 : 0;
    if (fromUser && status.isFinished()) {
      status = ChatStatus.OPEN;
    }
    // The SQL evaluates each CASE against the row as it was before the update; these two never read each other's
    // new value because one needs a user message and the other an admin reply.
    if (fromUser && firstUserMessageAt == null) {
      firstUserMessageAt = t;
    }
    if (publicReply && firstResponseMs == null && firstUserMessageAt != null) {
      firstResponseMs = t - firstUserMessageAt;
    }
    lastActivityAt = t;
    updatedAt = t;
  }

  /** As {@code markRead}: the other side's messages become read and the reader's counter is recounted. */
  void markRead(boolean readerIsAdmin) {
    int unread = 0;
    for (MutableMessage m : messages) {
      if (readerIsAdmin && !m.senderIsAdmin) {
        m.readByAdmin = true;
      } else if (!readerIsAdmin && m.senderIsAdmin && !m.note) {
        m.readByUser = true;
      }
      unread += readerIsAdmin ? (!m.senderIsAdmin && !m.readByAdmin ? 1 : 0)
          : (m.senderIsAdmin && !m.note && !m.readByUser ? 1 : 0);
    }
    if (readerIsAdmin) {
      unreadByAdmin = unread;
    } else {
      unreadByUser = unread;
    }
  }

  /** As {@code updateStatus}: the first move into resolved/closed from an unfinished status sets resolution_ms. */
  void updateStatus(ChatStatus newStatus, long t) {
    if (newStatus.isFinished() && !status.isFinished()) {
      resolutionMs = t - createdAt;
    }
    status = newStatus;
    updatedAt = t;
  }

  /** As {@code assign}: an open chat becomes in-progress. */
  void assign(String admin, long t) {
    adminId = admin;
    if (status == ChatStatus.OPEN) {
      status = ChatStatus.IN_PROGRESS;
    }
    updatedAt = t;
  }

  ChatStatus status() {
    return status;
  }

  Rows.ChatRow chatRow() {
    return new Rows.ChatRow(chatId, userId, adminId, subject, priority.name(), priority.rank(), status.name(),
        lastMessageId, lastPublicMessageId, unreadByAdmin, unreadByUser, firstUserMessageAt, firstResponseMs,
        resolutionMs, lastActivityAt, createdAt, updatedAt);
  }

  List<Rows.MessageRow> messageRows() {
    List<Rows.MessageRow> rows = new ArrayList<>(messages.size());
    for (MutableMessage m : messages) {
      rows.add(new Rows.MessageRow(m.id, chatId, m.senderId, m.senderIsAdmin, m.content, m.readByAdmin, m.readByUser,
          m.note, m.clientId, m.at));
    }
    return rows;
  }

  /** Read flags change after the insert (markRead), so the replay keeps them mutable until the rows are made. */
  private static final class MutableMessage {
    final String id;
    final String senderId;
    final boolean senderIsAdmin;
    final String content;
    final boolean note;
    final String clientId;
    final long at;
    boolean readByAdmin;
    boolean readByUser;

    MutableMessage(String id, String senderId, boolean senderIsAdmin, String content, boolean readByAdmin,
        boolean readByUser, boolean note, String clientId, long at) {
      this.id = id;
      this.senderId = senderId;
      this.senderIsAdmin = senderIsAdmin;
      this.content = content;
      this.readByAdmin = readByAdmin;
      this.readByUser = readByUser;
      this.note = note;
      this.clientId = clientId;
      this.at = at;
    }
  }
}
