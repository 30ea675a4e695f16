package dev.supportchat.webhook;

import dev.supportchat.chat.ChatSideEffects;
import dev.supportchat.http.Auth;
import dev.supportchat.outbox.Delivery;
import dev.supportchat.outbox.Outbox;
import dev.supportchat.user.Principal;
import io.javalin.apibuilder.EndpointGroup;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The webhook feature as {@code App} wires it. */
public final class WebhookModule {
  private final WebhookEffects effects;
  private final WebhookDelivery delivery;
  private final WebhookService service;

  private WebhookModule(WebhookEffects effects, WebhookDelivery delivery, WebhookService service) {
    this.effects = effects;
    this.delivery = delivery;
    this.service = service;
  }

  public static WebhookModule create(Outbox outbox, boolean allowPrivate, Clock clock) {
    var store = new WebhookStore(outbox.database());
    Function<String, List<InetAddress>> resolver = WebhookModule::resolve;
    var service = new WebhookService(store, outbox, resolver, allowPrivate, clock);
    return new WebhookModule(
        new WebhookEffects(clock),
        new WebhookDelivery(store, resolver, allowPrivate, clock),
        service);
  }

  private static List<InetAddress> resolve(String host) {
    try {
      return List.of(InetAddress.getAllByName(host));
    } catch (UnknownHostException e) {
      return List.of();
    }
  }

  public ChatSideEffects chatEffects() {
    return effects;
  }

  public Map<String, Delivery> deliveries() {
    return Map.of(WebhookEffects.KIND, delivery);
  }

  /** {@code /api/v1/webhooks}. */
  public EndpointGroup routes(Auth<Principal> auth) {
    return new WebhookRoutes(service, auth);
  }
}
