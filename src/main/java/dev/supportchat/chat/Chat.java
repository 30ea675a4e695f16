package dev.supportchat.chat;

import java.time.Instant;

/**
 * A support chat with its user, assignee and last messages expanded. {@code lastMessage} may be an
 * internal note; {@code lastPublicMessage} never is, and is what users are shown.
 */
public record Chat(
    String id,
    UserRef user,
    UserRef admin,
    String subject,
    Priority priority,
    ChatStatus status,
    LastMessage lastMessage,
    LastMessage lastPublicMessage,
    int unreadByAdmin,
    int unreadByUser,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt,
    Instant lastActivityAt) {

  /** The short form of a chat's newest message. */
  public record LastMessage(
      String id, String senderId, String content, MessageType messageType, Instant createdAt) {}

  public boolean belongsTo(String userId) {
    return user.id().equals(userId);
  }
}
