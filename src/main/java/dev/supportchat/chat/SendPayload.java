package dev.supportchat.chat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.error.AppException;
import dev.supportchat.json.JsonBody;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a send-message payload (a REST body or a socket event alike) into a {@link
 * ChatService.SendCommand}.
 */
public final class SendPayload {
  private SendPayload() {}

  public static ChatService.SendCommand read(JsonBody body) {
    Boolean note = body.bool("isInternalNote");
    return new ChatService.SendCommand(
        body.string("content"),
        body.string("messageType"),
        attachmentIds(body.node("attachments")),
        note != null && note,
        body.string("clientMessageId"));
  }

  /** Attachments may be given as ids or as the objects the upload returned ({@code {_id, …}}). */
  private static List<String> attachmentIds(JsonNode node) {
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      throw AppException.invalid("attachments", "attachments must be an array.");
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode item : node) {
      if (item.isTextual()) {
        ids.add(item.textValue());
      } else if (item.isObject() && item.path("_id").isTextual()) {
        ids.add(item.get("_id").textValue());
      } else {
        throw AppException.invalid("attachments", "attachments must hold attachment ids.");
      }
    }
    return ids;
  }
}
