package dev.supportchat.chat;

import java.time.Instant;
import java.util.List;

/** A stored chat message with its sender expanded. */
public record Message(
    String id,
    String chatId,
    UserRef sender,
    String content,
    MessageType messageType,
    List<Attachment> attachments,
    boolean isReadByAdmin,
    boolean isReadByUser,
    boolean isInternalNote,
    boolean isEdited,
    String clientMessageId,
    Instant createdAt,
    Instant updatedAt) {

  /** True when the message's author is on the support side. */
  public boolean fromAdmin() {
    return sender.isAdmin();
  }
}
