package dev.supportchat.search;

/** A message that matched a search, with what the result list shows of its chat and sender. */
public record MessageHit(
    String messageId,
    String chatId,
    String content,
    boolean isInternalNote,
    long createdAt,
    String senderId,
    String senderName,
    boolean senderIsAdmin,
    String chatSubject,
    String chatStatus,
    String userName,
    String userEmail) {}
