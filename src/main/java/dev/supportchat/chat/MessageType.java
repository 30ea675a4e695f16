package dev.supportchat.chat;

import dev.supportchat.error.AppException;

/** What a message carries: text, or an image or file attachment (with an optional caption). */
public enum MessageType {
  TEXT("text"),
  IMAGE("image"),
  FILE("file");

  private final String wire;

  MessageType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static MessageType parse(String value) {
    if (value == null) {
      return TEXT;
    }
    for (MessageType t : values()) {
      if (t.wire.equals(value)) {
        return t;
      }
    }
    throw AppException.invalid("messageType", "messageType must be one of text, image, file.");
  }
}
