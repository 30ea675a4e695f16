package dev.supportchat.chat;

/** A stored upload, as attached to a message. */
public record Attachment(String id, String chatId, String fileName, String contentType, long size) {
  public String url() {
    return "/api/v1/chats/" + chatId + "/attachments/" + id;
  }
}
