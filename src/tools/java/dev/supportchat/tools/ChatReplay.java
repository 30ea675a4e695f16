package dev.supportchat.tools;

import dev.supportchat.chat.ChatStatus;
import dev.supportchat.chat.Priority;
import dev.supportchat.chat.StatusFlow;
import java.util.ArrayList;
import java.util.List;

/**
 * One chat's history replayed in memory with the server's write rules ({@code MessageBatch} for
 * appended messages; {@code JdbcChatRepository}'s createChat, markRead, updateStatus and assign),
 * so the denormalised chat columns come out exactly as the live server would have left them: last
 * (public) message, unread counters, reopening, first response and resolution times, activity and
 * update times. Status and times are decided by {@link StatusFlow}, as on the server; only the
 * bookkeeping is repeated here.
 */
final class ChatReplay {
  private final String chatId;
  private final String userId;
  private final String subject;
  private final Priority priority;
  private final long createdAt;
  private final List<MutableMessage> messages = new ArrayList<>();

  private ChatStatus status = StatusFlow.created();
  private String adminId;
  private String lastMessageId;
  private String lastPublicMessageId;
  private int unreadByAdmin;
  private int unreadByUser;
  private StatusFlow.ResponseClock responseClock = StatusFlow.ResponseClock.NOT_STARTED;
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

  /**
   * As {@code MessageBatch} storing a message: its read flags, then the chat's counters, status and
   * times.
   */
  void append(
      String id,
      String senderId,
      boolean senderIsAdmin,
      boolean note,
      String content,
      String clientId,
      long t) {
    boolean fromUser = !senderIsAdmin;
    boolean publicReply = senderIsAdmin && !note;
    messages.add(
        new MutableMessage(
            id,
            senderId,
            senderIsAdmin,
            content,
            senderIsAdmin,
            fromUser || note,
            note,
            clientId,
            t));
    lastMessageId = id;
    if (!note) {
      lastPublicMessageId = id;
    }
    unreadByAdmin += fromUser ? 1 : 0;
    unreadByUser += publicReply ? 1 : 0;
    status = StatusFlow.afterMessage(status, fromUser).status();
    responseClock = responseClock.afterMessage(fromUser, note, t);
    lastActivityAt = t;
    updatedAt = t;
  }

  /**
   * As {@code markRead}: the other side's messages become read and the reader's counter is
   * recounted.
   */
  void markRead(boolean readerIsAdmin) {
    int unread = 0;
    for (MutableMessage m : messages) {
      if (readerIsAdmin && !m.senderIsAdmin) {
        m.readByAdmin = true;
      } else if (!readerIsAdmin && m.senderIsAdmin && !m.note) {
        m.readByUser = true;
      }
      unread +=
          readerIsAdmin
              ? (!m.senderIsAdmin && !m.readByAdmin ? 1 : 0)
              : (m.senderIsAdmin && !m.note && !m.readByUser ? 1 : 0);
    }
    if (readerIsAdmin) {
      unreadByAdmin = unread;
    } else {
      unreadByUser = unread;
    }
  }

  /**
   * As {@code updateStatus}: a null resolution time from the rule keeps the one stored (COALESCE).
   */
  void updateStatus(ChatStatus newStatus, long t) {
    StatusFlow.StatusSet set = StatusFlow.setByAdmin(status, newStatus, createdAt, t);
    if (set.resolutionMs() != null) {
      resolutionMs = set.resolutionMs();
    }
    status = set.step().status();
    updatedAt = t;
  }

  /** As {@code assign}. */
  void assign(String admin, long t) {
    adminId = admin;
    status = StatusFlow.assigned(status).status();
    updatedAt = t;
  }

  ChatStatus status() {
    return status;
  }

  Rows.ChatRow chatRow() {
    return new Rows.ChatRow(
        chatId,
        userId,
        adminId,
        subject,
        priority.name(),
        priority.rank(),
        status.name(),
        lastMessageId,
        lastPublicMessageId,
        unreadByAdmin,
        unreadByUser,
        responseClock.firstUserMessageAt(),
        responseClock.firstResponseMs(),
        resolutionMs,
        lastActivityAt,
        createdAt,
        updatedAt);
  }

  List<Rows.MessageRow> messageRows() {
    List<Rows.MessageRow> rows = new ArrayList<>(messages.size());
    for (MutableMessage m : messages) {
      rows.add(
          new Rows.MessageRow(
              m.id,
              chatId,
              m.senderId,
              m.senderIsAdmin,
              m.content,
              m.readByAdmin,
              m.readByUser,
              m.note,
              m.clientId,
              m.at));
    }
    return rows;
  }

  /**
   * Read flags change after the insert (markRead), so the replay keeps them mutable until the rows
   * are made.
   */
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

    MutableMessage(
        String id,
        String senderId,
        boolean senderIsAdmin,
        String content,
        boolean readByAdmin,
        boolean readByUser,
        boolean note,
        String clientId,
        long at) {
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
