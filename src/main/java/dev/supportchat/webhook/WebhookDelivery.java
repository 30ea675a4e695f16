package dev.supportchat.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.supportchat.json.Json;
import dev.supportchat.outbox.Delivery;
import dev.supportchat.outbox.Outbox;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * POSTs one webhook delivery: the JSON body {@code {id, event, createdAt, data}} (the id is the
 * outbox row's, unique per delivery), signed with the endpoint's secret, with a 10 s timeout and no
 * redirects. A 2xx is delivered; anything else, or no answer, is retried by the outbox.
 */
final class WebhookDelivery implements Delivery {
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String DELIVERY_HEADER = "X-SupportChat-Delivery";
  static final String EVENT_HEADER = "X-SupportChat-Event";

  private final WebhookStore store;
  private final Function<String, List<InetAddress>> resolver;
  private final boolean allowPrivate;
  private final Clock clock;
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  WebhookDelivery(
      WebhookStore store,
      Function<String, List<InetAddress>> resolver,
      boolean allowPrivate,
      Clock clock) {
    this.store = store;
    this.resolver = resolver;
    this.allowPrivate = allowPrivate;
    this.clock = clock;
  }

  /** The body a delivery sends, the same on every attempt. */
  static String body(Outbox.Item item) {
    try {
      ObjectNode stored = (ObjectNode) Json.MAPPER.readTree(item.payload());
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("id", item.id());
      body.set("event", stored.get("event"));
      body.set("createdAt", stored.get("createdAt"));
      if (stored.has("redeliveryOf")) {
        body.set("redeliveryOf", stored.get("redeliveryOf"));
      }
      body.set("data", stored.get("data"));
      return body.toString();
    } catch (IOException e) {
      throw new IllegalStateException("unreadable webhook payload " + item.id(), e);
    }
  }

  static String eventOf(Outbox.Item item) {
    try {
      return Json.MAPPER.readTree(item.payload()).path("event").asText();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public Result deliver(Outbox.Item item) {
    Optional<WebhookEndpoint> endpoint = store.find(item.target());
    if (endpoint.isEmpty()) {
      return new Skipped("endpoint removed");
    }
    if (!endpoint.get().isActive()) {
      return new Skipped("endpoint turned off");
    }
    URI uri;
    try {
      uri = TargetPolicy.parse(endpoint.get().url());
    } catch (TargetPolicy.Refused refused) {
      return new Failed(false, null, refused.getMessage());
    }
    // Checked again now: the name may resolve elsewhere than when the endpoint was registered.
    List<InetAddress> addresses = resolver.apply(uri.getHost());
    if (addresses.isEmpty()) {
      return new Failed(true, null, "host name does not resolve");
    }
    Optional<String> refusal = TargetPolicy.refusal(addresses, allowPrivate);
    if (refusal.isPresent()) {
      return new Failed(false, null, "refused: " + refusal.get());
    }
    String body = body(item);
    String event = eventOf(item);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("User-Agent", "support-chat-webhooks/1")
            .header(DELIVERY_HEADER, item.id())
            .header(EVENT_HEADER, event)
            .header(
                Signature.HEADER,
                Signature.header(endpoint.get().secret(), clock.instant().getEpochSecond(), body))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new Sent(status);
      }
      return new Failed(true, status, "answered " + status);
    } catch (IOException e) {
      return new Failed(true, null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Failed(true, null, "interrupted (server stopping)");
    }
  }
}
