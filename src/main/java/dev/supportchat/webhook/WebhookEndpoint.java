package dev.supportchat.webhook;

import java.time.Instant;
import java.util.List;

/** An endpoint an admin registered: where to POST which events, and the secret that signs them. */
public record WebhookEndpoint(
    String id,
    String url,
    String secret,
    List<String> events,
    String description,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt) {

  /** The events there are, as endpoints name them. */
  public static final List<String> EVENTS =
      List.of(
          "chat.created", "message.created", "chat.status_changed", "chat.assigned", "chat.rated");

  public boolean wants(String event) {
    return isActive && events.contains(event);
  }
}
