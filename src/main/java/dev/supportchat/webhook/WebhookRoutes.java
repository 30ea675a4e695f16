package dev.supportchat.webhook;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;

import com.fasterxml.jackson.databind.JsonNode;
import dev.supportchat.error.AppException;
import dev.supportchat.http.Auth;
import dev.supportchat.http.QueryParams;
import dev.supportchat.http.RequestBody;
import dev.supportchat.http.Responses;
import dev.supportchat.json.IsoTime;
import dev.supportchat.json.Json;
import dev.supportchat.json.JsonBody;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /api/v1/webhooks}: admins' endpoints and their deliveries (docs/API.md "Webhooks"). */
final class WebhookRoutes implements EndpointGroup {
  private static final int DEFAULT_DELIVERIES = 20;

  private final WebhookService webhooks;
  private final Auth<Principal> auth;

  WebhookRoutes(WebhookService webhooks, Auth<Principal> auth) {
    this.webhooks = webhooks;
    this.auth = auth;
  }

  @Override
  public void addEndpoints() {
    get("", this::list);
    post("", this::create);
    put("/{id}", this::update);
    delete("/{id}", this::remove);
    get("/{id}/deliveries", this::deliveries);
    post("/{id}/deliveries/{deliveryId}/redeliver", this::redeliver);
  }

  private void list(Context ctx) {
    List<Map<String, Object>> all = new ArrayList<>();
    webhooks.list(auth.require(ctx)).forEach(e -> all.add(view(e, false)));
    Responses.ok(
        ctx, Map.of("endpoints", all, "events", WebhookEndpoint.EVENTS), "Webhook endpoints");
  }

  private void create(Context ctx) {
    Principal caller = auth.require(ctx);
    WebhookEndpoint e = webhooks.create(caller, changes(RequestBody.json(ctx)));
    Responses.created(
        ctx, view(e, true), "Webhook endpoint created; keep its secret, it is shown once");
  }

  private void update(Context ctx) {
    Principal caller = auth.require(ctx);
    WebhookEndpoint e =
        webhooks.update(caller, ctx.pathParam("id"), changes(RequestBody.json(ctx)));
    Responses.ok(ctx, view(e, false), "Webhook endpoint updated");
  }

  private void remove(Context ctx) {
    webhooks.delete(auth.require(ctx), ctx.pathParam("id"));
    Responses.ok(ctx, Map.of(), "Webhook endpoint removed");
  }

  private void deliveries(Context ctx) {
    Principal caller = auth.require(ctx);
    Integer given = QueryParams.optionalInt(ctx, "limit");
    int limit = given == null ? DEFAULT_DELIVERIES : given;
    List<Map<String, Object>> rows = new ArrayList<>();
    webhooks.deliveries(caller, ctx.pathParam("id"), limit).forEach(r -> rows.add(delivery(r)));
    Responses.ok(ctx, Map.of("deliveries", rows), "Recent deliveries");
  }

  private void redeliver(Context ctx) {
    Principal caller = auth.require(ctx);
    Outbox.Row r = webhooks.redeliver(caller, ctx.pathParam("id"), ctx.pathParam("deliveryId"));
    Responses.created(ctx, delivery(r), "Delivery queued again");
  }

  private static WebhookService.Changes changes(JsonBody body) {
    List<String> events = null;
    JsonNode node = body.node("events");
    if (node != null) {
      if (!node.isArray() || node.size() > WebhookEndpoint.EVENTS.size() * 2) {
        throw AppException.invalid("events", "events must be a list of event names.");
      }
      events = new ArrayList<>();
      for (JsonNode n : node) {
        if (!n.isTextual()) {
          throw AppException.invalid("events", "events must be a list of event names.");
        }
        events.add(n.textValue());
      }
    }
    return new WebhookService.Changes(
        body.string("url"), events, body.string("description"), body.bool("isActive"));
  }

  private static Map<String, Object> view(WebhookEndpoint e, boolean withSecret) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("_id", e.id());
    v.put("url", e.url());
    v.put("events", e.events());
    v.put("description", e.description());
    v.put("isActive", e.isActive());
    if (withSecret) {
      v.put("secret", e.secret());
    }
    v.put("createdAt", IsoTime.of(e.createdAt()));
    v.put("updatedAt", IsoTime.of(e.updatedAt()));
    return v;
  }

  private static Map<String, Object> delivery(Outbox.Row r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("_id", r.id());
    String event = null;
    String redeliveryOf = null;
    try {
      JsonNode p = Json.MAPPER.readTree(r.payload());
      event = p.path("event").asText(null);
      redeliveryOf = p.path("redeliveryOf").asText(null);
    } catch (IOException ignored) {
      // shown without
    }
    v.put("event", event);
    v.put("state", r.state());
    v.put("attempts", r.attempts());
    v.put("lastStatus", r.lastStatus());
    v.put("lastError", r.lastError());
    v.put("createdAt", IsoTime.of(r.createdAt()));
    v.put("nextAttemptAt", "pending".equals(r.state()) ? IsoTime.of(r.dueAt()) : null);
    v.put("finishedAt", IsoTime.of(r.finishedAt()));
    v.put("redeliveryOf", redeliveryOf);
    return v;
  }
}
