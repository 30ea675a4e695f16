package dev.supportchat.webhook;

import dev.supportchat.chat.Chat;
import dev.supportchat.chat.ChatJson;
import dev.supportchat.chat.ChatRepository.Appended;
import dev.supportchat.chat.ChatSideEffects;
import dev.supportchat.chat.Rating;
import dev.supportchat.json.IsoTime;
import dev.supportchat.json.Json;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.store.Pipeline;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds one outbox row per subscribed endpoint for each chat event, in the transaction of the change
 * itself: an event exists for the receivers exactly when the change committed.
 */
final class WebhookEffects implements ChatSideEffects {
  static final String KIND = "webhook";

  private final Clock clock;

  WebhookEffects(Clock clock) {
    this.clock = clock;
  }

  /** The endpoints are read with the message writer's first statements, in its transaction. */
  @Override
  public MessagesStored beforeMessagesStored(Pipeline reads) {
    Pipeline.Result<List<WebhookEndpoint>> endpoints = WebhookStore.active(reads);
    return (writes, stored) -> messagesStored(writes, stored, endpoints.get());
  }

  private void messagesStored(
      Pipeline writes, List<Appended> stored, List<WebhookEndpoint> endpoints) {
    if (endpoints.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Outbox.NewItem> items = new ArrayList<>();
    for (Appended a : stored) {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("message", ChatJson.message(a.message()));
      data.put("chat", ChatJson.chat(a.chat(), true));
      items.addAll(items(endpoints, "message.created", data, now));
      if (a.reopened()) {
        items.addAll(items(endpoints, "chat.status_changed", statusData(a.chat(), null), now));
      }
    }
    Outbox.addAll(writes, items, now);
  }

  @Override
  public void chatCreated(Connection c, Chat chat) throws SQLException {
    add(c, WebhookStore.active(c), "chat.created", Map.of("chat", ChatJson.chat(chat, true)));
  }

  @Override
  public void statusChanged(Connection c, Chat before, Chat after) throws SQLException {
    add(c, WebhookStore.active(c), "chat.status_changed", statusData(after, before));
  }

  @Override
  public void assigned(Connection c, Chat before, Chat after) throws SQLException {
    List<WebhookEndpoint> endpoints = WebhookStore.active(c);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("chat", ChatJson.chat(after, true));
    data.put("admin", after.admin() == null ? null : ChatJson.user(after.admin()));
    data.put("previousAdmin", before.admin() == null ? null : ChatJson.user(before.admin()));
    add(c, endpoints, "chat.assigned", data);
    if (before.status() != after.status()) {
      add(c, endpoints, "chat.status_changed", statusData(after, before));
    }
  }

  @Override
  public void rated(Connection c, Chat chat, Rating rating) throws SQLException {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("chat", ChatJson.chat(chat, true));
    data.put("rating", ChatJson.rating(rating));
    add(c, WebhookStore.active(c), "chat.rated", data);
  }

  private static Map<String, Object> statusData(Chat after, Chat before) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("chat", ChatJson.chat(after, true));
    data.put("status", after.status().wire());
    data.put("previousStatus", before == null ? null : before.status().wire());
    return data;
  }

  private void add(Connection c, List<WebhookEndpoint> endpoints, String event, Object data)
      throws SQLException {
    Instant now = clock.instant();
    Outbox.addAll(c, items(endpoints, event, data, now), now);
  }

  /** One item per endpoint that wants the event, all with the same payload. */
  private static List<Outbox.NewItem> items(
      List<WebhookEndpoint> endpoints, String event, Object data, Instant now) {
    List<Outbox.NewItem> items = new ArrayList<>();
    String payload = null;
    for (WebhookEndpoint e : endpoints) {
      if (!e.wants(event)) {
        continue;
      }
      if (payload == null) {
        var p = Json.MAPPER.createObjectNode();
        p.put("event", event);
        p.put("createdAt", IsoTime.of(now));
        p.set("data", Json.MAPPER.valueToTree(data));
        payload = p.toString();
      }
      items.add(new Outbox.NewItem(KIND, null, e.id(), payload, now));
    }
    return items;
  }
}
