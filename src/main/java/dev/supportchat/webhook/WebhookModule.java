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
import java.util.function.Predicate;

/** The webhook feature as {@code App} wires it. */
public final class WebhookModule {
  private final WebhookEffects effects;
  private final WebhookDelivery delivery;
  private final WebhookStore store;
  private final Outbox outbox;
  private final boolean allowPrivate;
  private final Clock clock;

  private WebhookModule(WebhookStore store, Outbox outbox, boolean allowPrivate, Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.allowPrivate = allowPrivate;
    this.clock = clock;
    this.effects = new WebhookEffects(clock);
    this.delivery = new WebhookDelivery(store, WebhookModule::resolve, allowPrivate, clock);
  }

  public static WebhookModule create(Outbox outbox, boolean allowPrivate, Clock clock) {
    return new WebhookModule(new WebhookStore(outbox.database()), outbox, allowPrivate, clock);
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

  /**
   * {@code /api/v1/webhooks}, for the callers {@code managesTeam} accepts: the team's admins (an
   * agent's {@code isAdmin} is true too, and a webhook sends chat data wherever its URL says).
   */
  public EndpointGroup routes(Auth<Principal> auth, Predicate<Principal> managesTeam) {
    Function<String, List<InetAddress>> resolver = WebhookModule::resolve;
    return new WebhookRoutes(
        new WebhookService(store, outbox, resolver, allowPrivate, managesTeam, clock), auth);
  }
}
