package dev.supportchat.tools;

/** The rows the generator inserts, column for column as in the V1/V2 schema. */
final class Rows {
  private Rows() {}

  record UserRow(String id, String email, String fullName, boolean isAdmin, long createdAt) {}

  record ChatRow(
      String id,
      String userId,
      String adminId,
      String subject,
      String priority,
      int priorityRank,
      String status,
      String lastMessageId,
      String lastPublicMessageId,
      int unreadByAdmin,
      int unreadByUser,
      Long firstUserMessageAt,
      Long firstResponseMs,
      Long resolutionMs,
      long lastActivityAt,
      long createdAt,
      long updatedAt) {}

  record MessageRow(
      String id,
      String chatId,
      String senderId,
      boolean senderIsAdmin,
      String content,
      boolean isReadByAdmin,
      boolean isReadByUser,
      boolean isInternalNote,
      String clientMessageId,
      long createdAt) {}
}
